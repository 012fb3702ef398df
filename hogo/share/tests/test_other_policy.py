"""Another organization's policy (no purpose, channel or ordinary category id of the reference)
runs provision: to a third party with consent, and to a contractor under an agreement, with
the package and the records in that policy's ids."""

import pytest

from hogo.consent.models import ConsentKind
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.models import ProvisionLine, RecipientKind
from hogo.share.records import ProvisionRefusalReason
from hogo.tests.share import ACTOR, agreement, consent, person, recipient, unpack
from hogo.vault.records import ItemIn

pytestmark = pytest.mark.django_db
NEWSLETTERS = "newsletters"
ITEMS = ["full_name", "mail_address", "company"]


def signed_up(email: str) -> str:
    return person(
        email,
        channel="workshop-signup",
        purposes=(NEWSLETTERS,),
        items=(ItemIn("company", None, "Mitsuboshi Denki"),),
    )


def test_it_provides_people_who_consented_under_the_other_policy(other_policy: Policy) -> None:
    events = recipient()
    agreed = signed_up("agreed@example.jp")
    silent = signed_up("silent@example.jp")
    consent(agreed, ConsentKind.RECIPIENT, events.ref)
    result = provision_make(
        actor=ACTOR,
        recipient_id=events.ref,
        purpose=NEWSLETTERS,
        subject_ids=[agreed, silent],
        categories=ITEMS,
    )
    assert result.provided == [agreed]
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (silent, ProvisionRefusalReason.NO_CONSENT)
    ]
    assert result.package is not None
    manifest, data = unpack(result.package)
    assert manifest["basis"] == "consent"
    assert "agreed@example.jp" in data
    assert "Mitsuboshi Denki" in data
    assert "silent@example.jp" not in data
    line = ProvisionLine.objects.get(subject__ref=agreed)
    assert line.categories == ["company", "full_name", "mail_address"]


def test_it_provides_to_a_contractor_within_the_other_policys_purposes(
    other_policy: Policy,
) -> None:
    mailer = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing Service KK")
    agreement(mailer, purposes=(NEWSLETTERS,), categories=("full_name", "mail_address"))
    subject_id = signed_up("hanako.yamada@example.jp")
    result = provision_make(
        actor=ACTOR,
        recipient_id=mailer.ref,
        purpose=NEWSLETTERS,
        subject_ids=[subject_id],
        categories=["full_name", "mail_address"],
    )
    assert result.provided == [subject_id]
    assert result.basis == "outsourcing"
    assert result.package is not None
    manifest, data = unpack(result.package)
    assert manifest["bound_purposes"] == [NEWSLETTERS]
    assert "hanako.yamada@example.jp" in data
    assert "Mitsuboshi Denki" not in data
