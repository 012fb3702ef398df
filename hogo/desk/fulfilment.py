"""Fulfilment: a decided case's explicit steps, run in order, each with its recorded result.

A step either succeeds, waits (for its mail to be delivered, the fee, or the desk's postal
answer) or fails; a failure is recorded with the reason (no values) and retried with back-off
by the task worker. The case is complete only when every step succeeded. Each step runs in its
own savepoint, so a failure leaves nothing half-done in the database; each result is audited.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk import answers
from hogo.desk.content import case_details, case_text
from hogo.desk.kinds import CorrectionDetails, Details, DisclosureDetails, SuspensionDetails
from hogo.desk.mail import Attachment, backoff, mail_queue
from hogo.desk.models import (
    Case,
    CaseKind,
    CaseStatus,
    Decision,
    MailKind,
    MailStatus,
    Step,
    StepName,
    StepStatus,
)
from hogo.desk.package import (
    disclosure_package_build,
    link_create,
    package_attachment,
    package_is_pdf,
)
from hogo.desk.system_steps import (
    found_in_systems,
    held_in_systems,
    steps_with_systems,
    system_step_run,
)
from hogo.desk.system_uploads import uploads_in_systems
from hogo.errors import Conflict, HogoError, NotFound
from hogo.policy.selectors import policy_active
from hogo.rows import instances_insert, row_read, row_update, rows_read
from hogo.vault.correction import Correction, items_correct
from hogo.vault.erasure import items_erase, subject_erase
from hogo.vault.lookup import acquisitions_for
from hogo.vault.provision import subject_provision_stop
from hogo.vault.services import subject_suspend

ACTOR = "system:desk"

PLANS: dict[str, tuple[StepName, ...]] = {
    CaseKind.PURPOSE_NOTIFICATION: (StepName.PURPOSES_ANSWER,),
    CaseKind.DISCLOSURE: (StepName.PACKAGE_BUILD, StepName.PACKAGE_DELIVER),
    CaseKind.CORRECTION: (StepName.CORRECTIONS_APPLY, StepName.RESULT_NOTIFY),
    CaseKind.SUSPENSION: (StepName.SUSPENSION_APPLY, StepName.RESULT_NOTIFY),
    CaseKind.COMPLAINT: (StepName.REPLY,),
}


# What running a step changes (its case, name, system and position never change).
RUN_FIELDS = ("status", "attempts", "result", "error", "retry_at", "finished_at", "updated_at")


@dataclass
class Ran:
    status: StepStatus
    result: dict[str, object] = field(default_factory=dict)


def steps_plan(case: Case, *, first: bool = False) -> list[Step]:
    """The steps of a decided case, after any it already has (a fee received before a
    refusal stays recorded). `first`: the case was open, never decided, so it has no step yet
    (none is read; one there would break the steps' unique constraint, not be duplicated)."""
    if case.decision == Decision.REFUSED:
        names: tuple[StepName, ...] = (StepName.REFUSAL_NOTIFY,)
    else:
        names = PLANS[case.kind]
        if case.fee_jpy:
            names = (StepName.FEE, *names)
    existing = {} if first else {(s.name, s.system): s.position for s in case.steps.all()}
    start = max(existing.values(), default=0) + 1
    planned = [p for p in steps_with_systems(case, names) if p not in existing]
    steps = [
        Step(case=case, name=name, system=system, position=start + n)
        for n, (name, system) in enumerate(planned)
    ]
    instances_insert(steps)
    return steps


def case_advance(*, case_ref: str, now: datetime | None = None) -> Case:
    """Runs the case's next steps until one waits or fails; closes the case when all
    succeeded. Safe to call any time, from any process: the case row is locked meanwhile."""
    now = now or timezone.now()
    with transaction.atomic():
        case = row_read(Case, where={"ref": case_ref}, lock=True)
        if case is None:
            raise NotFound(f"request {case_ref} does not exist")
        if case.status != CaseStatus.IN_PROGRESS:
            return case
        steps = _steps(case)
        for step in steps:
            if step.status == StepStatus.SUCCEEDED:
                continue
            # A failed step waits for its retry time; without one (gave up), for the desk.
            if step.status == StepStatus.FAILED and (not step.retry_at or step.retry_at > now):
                break
            _step_run(case, step, now, steps)
            if step.status != StepStatus.SUCCEEDED:
                break
        else:
            _close(case, now)
    return case


def _steps(case: Case) -> list[Step]:
    """The case's steps in order, each knowing its case (as `case.steps` gives them)."""
    steps = rows_read(Step, where={"case_id": case.pk}, order_by=("position",))
    for step in steps:
        step.case = case
    return steps


def _step_run(case: Case, step: Step, now: datetime, steps: list[Step]) -> None:
    try:
        with transaction.atomic():
            ran = _ran(case, step, now, steps)
    except Exception as exc:  # recorded on the step and retried, never lost
        step.status = StepStatus.FAILED
        # A webhook step whose last callback never came makes no call: not an attempt.
        step.attempts += 1 if getattr(exc, "counted", True) else 0
        step.error = _describe(exc)
        # A call that gave up after its attempts waits for the desk's retry (webhook_steps).
        step.retry_at = None if getattr(exc, "final", False) else now + backoff(step.attempts)
        row_update(step, RUN_FIELDS)
        audit_record(
            actor=ACTOR,
            action="desk.step.fail",
            subjects=_subjects(case),
            detail={"case": case.ref, "step": step.name, "attempts": step.attempts},
        )
        return
    step.result = {**step.result, **ran.result}
    if step.status != StepStatus.WAITING:  # re-checking a waiting step is not a new attempt
        step.attempts += 1
    step.status = ran.status
    if ran.status == StepStatus.FAILED:  # a system's change that did not read back as intended
        failures = ran.result.get("failures")
        count = len(failures) if isinstance(failures, list) else 0
        step.error = str(ran.result.get("error") or f"not verified: {count} field(s)")[:300]
        step.retry_at = now + backoff(step.attempts)
        audit_record(
            actor=ACTOR,
            action="desk.step.fail",
            subjects=_subjects(case),
            detail={"case": case.ref, "step": step.name, "attempts": step.attempts},
        )
    if ran.status == StepStatus.SUCCEEDED:
        step.finished_at = now
        step.error = ""
        step.retry_at = None
        audit_record(
            actor=ACTOR,
            action="desk.step.succeed",
            subjects=_subjects(case),
            detail={"case": case.ref, "step": step.name, "result": _counts(step.result)},
        )
    row_update(step, RUN_FIELDS)


def _ran(case: Case, step: Step, now: datetime, steps: list[Step]) -> Ran:
    """The step run once; a system's step is told the time (a webhook's wait may be over).
    `steps`: all the case's steps as `case_advance` holds them (the case row is locked, so
    they are what the database holds, with the results of the steps run so far)."""
    if step.system:
        status, result = system_step_run(case, step, now=now)
        return Ran(status, result)
    return RUNNERS[StepName(step.name)](case, step, steps)


def _close(case: Case, now: datetime) -> None:
    refused = case.decision == Decision.REFUSED
    case.status = CaseStatus.REFUSED if refused else CaseStatus.COMPLETED
    case.closed_at = now
    row_update(case, ["status", "closed_at"])
    audit_record(
        actor=ACTOR,
        action="desk.case.close",
        subjects=_subjects(case),
        detail={"case": case.ref, "kind": case.kind, "decision": case.decision},
    )


def _fee(case: Case, step: Step, steps: list[Step]) -> Ran:
    if case.waits_for_fee:
        return Ran(StepStatus.WAITING, {"fee_jpy": case.fee_jpy})
    return Ran(StepStatus.SUCCEEDED, {"fee_jpy": case.fee_jpy, "amount_jpy": case.fee_paid_jpy})


def _purposes_answer(case: Case, step: Step, steps: list[Step]) -> Ran:
    acquisitions = acquisitions_for(subject_id=case.subject_ref) if case.subject_ref else []
    purposes = sorted({p for a in acquisitions for p in a.purposes})
    held = held_in_systems(case)
    return _answer(
        case,
        step,
        lambda: answers.purposes(case, acquisitions, held),
        {
            "held": bool(acquisitions or held),
            "acquisitions": len(acquisitions),
            "purposes": purposes,
            "systems": [h.system.id for h in held],
        },
    )


def _package_build(case: Case, step: Step, steps: list[Step]) -> Ran:
    if step.result.get("package") or step.result.get("held") is False:
        return Ran(StepStatus.SUCCEEDED)  # built by an earlier run whose mail step failed
    if case.waits_for_fee:  # the fee step comes first; this holds even if a plan had none
        raise Conflict(f"case {case.ref}: the fee has not been received")
    systems = found_in_systems(case)
    uploads = uploads_in_systems(case, actor=ACTOR)
    held = bool(case.subject_ref or systems or uploads)
    package = (
        disclosure_package_build(case=case, actor=ACTOR, systems=systems, uploads=uploads)
        if held
        else None
    )
    if package is None:
        return Ran(StepStatus.SUCCEEDED, {"held": False})
    return Ran(
        StepStatus.SUCCEEDED,
        {"held": True, "package": package.ref, "items": package.items, "files": package.files},
    )


def _package_deliver(case: Case, step: Step, steps: list[Step]) -> Ran:
    built = next(s for s in steps if s.name == StepName.PACKAGE_BUILD).result
    if not built.get("held"):
        return _answer(case, step, lambda: answers.nothing_held(case), {"held": False})
    package = case.packages.get(ref=built["package"])
    details = _details(case)
    assert isinstance(details, DisclosureDetails)
    method = details.delivery
    if method not in ("email_attachment", "download") or not case.has_email:
        # On paper by post, or handed over at the desk: the desk prints it and records it.
        delivered = method if method != "email_attachment" else "postal_mail"
        return _by_post(step, {"delivery": delivered, "package": package.ref})
    if method == "download":

        def link_mail() -> tuple[str, str]:
            token, expires_at = link_create(package=package)
            return answers.disclosure_link(case, token, expires_at, pdf=package_is_pdf(package))

        return _answer(case, step, link_mail, {"delivery": method, "package": package.ref})
    name, media_type = package_attachment(package)
    return _answer(
        case,
        step,
        lambda: answers.disclosure_attached(case, pdf=package_is_pdf(package)),
        {"delivery": "email_attachment", "package": package.ref},
        Attachment(name, bytes(package.content), media_type),
    )


def _corrections_apply(case: Case, step: Step, steps: list[Step]) -> Ran:
    details = _details(case)
    assert isinstance(details, CorrectionDetails)
    if not case.subject_ref:
        return Ran(StepStatus.SUCCEEDED, {"held": False})
    if details.delete_all:
        try:
            erased = subject_erase(actor=ACTOR, subject_id=case.subject_ref, request_ref=case.ref)
        except Conflict as exc:  # erased already (a retry after a half-done run), or disposed
            if exc.code != "gone":
                raise
            return Ran(StepStatus.SUCCEEDED, {"held": True, "erased": True, "deleted": 0})
        return Ran(StepStatus.SUCCEEDED, {"held": True, "erased": True, "deleted": erased.items})
    corrections = [Correction(c.category, c.value) for c in details.changes if c.action == "set"]
    deletions = [c.category for c in details.changes if c.action == "delete"]
    result: dict[str, object] = {"held": True, "corrected": 0, "added": 0, "deleted": 0}
    if corrections:
        corrected = items_correct(
            actor=ACTOR, subject_id=case.subject_ref, corrections=corrections, request_ref=case.ref
        )
        result |= {"corrected": corrected.corrected, "added": corrected.added}
    if deletions:
        try:
            erased = items_erase(
                actor=ACTOR, subject_id=case.subject_ref, categories=deletions, request_ref=case.ref
            )
            result |= {"deleted": erased.items, "erased": erased.key_destroyed}
        except NotFound:
            result |= {"deleted": 0}  # nothing held in those categories (already disposed)
    return Ran(StepStatus.SUCCEEDED, result)


def _suspension_apply(case: Case, step: Step, steps: list[Step]) -> Ran:
    details = _details(case)
    assert isinstance(details, SuspensionDetails)
    if not case.subject_ref:
        return Ran(StepStatus.SUCCEEDED, {"held": False})
    result: dict[str, object] = {"held": True}
    try:
        if details.all_purposes or details.purposes:
            state = subject_suspend(
                actor=ACTOR,
                subject_id=case.subject_ref,
                purposes=None if details.all_purposes else list(details.purposes),
                request_ref=case.ref,
            )
            result |= {"all_purposes": state.all_purposes, "purposes": state.purposes}
        if details.stop_provision:
            subject_provision_stop(actor=ACTOR, subject_id=case.subject_ref, request_ref=case.ref)
            result |= {"provision_stopped": True}
    except Conflict as exc:
        if exc.code != "gone":
            raise
        return Ran(StepStatus.SUCCEEDED, {"held": False})  # erased or disposed meanwhile
    return Ran(StepStatus.SUCCEEDED, result)


def _result_notify(case: Case, step: Step, steps: list[Step]) -> Ran:
    applies = (StepName.CORRECTIONS_APPLY, StepName.SUSPENSION_APPLY)
    applied = next((s for s in steps if s.name in applies), None)
    outcome = applied.result if applied else {}
    policy = policy_active()  # once for the systems held and the mail
    held = held_in_systems(case, policy=policy)
    return _answer(case, step, lambda: answers.result(case, outcome, held, policy=policy), {})


def _reply(case: Case, step: Step, steps: list[Step]) -> Ran:
    """A complaint is closed once every reply the desk wrote has reached the mail server."""
    pending = case.mails.filter(kind=MailKind.REPLY, status=MailStatus.QUEUED).count()
    replies = case.notes.filter(is_reply=True).count()
    status = StepStatus.WAITING if pending or not replies else StepStatus.SUCCEEDED
    return Ran(status, {"replies": replies})


def _refusal_notify(case: Case, step: Step, steps: list[Step]) -> Ran:
    def compose() -> tuple[str, str]:
        explanation = case_text(case, actor=ACTOR, via="fulfilment", refusal=True)
        return answers.refusal(case, explanation.refusal_explanation)

    return _answer(case, step, compose, {"reason": case.refusal_reason})


def _details(case: Case) -> Details:
    return case_details(case, actor=ACTOR, via="fulfilment")


def _answer(
    case: Case,
    step: Step,
    compose: Callable[[], tuple[str, str]],
    result: dict[str, object],
    attachment: Attachment | None = None,
) -> Ran:
    """Sends the step's answer once; the step succeeds when the mail server took it. Without
    an e-mail address the desk answers by post and records it."""
    if not case.has_email:
        return _by_post(step, result)
    # A step never run to the end has no mail: a run that queued one and then failed rolled it
    # back with its savepoint, and one that finished counted an attempt.
    mails = list(step.mails.all()) if step.attempts else []
    if not mails:
        subject, body = compose()
        mail = mail_queue(
            actor=ACTOR,
            subject=subject,
            body=body,
            kind=MailKind.ANSWER,
            case=case,
            step=step,
            attachment=attachment,
        )
        return Ran(StepStatus.WAITING, {**result, "mail": mail.ref})
    if all(m.status == MailStatus.SENT for m in mails):
        return Ran(StepStatus.SUCCEEDED, result)
    return Ran(StepStatus.WAITING, result)


def _by_post(step: Step, result: dict[str, object]) -> Ran:
    if step.result.get("posted_at"):
        return Ran(StepStatus.SUCCEEDED, result)
    return Ran(StepStatus.WAITING, {**result, "by_post": True})


RUNNERS: dict[StepName, Callable[[Case, Step, list[Step]], Ran]] = {
    StepName.FEE: _fee,
    StepName.PURPOSES_ANSWER: _purposes_answer,
    StepName.PACKAGE_BUILD: _package_build,
    StepName.PACKAGE_DELIVER: _package_deliver,
    StepName.CORRECTIONS_APPLY: _corrections_apply,
    StepName.SUSPENSION_APPLY: _suspension_apply,
    StepName.RESULT_NOTIFY: _result_notify,
    StepName.REPLY: _reply,
    StepName.REFUSAL_NOTIFY: _refusal_notify,
}


def steps_retry_due(*, now: datetime | None = None) -> list[str]:
    """Cases with a failed step whose retry time has come, or a step waiting on mail that
    was delivered by a sweep: the task worker advances them."""
    now = now or timezone.now()
    failed = Step.objects.filter(
        status=StepStatus.FAILED, retry_at__lte=now, case__status=CaseStatus.IN_PROGRESS
    )
    waiting = Step.objects.filter(
        status=StepStatus.WAITING,
        case__status=CaseStatus.IN_PROGRESS,
        updated_at__lt=now - timedelta(minutes=1),
    )
    refs = set(failed.values_list("case__ref", flat=True)[:500])
    refs.update(waiting.values_list("case__ref", flat=True)[:500])
    return sorted(refs)


def _describe(exc: BaseException) -> str:
    # Domain errors carry no personal data by contract (hogo/errors.py); anything else is
    # named by its class only.
    if isinstance(exc, HogoError):
        return f"{exc.code}: {exc.message}"[:300]
    return type(exc).__name__


def _counts(result: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in result.items() if isinstance(v, bool | int | str) and k != "mail"}


def _subjects(case: Case) -> list[str]:
    return [case.subject_ref] if case.subject_ref else []
