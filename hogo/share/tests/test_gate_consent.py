"""Provision to a third party with the person's consent (policy 5.1, APPI Art. 27(1)): only
people who consented to that recipient or its category are provided, each refused person with
a reason and nothing of theirs in the package."""

from collections.abc import Callable

import pytest

from hogo.audit.models import AuditEvent
from hogo.consent.models import ConsentKind
from hogo.consent.services import consent_withdraw
from hogo.errors import InvalidInput, NotFound, Refused
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.models import Provision, ProvisionLine, ProvisionRecord
from hogo.share.records import ProvisionRefusalReason, ProvisionResult
from hogo.share.services import recipient_retire
from hogo.tests.share import ACTOR, CAMPAIGN, INQUIRY, consent, person, recipient, unpack
from hogo.vault.erasure import subject_erase
from hogo.vault.provision import subject_provision_stop
from hogo.vault.services import subject_suspend

ITEMS = ["name", "email", "organization"]


def provide(
    recipient_id: str,
    subject_ids: list[str],
    *,
    categories: list[str] = ITEMS,
    basis: str | None = None,
) -> ProvisionResult:
    return provision_make(
        actor=ACTOR,
        recipient_id=recipient_id,
        purpose=CAMPAIGN,
        subject_ids=subject_ids,
        categories=categories,
        basis=basis,
    )


def test_it_provides_people_who_consented_and_refuses_the_others(policy: Policy) -> None:
    events = recipient()
    agreed = person("agreed@example.jp")
    silent = person("silent@example.jp")
    given = consent(agreed, ConsentKind.RECIPIENT, events.ref)

    result = provision_make(
        actor=ACTOR,
        recipient_id=events.ref,
        purpose=CAMPAIGN,
        subject_ids=[agreed, silent],
        categories=ITEMS,
    )

    assert result.provided == [agreed]
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (silent, ProvisionRefusalReason.NO_CONSENT)
    ]
    assert result.package is not None
    manifest, data = unpack(result.package)
    assert manifest["recipient"]["id"] == events.ref
    assert manifest["basis"] == "consent"
    assert manifest["subjects"] == 1
    assert "agreed@example.jp" in data
    assert "silent@example.jp" not in data
    assert silent not in data
    line = ProvisionLine.objects.get(subject__ref=agreed)
    assert (line.outcome, line.consent_ref) == ("provided", given.ref)
    assert line.categories == ["email", "name", "organization"]


def test_it_accepts_consent_to_the_recipients_category(policy: Policy) -> None:
    partner = recipient(category="certification-partners")
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, "certification-partners")
    result = provide(partner.ref, [subject_id])
    assert result.provided == [subject_id]


def test_it_provides_only_the_chosen_items(policy: Policy) -> None:
    events = recipient()
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    result = provide(events.ref, [subject_id], categories=["email"])
    assert result.package is not None
    manifest, data = unpack(result.package)
    assert [c["name"] for c in manifest["columns"]] == ["email"]
    assert "Mitsuboshi" not in data
    assert "山田" not in data


def test_it_refuses_a_withdrawn_consent(policy: Policy) -> None:
    events = recipient()
    subject_id = person()
    given = consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    consent_withdraw(actor=ACTOR, consent_id=given.ref)
    result = provide(events.ref, [subject_id])
    assert result.provided == []
    assert result.refused[0].reason == ProvisionRefusalReason.NO_CONSENT


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        (
            lambda s: subject_provision_stop(actor=ACTOR, subject_id=s),
            ProvisionRefusalReason.PROVISION_STOPPED,
        ),
        (
            lambda s: subject_suspend(actor=ACTOR, subject_id=s, purposes=[CAMPAIGN]),
            ProvisionRefusalReason.SUSPENDED,
        ),
        (
            lambda s: subject_suspend(actor=ACTOR, subject_id=s, purposes=None),
            ProvisionRefusalReason.SUSPENDED,
        ),
        (lambda s: subject_erase(actor=ACTOR, subject_id=s), ProvisionRefusalReason.ERASED),
    ],
    ids=["provision stopped", "use suspended", "all use suspended", "erased"],
)
def test_it_refuses_a_person_who_consented_but_stopped_or_left(
    policy: Policy, prepare: Callable[[str], object], reason: ProvisionRefusalReason
) -> None:
    events = recipient()
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    prepare(subject_id)
    result = provide(events.ref, [subject_id])
    assert [(r.subject_id, r.reason) for r in result.refused] == [(subject_id, reason)]


def test_it_refuses_data_acquired_for_another_purpose_and_unknown_ids(policy: Policy) -> None:
    events = recipient()
    inquirer = person(channel="inquiry", purposes=(INQUIRY,), items=())
    consent(inquirer, ConsentKind.RECIPIENT, events.ref)
    result = provide(events.ref, [inquirer, "sub_nobody"])
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        ("sub_nobody", ProvisionRefusalReason.NOT_FOUND),
        (inquirer, ProvisionRefusalReason.PURPOSE_NOT_ALLOWED),
    ]


def test_it_records_nothing_when_everyone_is_refused(policy: Policy) -> None:
    events = recipient()
    subject_id = person()
    result = provide(events.ref, [subject_id])
    assert (result.provision_id, result.package) == (None, None)
    assert not Provision.objects.exists()
    assert not ProvisionRecord.objects.exists()
    event = AuditEvent.objects.get(action="share.provision.refuse")
    assert event.detail["refused"] == {"no_consent": 1}


def test_it_refuses_opt_out_whatever_the_recipient(policy: Policy) -> None:
    events = recipient()
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    with pytest.raises(Refused, match="opt-out") as caught:
        provide(events.ref, [subject_id], basis="opt_out")
    assert caught.value.code == "opt_out_not_used"
    assert not Provision.objects.exists()


def test_it_refuses_a_basis_that_does_not_fit_the_recipient(policy: Policy) -> None:
    events = recipient()
    with pytest.raises(Refused) as caught:
        provide(events.ref, [person()], basis="outsourcing")
    assert caught.value.code == "basis_mismatch"


def test_it_refuses_a_retired_or_unknown_recipient(policy: Policy) -> None:
    events = recipient()
    recipient_retire(actor=ACTOR, recipient_id=events.ref)
    with pytest.raises(Refused) as caught:
        provide(events.ref, [person()])
    assert caught.value.code == "recipient_retired"
    with pytest.raises(NotFound):
        provide("rcp_nobody", [person("x@example.jp")])


def test_it_refuses_items_the_purpose_does_not_use(policy: Policy) -> None:
    events = recipient()
    with pytest.raises(InvalidInput, match="inquiry_text"):
        provide(events.ref, [person()], categories=["email", "inquiry_text"])
    with pytest.raises(InvalidInput, match="subject_ids"):
        provide(events.ref, [])


def test_it_audits_the_provision_naming_only_provided_subjects(policy: Policy) -> None:
    events = recipient()
    agreed = person("agreed@example.jp")
    silent = person("silent@example.jp")
    consent(agreed, ConsentKind.RECIPIENT, events.ref)
    result = provide(events.ref, [agreed, silent])
    event = AuditEvent.objects.get(action="share.provide")
    assert event.subjects == [agreed]
    assert event.purpose == CAMPAIGN
    assert event.detail["provision"] == result.provision_id
    assert event.detail["refused"] == {"no_consent": 1}
    assert "example.jp" not in str(event.detail)
    access = AuditEvent.objects.get(action="vault.access")
    assert access.subjects == [agreed]  # the refused person's data was never opened
