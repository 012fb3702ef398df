"""Desk test support: people in the vault, and short-hands for the privacy-center flow."""

from collections.abc import Mapping

from hogo.desk.content import case_text
from hogo.desk.intake import case_confirm, case_start
from hogo.desk.models import Case
from hogo.tests.mail import Inbox, committed
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
HANDLE = "user:1"  # a desk operator, as the audit log names them
CAMPAIGN = "campaign-invitations-surveys"
ORIGIN = "https://privacy.example.jp"
HANAKO = "hanako.yamada@example.jp"


def person(
    address: str = HANAKO,
    *,
    name: str = "山田 花子",
    items: tuple[ItemIn, ...] = (ItemIn("organization", None, "三ツ星電機"),),
    phone: str = "",
) -> str:
    """Stores a person's data in the vault (event registration); returns the subject id."""
    return subject_ingest(
        actor=ACTOR,
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": address, "name": name, **({"phone": phone} if phone else {})},
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


def inquirer(address: str = HANAKO, *, name: str = "山田 花子") -> str:
    """A person who wrote to the inquiry form (acquired for `inquiry-response`, the purpose the
    reference policy keeps the desk's request records under); returns the subject id."""
    return subject_ingest(
        actor=ACTOR,
        channel="inquiry",
        purposes=["inquiry-response"],
        identifiers={"email": address, "name": name},
        items=[ItemIn("organization", None, "三ツ星電機")],
    ).subject_id
