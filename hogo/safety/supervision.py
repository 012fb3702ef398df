"""Supervision of contractors (policy 6.3, APPI Art. 25): which contractors' supervision is
overdue. The register (contractors, agreements, supervisions, selection assessments) is the
share app's; this module reads it through share's selectors and applies the policy's cadence
(`[outsourcing].supervision_months`, yearly by default)."""

from dataclasses import dataclass
from datetime import date, datetime

from hogo.policy.schema import Outsourcing
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.safety.clocks import months_after, today_jst
from hogo.share.selectors import SupervisionState, agreements_supervision


@dataclass(frozen=True)
class SupervisionDue:
    """An agreement in force whose contractor's supervision is due on `due_on`: the agreement's
    recorded next review, or the cadence after the last supervision (never supervised: after
    the agreement began), whichever comes first."""

    state: SupervisionState  # the agreement and its last supervision
    due_on: date


def cadence_months() -> int:
    try:
        return policy_active().outsourcing.supervision_months
    except PolicyNotLoaded:
        return Outsourcing().supervision_months


def supervision_states(*, now: datetime) -> list[SupervisionDue]:
    """Every agreement in force with its next supervision day, the soonest first."""
    today = today_jst(now)
    months = cadence_months()
    found = []
    for state in agreements_supervision(on=today):
        agreement = state.agreement
        by_cadence = months_after(state.last_supervised or agreement.starts_on, months)
        found.append(SupervisionDue(state, min(agreement.review_due, by_cadence)))
    return sorted(found, key=lambda s: (s.due_on, s.state.agreement.pk))


def supervision_overdue(*, now: datetime) -> list[SupervisionDue]:
    """Agreements whose supervision day has passed in Japan (on the day itself it is due, not
    yet overdue)."""
    today = today_jst(now)
    return [s for s in supervision_states(now=now) if today > s.due_on]
