"""Ledger test support: a small population the ledger's counts are checked against."""

from dataclasses import dataclass

from hogo.share.models import RecipientKind
from hogo.tests.share import agreement, recipient
from hogo.tests.vault import CAMPAIGN, INQUIRY, register
from hogo.vault.erasure import subject_erase
from hogo.vault.records import ItemIn

EVENT_CHANNEL = "event-registration"
INQUIRY_CHANNEL = "inquiry"


@dataclass(frozen=True)
class Population:
    """What `population` stored: people held per purpose, and the one erased."""

    campaign_people: int
    inquiry_people: int
    contractor: str


def population() -> Population:
    """Three people through event registration (campaign; name, e-mail, organization), two
    through the inquiry form, one more erased (held nothing), and a contractor for the campaign
    receiving names and e-mail addresses."""
    for n in range(3):
        register(f"event{n}@example.jp", name=f"参加 太郎{n}")
    for n in range(2):
        register(
            f"ask{n}@example.jp",
            channel=INQUIRY_CHANNEL,
            purposes=(INQUIRY,),
            name=f"問合 花子{n}",
            items=(ItemIn("organization", None, "Kuroshio Works"),),
        )
    gone = register("gone@example.jp", name="消去 次郎")
    subject_erase(actor="system:test", subject_id=gone.subject_id)
    contractor = recipient(RecipientKind.CONTRACTOR, name="Mailing Partner KK")
    agreement(contractor, purposes=(CAMPAIGN,), categories=("name", "email"))
    return Population(campaign_people=3, inquiry_people=2, contractor=contractor.name)
