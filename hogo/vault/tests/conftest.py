from pathlib import Path
from typing import Any

import pytest

from hogo.policy.schema import Policy
from hogo.vault.records import IngestResult, ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
CAMPAIGN = "campaign-invitations-surveys"
INQUIRY = "inquiry-response"
CONTRACT = "contract-performance"
MEMBER = "member-site-registration"


@pytest.fixture(autouse=True)
def master_key(settings: Any, tmp_path: Path) -> Path:
    """Each test gets its own key-encryption key file (made at first use)."""
    settings.MASTER_KEY_FILE = tmp_path / "keys" / "master.key"
    return Path(settings.MASTER_KEY_FILE)


@pytest.fixture
def policy(active_policy: Policy) -> Policy:
    return active_policy


def register(
    email: str | None = "hanako.yamada@example.jp",
    *,
    channel: str = "event-registration",
    purposes: tuple[str, ...] = (CAMPAIGN,),
    name: str | None = "山田 花子",
    phone: str | None = None,
    items: tuple[ItemIn, ...] = (ItemIn("organization", None, "Mitsuboshi Denki"),),
) -> IngestResult:
    identifiers = {
        k: v for k, v in {"email": email, "name": name, "phone": phone}.items() if v is not None
    }
    return subject_ingest(
        actor=ACTOR,
        channel=channel,
        purposes=list(purposes),
        identifiers=identifiers,
        items=list(items),
    )
