"""A request's steps in the organization's other systems (the policy's `[[systems]]`): one step
per system, each with its own status and result.

A SQL system is reached by the systems app: the person's rows found by the verified address
and the vault's phone and member numbers of the person (disclosure, purpose notification),
deleted, suspended or corrected and read back (a step succeeds only when every field read
back as intended; otherwise it fails listing the table, row key and column of each field that
did not, and is retried). A webhook system gets the same request signed over HTTPS
(`webhook_steps`). A manual system is a task for the desk: the step waits, with its due date
inside the request's deadline, until someone records it as done with a note (for a
disclosure, after uploading what was found there: system_uploads.py).

A step's result keeps ids only: table names, row keys, column names and counts.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from hogo.desk.content import case_details, case_text
from hogo.desk.kinds import CorrectionDetails
from hogo.desk.models import Case, CaseKind, Step, StepName, StepStatus
from hogo.desk.webhook_steps import webhook_found, webhook_step_run
from hogo.policy.schema import Policy, System
from hogo.policy.selectors import policy_active
from hogo.systems.records import Applied, Found, Identity, Key
from hogo.systems.selectors import system_records_find
from hogo.systems.services import (
    system_records_correct,
    system_records_erase,
    system_records_suspend,
)
from hogo.vault.access import subject_identifiers_open

ACTOR = "system:desk"
# The system step each kind of request takes, and where it goes among the desk's own steps.
SYSTEM_STEP = {
    CaseKind.PURPOSE_NOTIFICATION: StepName.SYSTEM_FIND,
    CaseKind.DISCLOSURE: StepName.SYSTEM_FIND,
    CaseKind.CORRECTION: StepName.SYSTEM_CORRECT,
    CaseKind.SUSPENSION: StepName.SYSTEM_SUSPEND,
}
# The vault's identifiers that also find the person in a system (besides the verified address).
VAULT_KINDS = ("phone", "member_number")
BEFORE = {StepName.PURPOSES_ANSWER, StepName.PACKAGE_BUILD, StepName.RESULT_NOTIFY}

StepResult = tuple[StepStatus, dict[str, object]]


@dataclass(frozen=True)
class Held:
    """A system where the request found the person's rows, for the answer and the package."""

    system: System
    rows: int
    manual: bool = False


def steps_with_systems(case: Case, names: tuple[StepName, ...]) -> list[tuple[StepName, str]]:
    """The case's plan with one step per declared system, placed before the step that answers
    the person (so the answer waits until every system is done)."""
    step = SYSTEM_STEP.get(CaseKind(case.kind))
    systems = list(policy_active().systems) if step else []
    planned: list[tuple[StepName, str]] = []
    for name in names:
        if name in BEFORE and step:
            planned.extend((step, ident) for ident in systems)
        planned.append((name, ""))
    return planned


def system_step_run(case: Case, step: Step, *, now: datetime) -> StepResult:
    system = policy_active().systems.get(step.system)
    if system is None:  # the policy no longer declares it: nothing left to reach there
        return StepStatus.SUCCEEDED, {"declared": False}
    if system.kind not in ("sql", "webhook"):
        return _manual(case, step, system)
    who = _identity(case)
    if not who and not step.result.get("keys"):
        return _manual(case, step, system, reason="no_identifier")
    if system.kind == "webhook":
        return webhook_step_run(case, step, system, who, now=now)
    keys = _keys(step)
    match StepName(step.name):
        case StepName.SYSTEM_FIND:
            found = _find(case, system, who, keys)
            return StepStatus.SUCCEEDED, {"rows": found.rows, "keys": found.keys}
        case StepName.SYSTEM_SUSPEND:
            applied = system_records_suspend(
                actor=ACTOR,
                system=system,
                who=who,
                case_ref=case.ref,
                subjects=_subjects(case),
                keys=keys,
            )
        case _:
            applied = _correct(case, system, who, keys)
    return _verified(case, step, system, applied)


def _find(case: Case, system: System, who: Identity, keys: dict[str, list[Key]] | None) -> Found:
    return system_records_find(
        actor=ACTOR, system=system, who=who, case_ref=case.ref, subjects=_subjects(case), keys=keys
    )


def _correct(
    case: Case, system: System, who: Identity, keys: dict[str, list[Key]] | None
) -> Applied:
    details = case_details(case, actor=ACTOR, via="fulfilment")
    assert isinstance(details, CorrectionDetails)
    deletions = {c.category for c in details.changes if c.action == "delete"}
    values = {c.category: c.value for c in details.changes if c.action == "set"}
    if details.delete_all or deletions:
        erased = system_records_erase(
            actor=ACTOR,
            system=system,
            who=who,
            case_ref=case.ref,
            subjects=_subjects(case),
            keys=keys,
            categories=None if details.delete_all else deletions,
        )
        if details.delete_all or not erased.verified or not values:
            return erased
        keys = erased.keys
    return system_records_correct(
        actor=ACTOR,
        system=system,
        who=who,
        case_ref=case.ref,
        subjects=_subjects(case),
        keys=keys,
        values=values,
    )


