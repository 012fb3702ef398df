import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import subjects_access
from hogo.vault.records import ItemIn, RefusalReason
from hogo.vault.services import subject_suspend, subject_suspension_lift


def reasons(purpose: str, subject_id: str) -> list[RefusalReason]:
    result = subjects_access(actor=ACTOR, purpose=purpose, subject_ids=[subject_id])
    return [r.reason for r in result.refused]


def two_purposes() -> str:
    register()
    return register(
        channel="inquiry", purposes=(INQUIRY,), items=(ItemIn("message", None, "質問です"),)
    ).subject_id


def test_it_refuses_use_for_a_suspended_purpose_only(policy: Policy) -> None:
    subject_id = two_purposes()
    state = subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[CAMPAIGN])
    assert (state.purposes, state.all_purposes, state.changed) == ([CAMPAIGN], False, True)
    assert reasons(CAMPAIGN, subject_id) == [RefusalReason.SUSPENDED]
    assert reasons(INQUIRY, subject_id) == []


def test_it_refuses_every_purpose_when_suspended_for_all(policy: Policy) -> None:
    subject_id = two_purposes()
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=None)
    assert reasons(CAMPAIGN, subject_id) == [RefusalReason.SUSPENDED]
    assert reasons(INQUIRY, subject_id) == [RefusalReason.SUSPENDED]


def test_it_returns_the_data_again_once_the_suspension_is_lifted(policy: Policy) -> None:
    subject_id = two_purposes()
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=None)
    state = subject_suspension_lift(actor=ACTOR, subject_id=subject_id, purposes=None)
    assert (state.purposes, state.all_purposes, state.changed) == ([], False, True)
    assert reasons(CAMPAIGN, subject_id) == []
    assert reasons(INQUIRY, subject_id) == []


def test_it_lifts_one_purpose_and_keeps_the_others_suspended(policy: Policy) -> None:
    subject_id = two_purposes()
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[CAMPAIGN, INQUIRY])
    state = subject_suspension_lift(actor=ACTOR, subject_id=subject_id, purposes=[INQUIRY])
    assert state.purposes == [CAMPAIGN]
    assert reasons(INQUIRY, subject_id) == []
    assert reasons(CAMPAIGN, subject_id) == [RefusalReason.SUSPENDED]


def test_it_refuses_to_lift_one_purpose_of_a_suspension_for_all(policy: Policy) -> None:
    subject_id = two_purposes()
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=None)
    with pytest.raises(Conflict, match="suspended for all purposes"):
        subject_suspension_lift(actor=ACTOR, subject_id=subject_id, purposes=[INQUIRY])


def test_it_audits_suspending_and_lifting_but_not_a_repeat_that_changes_nothing(
    policy: Policy,
) -> None:
    subject_id = two_purposes()
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[CAMPAIGN], request_ref="case-9")
    again = subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[CAMPAIGN])
    subject_suspension_lift(actor=ACTOR, subject_id=subject_id)
    assert again.changed is False
    events = list(
        AuditEvent.objects.filter(action__startswith="vault.suspen")
        .order_by("seq")
        .values_list("action", "subjects", "detail")
    )
    assert events == [
        (
            "vault.suspend",
            [subject_id],
            {"all_purposes": False, "purposes": [CAMPAIGN], "request_ref": "case-9"},
        ),
        (
            "vault.suspension.lift",
            [subject_id],
            {"all_purposes": False, "purposes": [CAMPAIGN], "request_ref": ""},
        ),
    ]


def test_it_rejects_unknown_subjects_and_purposes(policy: Policy) -> None:
    subject_id = two_purposes()
    with pytest.raises(NotFound):
        subject_suspend(actor=ACTOR, subject_id="sub_nobody", purposes=None)
    with pytest.raises(InvalidInput, match="not a purpose of the active policy"):
        subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=["telemarketing"])
    with pytest.raises(InvalidInput, match="at least one purpose"):
        subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[])
