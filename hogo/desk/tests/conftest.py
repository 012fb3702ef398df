"""Desk test support: a real SMTP server on loopback (aiosmtpd) that Django's mail system
delivers to, people in the vault, and short-hands for the privacy-center flow."""

import email
import email.policy
import re
import socket
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import TestCase

from hogo.desk.content import case_text
from hogo.desk.models import Case
from hogo.desk.services import case_confirm, case_start
from hogo.policy.schema import Policy
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
HANDLE = "user:1"  # a desk operator, as the audit log names them
CAMPAIGN = "campaign-invitations-surveys"
ORIGIN = "https://privacy.example.jp"
HANAKO = "hanako.yamada@example.jp"


@pytest.fixture(autouse=True)
def master_key(settings: Any, tmp_path: Path) -> Path:
    """Each test gets its own key-encryption key file (made at first use)."""
    settings.MASTER_KEY_FILE = tmp_path / "keys" / "master.key"
    return Path(settings.MASTER_KEY_FILE)


@pytest.fixture
def policy(active_policy: Policy) -> Policy:
    return active_policy


@dataclass
class Inbox:
    """What the SMTP server received, parsed; and the server's on/off switch."""

    port: int
    controller: Controller | None = None
    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    def last(self, address: str) -> EmailMessage:
        return self.to(address)[-1]

    def code(self, address: str) -> str:
        match = re.search(r"\b(\d{6})\b", str(self.last(address)["Subject"]))
        assert match, "no code in the last mail"
        return match.group(1)

    def link(self, address: str, path: str) -> str:
        match = re.search(rf"https?://\S+{re.escape(path)}\S+/", body(self.last(address)))
        assert match, f"no {path} link in the last mail"
        return match.group(0)


def body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    box = Inbox(port=free_port())
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": box.port, "timeout": 5},
        }
    }
    settings.DEFAULT_FROM_EMAIL = "privacy@example.jp"
    box.start()
    yield box
    box.stop()


def committed() -> AbstractContextManager[object]:
    """Each test runs in one transaction that is rolled back, so nothing commits: what the code
    schedules for after its commit (sending mail, advancing a case) runs when this block ends,
    as it would after a real commit. Tests that need real commits (a live server, concurrent
    processes) are transactional instead."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def person(
    address: str = HANAKO,
    *,
    name: str = "山田 花子",
    items: tuple[ItemIn, ...] = (ItemIn("organization", None, "三ツ星電機"),),
) -> str:
    """Stores a person's data in the vault (event registration); returns the subject id."""
    return subject_ingest(
        actor=ACTOR,
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": address, "name": name},
        items=list(items),
    ).subject_id


def asked(case: Case) -> dict[str, object]:
    """What the person asked, opened from the vault as a desk operator would."""
    return case_text(case, actor=HANDLE, via="test", details=True).details


def verified(
    inbox: Inbox,
    kind: str,
    address: str = HANAKO,
    details: Mapping[str, object] | None = None,
    *,
    language: str = "ja",
) -> Case:
    """A request started in the privacy center and confirmed with the code from the mail."""
    with committed():
        started = case_start(
            kind=kind, email=address, language=language, details=details or {}, origin=ORIGIN
        )
    with committed():
        return case_confirm(verification_ref=started.verification_ref, code=inbox.code(address))
