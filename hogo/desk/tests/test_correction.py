"""Correction, addition and deletion (7.1(c)): reviewed as a diff, applied through the vault."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.desk.models import CaseStatus, StepStatus
from hogo.desk.services import case_approve
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.vault.access import subject_disclose
from hogo.vault.models import Subject, SubjectStatus
from hogo.vault.records import ItemIn

pytestmark = pytest.mark.django_db


def held(subject_id: str) -> dict[str, str]:
    items = subject_disclose(actor=HANDLE, subject_id=subject_id, request_ref="check").items
    return {i.category: i.value for i in items}


def test_it_shows_the_desk_a_diff_then_corrects_adds_and_deletes(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    subject_id = person(
        items=(ItemIn("organization", None, "三ツ星電機"), ItemIn("department", None, "営業部"))
    )
    changes = [
        {"category": "organization", "action": "set", "value": "星空電機"},
        {"category": "job_title", "action": "set", "value": "課長"},
        {"category": "department", "action": "delete"},
    ]
    case = verified(inbox, "correction", details={"changes": changes})
    client = Client()
    client.force_login(desk_operator)
    review = client.get(f"/console/desk/{case.ref}/review/").content.decode()
    assert "<del>三ツ星電機</del>" in review
    assert "<ins>星空電機</ins>" in review
    assert "<em>保有なし</em>" in review  # job title is an addition
    assert "<td>set</td>" not in review  # the action in words, not its code
    assert "会社名・団体名" in review  # the item by the policy's title in the page's language
    reads = AuditEvent.objects.filter(action="vault.disclose", actor=f"user:{desk_operator.pk}")
    assert reads.get().detail["request_ref"] == case.ref

    with committed():
        client.post(f"/console/desk/{case.ref}/approve/", {"confirmed": "yes"})
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert held(subject_id) == {
        "email": HANAKO,
        "name": "山田 花子",
        "organization": "星空電機",
        "job_title": "課長",
    }
    applied = case.steps.get(name="corrections_apply")
    assert applied.result == {
        "held": True,
        "corrected": 1,
        "added": 1,
        "deleted": 1,
        "erased": False,
    }
    text = body(inbox.last(HANAKO))
    assert "訂正した項目数：1" in text
    assert "星空電機" not in text  # the result mail says what was done, not the values


def test_it_deletes_everything_on_request(policy: Policy, inbox: Inbox) -> None:
    subject_id = person()
    case = verified(inbox, "correction", details={"delete_all": True}, language="en")
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ERASED
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert "We deleted all your personal information (3 values)." in body(inbox.last(HANAKO))


def test_it_cannot_change_what_was_already_disposed_of(policy: Policy, inbox: Inbox) -> None:
    case = verified(
        inbox,
        "correction",
        "gone@example.jp",
        {"changes": [{"category": "name", "action": "delete"}]},
        language="en",
    )
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert "Information already disposed of cannot be changed." in body(
        inbox.last("gone@example.jp")
    )


def test_it_records_a_refused_correction_as_a_failed_step_with_the_vaults_reason(
    policy: Policy, inbox: Inbox
) -> None:
    """Special-care information cannot come in through a correction: the step fails with the
    reason and the case stays open for the desk, never marked complete."""
    person()
    changes = [
        {"category": "organization", "action": "set", "value": "持病の糖尿病で通院しています"}
    ]
    case = verified(inbox, "correction", details={"changes": changes})
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    case.refresh_from_db()
    step = case.steps.get(name="corrections_apply")
    assert step.status == StepStatus.FAILED
    assert step.error.startswith("special_care_without_consent:")
    assert "糖尿病" not in step.error
    assert case.status == CaseStatus.IN_PROGRESS


def test_it_checks_what_is_asked(policy: Policy, inbox: Inbox) -> None:
    with pytest.raises(InvalidInput, match=r"changes\[0\].category: must be one of"):
        verified(
            inbox,
            "correction",
            details={"changes": [{"category": "health", "action": "set", "value": "x"}]},
        )
    with pytest.raises(InvalidInput, match="say what to correct"):
        verified(inbox, "correction", details={})
