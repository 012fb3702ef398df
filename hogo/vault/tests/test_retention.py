from datetime import timedelta

from django.tasks import TaskResultStatus
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, CONTRACT, register
from hogo.vault.access import subjects_access
from hogo.vault.erasure import retention_dispose
from hogo.vault.keys import data_keys_create
from hogo.vault.models import (
    AcquisitionPurpose,
    BlindIndex,
    DataKey,
    Disposal,
    Item,
    Subject,
    SubjectStatus,
)
from hogo.vault.records import ItemIn, RefusalReason
from hogo.vault.selectors import disposals_for
from hogo.vault.tasks import retention_sweep

CAMPAIGN_DAYS = 1095  # the reference policy's retention for campaign-invitations-surveys


def with_contract() -> str:
    register()
    return register(
        channel="contract",
        purposes=(CONTRACT,),
        items=(ItemIn("contract", None, "CLPA-2026-0042"),),
    ).subject_id


def test_it_refuses_access_once_the_purposes_retention_has_ended(policy: Policy) -> None:
    """Data acquired for a campaign 1,095 days ago may no longer be used for it, even before
    the sweep has run."""
    subject_id = register().subject_id
    AcquisitionPurpose.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id])
    assert result.items == []
    assert [r.reason for r in result.refused] == [RefusalReason.RETENTION_EXPIRED]


def test_it_disposes_of_a_subject_whose_every_retention_has_ended(policy: Policy) -> None:
    subject_id = register().subject_id
    later = timezone.now() + timedelta(days=CAMPAIGN_DAYS + 1)

    summary = retention_dispose(now=later)

    assert (summary.items, summary.subjects_closed, summary.keys_destroyed) == (3, 1, 1)
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.DISPOSED
    assert not Item.objects.exists()
    assert not BlindIndex.objects.exists()
    assert not DataKey.objects.filter(subject_ref=subject_id).exists()
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id])
    assert [r.reason for r in result.refused] == [RefusalReason.DISPOSED]
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="hanako.yamada@example.jp")
    assert [r.reason for r in result.refused] == [RefusalReason.NOT_FOUND]


def test_it_keeps_a_disposal_record_without_values(policy: Policy) -> None:
    subject_id = register().subject_id
    retention_dispose(now=timezone.now() + timedelta(days=CAMPAIGN_DAYS + 1))
    records = disposals_for(subject_id=subject_id)
    assert sorted((d.field, d.category, d.items, d.reason) for d in records) == [
        ("email", "email", 1, "retention_expired"),
        ("name", "name", 1, "retention_expired"),
        ("organization", "organization", 1, "retention_expired"),
    ]
    stored = str(list(Disposal.objects.values()))
    assert "hanako" not in stored
    assert "Mitsuboshi" not in stored


def test_it_disposes_only_what_no_purpose_still_retains(policy: Policy) -> None:
    """The campaign registration goes after 3 years; the contract stays for 10."""
    subject_id = with_contract()
    retention_dispose(now=timezone.now() + timedelta(days=CAMPAIGN_DAYS + 1))
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ACTIVE
    assert sorted(Item.objects.values_list("field", flat=True)) == ["contract", "email", "name"]
    [view] = subjects_access(actor=ACTOR, purpose=CONTRACT, subject_ids=[subject_id]).items
    assert view.data == {"contract": "CLPA-2026-0042"}
    assert view.identifiers == {"email": "hanako.yamada@example.jp", "name": "山田 花子"}


def test_it_records_one_audit_event_per_disposal_batch(policy: Policy) -> None:
    first = register("a@example.jp").subject_id
    second = register("b@example.jp").subject_id
    retention_dispose(now=timezone.now() + timedelta(days=CAMPAIGN_DAYS + 1))
    [event] = AuditEvent.objects.filter(action="vault.retention.dispose")
    assert event.actor == "system:retention"
    assert sorted(event.subjects) == sorted([first, second])
    assert event.detail == {"items": 6, "subjects_closed": 2, "notes": 0}


def test_it_disposes_of_nothing_before_time(policy: Policy) -> None:
    register()
    assert retention_dispose().items == 0
    assert Item.objects.count() == 3


def test_it_runs_the_sweep_as_a_django_task(policy: Policy) -> None:
    register()
    result = retention_sweep.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {
        "items": 0,
        "subjects_closed": 0,
        "keys_destroyed": 0,
        "notes": 0,
    }


def test_it_destroys_keys_left_behind_by_failed_runs(policy: Policy) -> None:
    """A key whose ingest failed (no subject), after an hour, and the key of a subject that was
    closed but whose key survived, are destroyed by the sweep; a fresh key is left alone."""
    live = register().subject_id
    data_keys_create(["sub_orphanorphanorph", "sub_freshfreshfresh1"])
    DataKey.objects.filter(subject_ref="sub_orphanorphanorph").update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    closed = register("closed@example.jp").subject_id
    Subject.objects.filter(ref=closed).update(status=SubjectStatus.ERASED)

    assert retention_dispose().keys_destroyed == 2

    assert sorted(DataKey.objects.values_list("subject_ref", flat=True)) == sorted(
        [live, "sub_freshfreshfresh1"]
    )
