"""Fees (APPI Art. 38): where the policy sets one for a request's kind (only purpose
notification and disclosure may carry one), the desk records the payment when it arrives.

The request's deadline counts from the later of identity verification and the fee's arrival,
and its fee step (fulfilment.py) waits until then, so nothing is disclosed before the fee is
paid. The amount must be the fee of the policy version the request was made under (copied on
the case when it was made) unless the desk names why it differs from a fixed list; the
reference is the transfer's or money order's number, never a name.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk.models import Case, CaseStatus, FeeDifference
from hogo.desk.schedule import case_run_on_commit
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.selectors import policy_active

MAX_AMOUNT = 1_000_000
# Letters, digits and a few separators, with at least one digit: a transfer or money-order
# number fits, a payer's name (kana, kanji, or romanized without digits) does not.
REFERENCE = re.compile(r"(?=.*[0-9])[A-Za-z0-9][A-Za-z0-9 ./#_-]{0,39}")


@dataclass(frozen=True)
class Payment:
    amount_jpy: int
    received_on: date
    reference: str
    difference: str = ""  # a FeeDifference value when the amount is not the fee


@transaction.atomic
def case_fee_record(*, actor: str, case_ref: str, payment: Payment) -> Case:
    """The fee arrived: recorded with its amount, day and reference; the deadline starts and
    fulfilment goes on. One audit event (no reference in it)."""
    case = Case.objects.select_for_update().filter(ref=case_ref).first()
    if case is None:
        raise NotFound(f"request {case_ref} does not exist")
    if case.fee_jpy == 0:
        raise Conflict(f"case {case.ref} has no fee")
    if case.status not in (CaseStatus.OPEN, CaseStatus.IN_PROGRESS):
        raise Conflict(f"case {case.ref} is {case.status}: no fee can be recorded")
    if case.fee_received_at is not None:
        raise Conflict(f"case {case.ref}: the fee was already recorded")
    reference = _payment_check(case, payment)
    case.fee_received_at = timezone.now()
    case.fee_paid_jpy = payment.amount_jpy
    case.fee_received_on = payment.received_on
    case.fee_reference = reference
    case.fee_difference = payment.difference
    case.due_at = case.deadline(policy_active().requests.deadline_days)
    case.save()
    audit_record(
        actor=actor,
        action="desk.case.fee",
        detail={
            "case": case.ref,
            "fee_jpy": case.fee_jpy,
            "amount_jpy": payment.amount_jpy,
            "received_on": payment.received_on.isoformat(),
            "difference": payment.difference or None,
        },
    )
    case_run_on_commit(case.ref)
    return case


def _payment_check(case: Case, payment: Payment) -> str:
    """The reference, stripped; InvalidInput naming the first bad field otherwise."""
    amount, fee = payment.amount_jpy, case.fee_jpy
    if not 0 <= amount <= MAX_AMOUNT:
        raise InvalidInput(f"amount_jpy: must be 0 to {MAX_AMOUNT:,}")
    if payment.difference and payment.difference not in FeeDifference.values:
        raise InvalidInput(f"difference: must be one of {', '.join(FeeDifference.values)}")
    if amount != fee and not payment.difference:
        raise InvalidInput(
            f"amount_jpy: the fee of this request is JPY {fee:,} (policy version "
            f"{case.policy_version}); for another amount, say why (difference)"
        )
    more = payment.difference == FeeDifference.OVERPAID
    if payment.difference and (amount == fee or more != (amount > fee)):
        raise InvalidInput(
            f"difference: '{payment.difference}' does not fit JPY {amount:,} for a fee of "
            f"JPY {fee:,}"
        )
    today = timezone.localdate()
    if payment.received_on > today:
        raise InvalidInput("received_on: cannot be in the future")
    assert case.received_at is not None  # open and in-progress cases were received
    if payment.received_on < timezone.localdate(case.received_at):
        raise InvalidInput("received_on: cannot be before the request was received")
    reference = payment.reference.strip()
    if not REFERENCE.fullmatch(reference):
        raise InvalidInput(
            "reference: 1 to 40 letters, digits, spaces and . / # _ -, with at least one "
            "digit: the transfer's or money order's number, never a name"
        )
    return reference
