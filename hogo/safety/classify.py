"""Classification against the four situations of PPC Rule 7 (pure: no database).

A trigger answered "unknown" (None) counts as possible: the rule covers leaks that happened
"or may have happened" (おそれ), so only a fact that rules a trigger out clears it.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from hogo.safety.models import Trigger, TriggerState

OVER = 1000  # Rule 7(iv): "more than 1,000 people"


class Basis:
    """Why a trigger is in its state; labels.py words each in Japanese and English."""

    STATED_YES = "stated_yes"
    STATED_UNKNOWN = "stated_unknown"
    STATED_NO = "stated_no"
    SPECIAL_CARE_CATEGORY = "special_care_category"
    COUNT_OVER = "count_over"
    COUNT_UNKNOWN = "count_unknown"
    COUNT_WITHIN = "count_within"


@dataclass(frozen=True)
class Facts:
    categories: tuple[str, ...]
    people_estimate: int | None
    special_care: bool | None
    property_damage: bool | None
    unjust_purpose: bool | None


@dataclass(frozen=True)
class TriggerFinding:
    trigger: Trigger
    state: TriggerState
    basis: str
    categories: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        row: dict[str, object] = {
            "trigger": self.trigger.value,
            "state": self.state.value,
            "basis": self.basis,
        }
        if self.categories:
            row["categories"] = list(self.categories)
        return row


def _stated(trigger: Trigger, value: bool | None) -> TriggerFinding:
    if value is None:
        return TriggerFinding(trigger, TriggerState.POSSIBLE, Basis.STATED_UNKNOWN)
    if value:
        return TriggerFinding(trigger, TriggerState.YES, Basis.STATED_YES)
    return TriggerFinding(trigger, TriggerState.NO, Basis.STATED_NO)


def incident_classify(facts: Facts, *, special_care_ids: Iterable[str]) -> list[TriggerFinding]:
    """One finding per trigger, in Rule 7's order. A category the policy marks special-care
    makes `special_care` apply whatever was stated: the record says such data is involved."""
    special = tuple(c for c in facts.categories if c in set(special_care_ids))
    if special:
        care = TriggerFinding(
            Trigger.SPECIAL_CARE, TriggerState.YES, Basis.SPECIAL_CARE_CATEGORY, special
        )
    else:
        care = _stated(Trigger.SPECIAL_CARE, facts.special_care)
    if facts.people_estimate is None:
        count = TriggerFinding(Trigger.OVER_1000, TriggerState.POSSIBLE, Basis.COUNT_UNKNOWN)
    elif facts.people_estimate > OVER:
        count = TriggerFinding(Trigger.OVER_1000, TriggerState.YES, Basis.COUNT_OVER)
    else:
        count = TriggerFinding(Trigger.OVER_1000, TriggerState.NO, Basis.COUNT_WITHIN)
    return [
        care,
        _stated(Trigger.PROPERTY_DAMAGE, facts.property_damage),
        _stated(Trigger.UNJUST_PURPOSE, facts.unjust_purpose),
        count,
    ]


def reportable(findings: Iterable[TriggerFinding]) -> bool:
    """Any trigger that applies or may apply makes the incident reportable (Art. 26(1))."""
    return any(f.state != TriggerState.NO for f in findings)
