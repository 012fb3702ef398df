"""Writes in the organization's other systems for a request: deletion, suspension and
correction, each in one transaction per system and read back field by field, with one audit
event naming the system, the case and the counts (never a value or a key)."""

from collections.abc import Sequence

from django.db import transaction

from hogo.audit.services import audit_record
from hogo.policy.schema import System
from hogo.systems.records import Applied, Identity, Key

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
