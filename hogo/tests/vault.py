"""People stored in the vault for tests, and the policy ids the tests use."""

from hogo.vault.records import IngestResult, ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
CAMPAIGN = "campaign-invitations-surveys"
INQUIRY = "inquiry-response"
CONTRACT = "contract-performance"
MEMBER = "member-site-registration"


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
