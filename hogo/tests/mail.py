"""Mail in tests: what the real SMTP server on loopback received (the `inbox` fixture of
hogo/tests/fixtures.py), and running what a transaction schedules for after its commit."""

import email
import email.policy
import re
import socket
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from django.test import TestCase


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


def committed() -> AbstractContextManager[object]:
    """Each test runs in one transaction that is rolled back, so nothing commits: what the code
    schedules for after its commit (sending mail, advancing a case) runs when this block ends,
    as it would after a real commit. Tests that need real commits (a live server, concurrent
    processes) are transactional instead."""
    return TestCase.captureOnCommitCallbacks(execute=True)
