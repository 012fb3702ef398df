"""Selecting and supervising contractors (policy 6.3, APPI Art. 25; PPC General Guidelines
3-4-4): the assessment against the policy's selection criteria that must come before an
outsourcing agreement (`agreement_assessed_check`, called by `services.agreement_record`),
and when each contractor in force was last supervised.

The criteria are the policy's `[outsourcing].selection_criteria` (by default the guidelines'
items, `hogo.policy.schema.document.SELECTION_CRITERIA_DEFAULT`). The safety app's console
records assessments through `services.contractor_assess` and reads the overdue list through
`selectors.agreements_supervision`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.share.models import Agreement, Recipient, RecipientKind
from hogo.share.selection_models import ContractorAssessment

MAX_NOTE = 2000


@dataclass(frozen=True)
class CriterionResult:
    """One criterion as assessed: met or not, and a note (required when not met)."""

    met: bool
    note: str = ""


@transaction.atomic
def contractor_assess(
    *, actor: str, recipient_id: str, assessed_on: date, results: Sequence[CriterionResult]
) -> ContractorAssessment:
    """Records the assessment of a contractor against each of the active policy's selection
    criteria, in the policy's order. The contractor is suitable when every criterion is met;
    only then may an agreement be recorded."""
    recipient = Recipient.objects.select_for_update().filter(ref=recipient_id).first()
    if recipient is None:
        raise NotFound(f"recipient {recipient_id} does not exist")
    if recipient.kind != RecipientKind.CONTRACTOR:
        raise Conflict(f"recipient {recipient_id} is a {recipient.kind}, not a contractor")
    if assessed_on > timezone.localdate():
        raise InvalidInput("assessed_on: an assessment is recorded after it took place")
    policy = policy_active()
    criteria = policy.outsourcing.selection_criteria
    if isinstance(results, CriterionResult) or len(results) != len(criteria):
        raise InvalidInput(f"results: give one result for each of the {len(criteria)} criteria")
    rows = []
    for number, (criterion, result) in enumerate(zip(criteria, results, strict=True), start=1):
        note = result.note.strip()
        if len(note) > MAX_NOTE:
            raise InvalidInput(f"results.{number}.note: at most {MAX_NOTE} characters")
        if not result.met and not note:
            raise InvalidInput(f"results.{number}.note: say why criterion {number} is not met")
        rows.append({"ja": criterion.ja, "en": criterion.en, "met": result.met, "note": note})
    row = ContractorAssessment.objects.create(
        recipient=recipient,
        assessed_on=assessed_on,
        assessed_by=actor,
        recorded_at=timezone.now(),
        policy_version=policy.version,
        criteria=rows,
        suitable=all(r.met for r in results),
    )
    audit_record(
        actor=actor,
        action="share.contractor.assess",
        detail={
            "recipient": recipient.ref,
            "assessment": row.pk,
            "suitable": row.suitable,
            "not_met": [n for n, r in enumerate(results, start=1) if not r.met],
        },
    )
    return row


def contractors_list() -> list[Recipient]:
    """The contractors of the register that are not retired, by name."""
    return list(
        Recipient.objects.filter(kind=RecipientKind.CONTRACTOR, retired_at__isnull=True).order_by(
            "name", "pk"
        )
    )


def contractor_get(*, recipient_id: str) -> Recipient:
    found = Recipient.objects.filter(ref=recipient_id, kind=RecipientKind.CONTRACTOR).first()
    if found is None:
        raise NotFound(f"contractor {recipient_id} does not exist")
    return found


def assessment_latest(*, recipient_id: str) -> ContractorAssessment | None:
    return ContractorAssessment.objects.filter(recipient__ref=recipient_id).first()


def agreement_assessed_check(recipient: Recipient) -> None:
    """An agreement is recorded only with a contractor whose latest assessment found it
    suitable (every criterion met)."""
    latest = assessment_latest(recipient_id=recipient.ref)
    if latest is None:
        raise Conflict(
            f"contractor {recipient.ref} has not been assessed against the selection criteria: "
            "assess it before recording an agreement",
            code="not_assessed",
        )
    if not latest.suitable:
        raise Conflict(
            f"contractor {recipient.ref}: its latest assessment ({latest.assessed_on}) found "
            "criteria not met: assess it again once they are",
            code="not_suitable",
        )


@dataclass(frozen=True)
class SupervisionState:
    """An agreement in force, with the day its contractor was last supervised (None: never)."""

    agreement: Agreement
    last_supervised: date | None


def agreements_supervision(*, on: date) -> list[SupervisionState]:
    """The agreements in force on `on` with contractors not retired, and when each contractor
    was last supervised under it: the safety app decides which are overdue."""
    rows = (
        Agreement.objects.select_related("recipient")
        .filter(recipient__retired_at__isnull=True)
        .annotate(last=Max("supervisions__performed_on"))
        .order_by("review_due", "pk")
    )
    return [SupervisionState(a, a.last) for a in rows if a.in_force(on)]  # type: ignore[attr-defined]
