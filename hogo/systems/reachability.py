"""Whether each declared system answered, kept for the console (`SystemReach`, one row per
system) so that a page load does not connect to every system.

A result younger than `FRESH` is shown as it is. An older one is probed again on the next load
only when the system answered last time (a system that answers does so in milliseconds); one
that did not keeps its result, with the time it was checked, until someone presses "check now"
(`systems_reach_check(refresh=True)`), so a page never waits on a system already known to be
down. Probes run in parallel, each with a 2-second timeout, so a load waits 2 s at worst.
"""

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from hogo.policy.schema import System
from hogo.policy.selectors import policy_active
from hogo.systems.models import SystemReach

FRESH = timedelta(minutes=5)
PROBED = ("sql", "webhook")  # a manual system is not probed


def systems_reach_check(
    *, systems: Sequence[System], refresh: bool = False, now: datetime | None = None
) -> dict[str, SystemReach]:
    """The latest result for each probed system, probing those that need it now (all of them
    with `refresh`). A system never probed is probed whatever the page."""
    now = now or timezone.now()
    probed = [s for s in systems if s.kind in PROBED]
    kept = {r.system: r for r in SystemReach.objects.filter(system__in=[s.id for s in probed])}
    due = [s for s in probed if refresh or _due(kept.get(s.id), now)]
    if due:
        kept |= _probe_all(due, now)
    return kept


def _due(kept: SystemReach | None, now: datetime) -> bool:
    if kept is None:
        return True
    return kept.reachable and kept.checked_at <= now - FRESH


def _probe_all(systems: Sequence[System], now: datetime) -> dict[str, SystemReach]:
    # Imported here: SQLAlchemy stays out of django.setup (the console's URLs import this).
    from hogo.systems.status import system_probe

    website = policy_active().organization.website
    with ThreadPoolExecutor(max_workers=min(8, len(systems))) as pool:
        probes = list(pool.map(lambda s: system_probe(s, website=website), systems))
    results: dict[str, SystemReach] = {}
    with transaction.atomic():
        for system, probe in zip(systems, probes, strict=True):
            if probe is None:
                continue
            results[system.id], _ = SystemReach.objects.update_or_create(
                system=system.id,
                defaults={"checked_at": now, "outcome": probe.outcome, "reason": probe.reason},
            )
    return results
