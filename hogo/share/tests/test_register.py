"""The recipients register: recipients with the particulars records need, outsourcing
agreements with their supervision and review dates; every change audited by ref only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.share.models import Recipient, RecipientKind
from hogo.share.records import RecipientIn
from hogo.share.selectors import agreements_review_due, recipients_list
from hogo.share.services import (
    agreement_terminate,
    recipient_change,
    recipient_retire,
    supervision_record,
)
from hogo.tests.share import ACTOR, agreement, recipient


def test_it_registers_changes_and_retires_a_recipient_audited_by_ref(policy: Policy) -> None:
    events = recipient(name="Kansai Events KK")
    changed = recipient_change(
        actor=ACTOR,
        recipient_id=events.ref,
        recipient=RecipientIn(
            kind=RecipientKind.THIRD_PARTY,
            name="Kansai Events KK",
            address="2-2 Namba, Osaka",
            representative="Representative Director",
        ),
    )
    assert changed.address == "2-2 Namba, Osaka"
    recipient_retire(actor=ACTOR, recipient_id=events.ref)
    recipient_retire(actor=ACTOR, recipient_id=events.ref)
    assert list(recipients_list()) == []
    assert list(recipients_list(retired=True)) == [events]
    events_log = list(AuditEvent.objects.filter(action__startswith="share.recipient."))
    assert [e.action for e in events_log] == [
        "share.recipient.register",
        "share.recipient.change",
        "share.recipient.retire",
    ]
    assert events_log[1].detail == {"recipient": events.ref, "fields": ["address"]}
    assert "Kansai" not in str([e.detail for e in events_log])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "data_broker"}, "kind: must be one of"),
        ({"name": " "}, "name: must be non-empty text"),
        ({"country": "jp"}, "country: an ISO 3166-1"),
        ({"category": "Partners!"}, "category: lower-case"),
        ({"category": "rcp_abc"}, "not starting rcp_"),
        ({"foreign_basis": "hope"}, "foreign_basis: must be one of"),
    ],
)
def test_it_refuses_malformed_particulars(
    policy: Policy, changes: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        recipient(**changes)
    assert not Recipient.objects.exists()


def test_it_keeps_a_recipients_kind(policy: Policy) -> None:
    events = recipient()
    with pytest.raises(Conflict, match="kind"):
        recipient_change(
            actor=ACTOR,
            recipient_id=events.ref,
            recipient=RecipientIn(RecipientKind.CONTRACTOR, "X", "Y", "Z"),
        )


def test_it_records_agreements_only_with_contractors(policy: Policy) -> None:
    with pytest.raises(Conflict, match="not a outsourcing_contractor"):
        agreement(recipient())
    contractor = recipient(RecipientKind.CONTRACTOR, "Mailing KK")
    with pytest.raises(InvalidInput, match="categories"):
        agreement(contractor, categories=("everything",))
    today = timezone.localdate()
    with pytest.raises(InvalidInput, match="ends_on"):
        agreement(contractor, starts_on=today, ends_on=today - timedelta(days=1))


def test_it_moves_the_review_with_each_supervision(policy: Policy) -> None:
    contractor = recipient(RecipientKind.CONTRACTOR, "Mailing KK")
    contract = agreement(contractor)
    today = timezone.localdate()
    soon = today + timedelta(days=10)
    assert agreements_review_due(on=contract.review_due) == [contract]
    supervision_record(
        actor=ACTOR,
        agreement_id=contract.ref,
        kind="audit",
        performed_on=today,
        outcome="findings",
        findings="Access logs were kept for 30 days instead of 90.",
        next_review=soon,
    )
    contract.refresh_from_db()
    assert contract.review_due == soon
    assert contract.supervisions.get().outcome == "findings"
    with pytest.raises(InvalidInput, match="findings"):
        supervision_record(
            actor=ACTOR,
            agreement_id=contract.ref,
            kind="report",
            performed_on=today,
            outcome="serious",
            next_review=soon,
        )
    agreement_terminate(actor=ACTOR, agreement_id=contract.ref, on=today)
    assert agreements_review_due(on=soon) == []
    with pytest.raises(Conflict, match="terminated"):
        agreement_terminate(actor=ACTOR, agreement_id=contract.ref, on=today)
