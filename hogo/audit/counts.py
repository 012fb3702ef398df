"""Counts of audit events per month, for facts that only the audit log keeps (a correction in
the vault replaces the value and leaves no row of its own). Grouped in the database on the
action index; no subject or detail is read."""

from collections.abc import Sequence

from hogo.audit.models import AuditEvent
from hogo.periods import Month, per_month


def events_per_month(*, actions: Sequence[str], months: Sequence[Month]) -> dict[str, list[int]]:
    """For each action, the number of its events per month."""
    rows = AuditEvent.objects.filter(action__in=actions)
    found = per_month(rows, field="at", months=months, by=("action",))
    return {a: found.get((a,), [0] * len(months)) for a in actions}
