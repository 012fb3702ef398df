"""Reads in the organization's other systems: a person's rows for a request (audited, one
event per system and reading), and the declared systems of the active policy."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction

from hogo.audit.services import audit_record
from hogo.policy.schema import System
from hogo.policy.selectors import policy_active
from hogo.systems.models import SystemScan
from hogo.systems.records import Found, Identity, Key

if TYPE_CHECKING:
    from hogo.systems.check import CheckReport

# SQLAlchemy (the engine, reach and check modules) is imported by the functions that use it:
# the desk imports these selectors, and every hogo process sets the desk's console up.


def systems_declared(*, kinds: Sequence[str] = ("sql", "webhook", "manual")) -> list[System]:
    """The active policy's systems of these kinds, in file order."""
    return [s for s in policy_active().systems.values() if s.kind in kinds]


def system_records_find(
    *,
    actor: str,
    system: System,
    who: Identity,
    case_ref: str,
    subjects: Sequence[str] = (),
    keys: dict[str, list[Key]] | None = None,
) -> Found:
    from hogo.systems.reach import found_read

    found = found_read(system, who, keys)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="systems.read",
            subjects=list(subjects),
            detail={
                "system": system.id,
                "case": case_ref,
                "rows": {t: len(r) for t, r in found.tables.items()},
            },
        )
    return found


def system_schema_check(*, system: System) -> "CheckReport":
    from hogo.systems.check import system_check

    return system_check(system)


def system_scans_latest(*, systems: Sequence[str]) -> dict[str, SystemScan]:
    """The latest scan of each of these systems (those never scanned are missing)."""
    latest: dict[str, SystemScan] = {}
    for ident in systems:
        scan = SystemScan.objects.filter(system=ident).order_by("-ran_at", "-pk").first()
        if scan is not None:
            latest[ident] = scan
    return latest
