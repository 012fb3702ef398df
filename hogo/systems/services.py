"""Writes in the organization's other systems for a request: deletion, suspension and
correction, each in one transaction per system and read back field by field, with one audit
event naming the system, the case and the counts (never a value or a key). And the record of
a scan of a system (`system_scan_run`)."""

from collections.abc import Sequence
from dataclasses import asdict

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.policy.schema import System
from hogo.policy.selectors import policy_active
from hogo.systems.models import SystemScan
from hogo.systems.records import DEFAULT_SAMPLE, Applied, Identity, Key

# hogo.systems.reach (SQLAlchemy) is imported by each function: see selectors.py.


def system_records_erase(
    *,
    actor: str,
    system: System,
    who: Identity,
    case_ref: str,
    subjects: Sequence[str] = (),
    keys: dict[str, list[Key]] | None = None,
    categories: set[str] | None = None,
) -> Applied:
    """Deletes the person's fields (or those of `categories`) as the declaration says; `keys`:
    the rows an earlier attempt found (its identity columns may be cleared by now)."""
    from hogo.systems.reach import erase_apply

    applied = erase_apply(system, who, keys, categories)
    _audit(actor, "systems.erase", applied, case_ref, subjects)
    return applied


def system_records_suspend(
    *,
    actor: str,
    system: System,
    who: Identity,
    case_ref: str,
    subjects: Sequence[str] = (),
    keys: dict[str, list[Key]] | None = None,
) -> Applied:
    from hogo.systems.reach import suspend_apply

    applied = suspend_apply(system, who, keys)
    _audit(actor, "systems.suspend", applied, case_ref, subjects)
    return applied


def system_records_correct(
    *,
    actor: str,
    system: System,
    who: Identity,
    case_ref: str,
    values: dict[str, str],
    subjects: Sequence[str] = (),
    keys: dict[str, list[Key]] | None = None,
) -> Applied:
    """Sets category -> new value in every field the declaration lets hogo correct."""
    from hogo.systems.reach import correct_apply

    applied = correct_apply(system, who, values, keys)
    _audit(actor, "systems.correct", applied, case_ref, subjects)
    return applied


def _audit(
    actor: str, action: str, applied: Applied, case_ref: str, subjects: Sequence[str]
) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=action,
            subjects=list(subjects),
            detail={
                "system": applied.system,
                "case": case_ref,
                "changed": applied.changed,
                "checked": applied.checked,
                "failed": len(applied.failures),
                "verified": applied.verified,
                "manual": list(applied.manual),
            },
        )


def system_scan_run(*, actor: str, system: System, sample: int = DEFAULT_SAMPLE) -> SystemScan:
    """Scans the system's undeclared columns (with the policy's phone regions) and keeps the
    findings, or the failure, as its latest scan; a failure is raised after it is recorded."""
    from hogo.systems.engine import SystemFailure
    from hogo.systems.scan import system_scan

    regions = policy_active().detection.phone_regions
    failure: SystemFailure | None = None
    try:
        lines = system_scan(system, sample=sample, phone_regions=regions)
    except SystemFailure as exc:
        lines, failure = [], exc
    with transaction.atomic():
        scan = SystemScan.objects.create(
            system=system.id,
            ran_at=timezone.now(),
            ran_by=actor[:64],
            sample=sample,
            findings=[asdict(line) | {"kind": line.kind} for line in lines],
            error=failure.message[:300] if failure else "",
        )
        audit_record(
            actor=actor,
            action="systems.scan",
            detail={
                "system": system.id,
                "columns": len({(line.table, line.column) for line in lines}),
                "special_care": scan.special_care,
                "failed": failure is not None,
            },
        )
    if failure is not None:
        raise failure
    return scan
