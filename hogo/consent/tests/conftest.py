from pathlib import Path
from typing import Any

import pytest

from hogo.policy.schema import Policy
from hogo.vault.records import IngestResult, ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
CAMPAIGN = "campaign-invitations-surveys"
INQUIRY = "inquiry-response"


@pytest.fixture(autouse=True)
def master_key(settings: Any, tmp_path: Path) -> Path:
    """Each test gets its own key-encryption key file (made at first use)."""
    settings.MASTER_KEY_FILE = tmp_path / "keys" / "master.key"
    return Path(settings.MASTER_KEY_FILE)


@pytest.fixture
def policy(active_policy: Policy) -> Policy:
    return active_policy


def register(
    email: str = "hanako.yamada@example.jp", items: tuple[ItemIn, ...] = ()
) -> IngestResult:
    return subject_ingest(
        actor=ACTOR,
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": email, "name": "山田 花子"},
        items=[ItemIn("organization", None, "Mitsuboshi Denki"), *items],
    )