def _verified(case: Case, step: Step, system: System, applied: Applied) -> StepResult:
    result: dict[str, object] = {
        "rows": sum(len(k) for k in applied.keys.values()),
        # The rows first found: a retry acts on them even after their identity was cleared.
        "keys": step.result.get("keys") or applied.keys,
        "changed": applied.changed,
        "checked": applied.checked,
        "verified": applied.verified,
        "failures": [f.as_dict() for f in applied.failures],
    }
    if not applied.verified:
        return StepStatus.FAILED, result
    if applied.manual:
        status, manual = _manual(case, step, system, reason="not_declared", what=applied.manual)
        return status, result | manual
    return StepStatus.SUCCEEDED, result


def _manual(
    case: Case,
    step: Step,
    system: System,
    *,
    reason: str = "manual_system",
    what: tuple[str, ...] = (),
) -> StepResult:
    """A task for the desk, due inside the request's deadline; done once recorded so."""
    if step.result.get("done_at"):
        return StepStatus.SUCCEEDED, {}
    days = system.manual.days if system.manual else 1
    due = timezone.now() + timedelta(days=days)
    if case.due_at and case.due_at < due:
        due = case.due_at
    role = system.manual.role if system.manual else "desk_operator"
    result: dict[str, object] = {"manual": reason, "role": role, "due": due.isoformat()}
    if what:
        result["by_hand"] = list(what)
    return StepStatus.WAITING, {**result, **{k: v for k, v in step.result.items() if k == "due"}}


@dataclass(frozen=True)
class SystemTask:
    """A system step waiting for the desk, as the console shows it."""

    system: str
    title: str
    instructions: str
    due: datetime | None
    by_hand: tuple[str, ...]
    uploadable: bool = False  # a disclosure: what was found there goes into the package
    uploaded: str = ""  # the type of the file uploaded (csv, xlsx, pdf, json), if any
    uploaded_bytes: int = 0


def system_tasks(case: Case, *, lang: str) -> list[SystemTask]:
    systems = policy_active().systems
    tasks: list[SystemTask] = []
    for step in case.steps.filter(system__gt="", status=StepStatus.WAITING).order_by("position"):
        system = systems.get(step.system)
        if system is None or not step.result.get("manual"):
            continue
        due = step.result.get("due")
        by_hand = step.result.get("by_hand")
        upload = step.result.get("upload")
        upload = upload if isinstance(upload, dict) else {}
        tasks.append(
            SystemTask(
                system=system.id,
                title=system.title.get(lang),
                instructions=system.manual.instructions.get(lang) if system.manual else "",
                due=datetime.fromisoformat(due) if isinstance(due, str) else None,
                by_hand=tuple(by_hand) if isinstance(by_hand, list) else (),
                uploadable=case.kind == CaseKind.DISCLOSURE and step.name == StepName.SYSTEM_FIND,
                uploaded=str(upload.get("type", "")),
                uploaded_bytes=int(upload.get("bytes", 0)),
            )
        )
    return tasks


def system_titles(*, lang: str) -> dict[str, str]:
    return {ident: s.title.get(lang) for ident, s in policy_active().systems.items()}


def held_in_systems(case: Case, *, policy: Policy | None = None) -> list[Held]:
    """The systems where this case's system steps found the person (`policy`: the active
    one, if the caller has read it)."""
    systems = (policy or policy_active()).systems
    held: list[Held] = []
    if not systems:  # steps of systems no longer declared are skipped below anyway
        return held
    for step in case.steps.filter(system__gt="").order_by("position"):
        system = systems.get(step.system)
        rows = step.result.get("rows")
        manual = bool(step.result.get("done_at"))
        if system is not None and ((isinstance(rows, int) and rows > 0) or manual):
            held.append(
                Held(system=system, rows=rows if isinstance(rows, int) else 0, manual=manual)
            )
    return held


def found_in_systems(case: Case) -> list[tuple[System, Found]]:
    """The rows the find steps located, read again for the package (audited per system)."""
    systems = policy_active().systems
    found: list[tuple[System, Found]] = []
    if not systems:  # steps of systems no longer declared are skipped below anyway
        return found
    for step in case.steps.filter(name=StepName.SYSTEM_FIND, system__gt="").order_by("position"):
        system = systems.get(step.system)
        keys = _keys(step)
        if system is not None and system.kind == "webhook":
            sent = webhook_found(case, step, system)
            found.extend([(system, sent)] if sent else [])
        if system is None or system.kind != "sql" or not keys:
            continue
        found.append((system, _find(case, system, _identity(case), keys)))
    return found


def _identity(case: Case) -> Identity:
    """What finds the person in the systems: the request's verified address and, where the
    request is tied to a person in the vault, their phone numbers and member numbers there."""
    values: dict[str, tuple[str, ...]] = {}
    if case.has_email:
        email = case_text(case, actor=ACTOR, via="fulfilment", email=True).email
        if email:
            values["email"] = (email,)
    if case.subject_ref:
        held = subject_identifiers_open(
            actor=ACTOR, subject_id=case.subject_ref, request_ref=case.ref, kinds=VAULT_KINDS
        )
        values |= {kind: tuple(found) for kind, found in held.items() if found}
    return Identity(values)


def _keys(step: Step) -> dict[str, list[Key]] | None:
    keys = step.result.get("keys")
    return keys if isinstance(keys, dict) and keys else None  # type: ignore[return-value]


def _subjects(case: Case) -> list[str]:
    return [case.subject_ref] if case.subject_ref else []
