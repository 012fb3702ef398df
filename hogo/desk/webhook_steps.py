"""A request's step in a webhook system (hogo/systems/README.md, "Webhook systems").

The step is the call's outbox: its row is stored with the case's plan before any call, each
attempt is counted on it with the last error in words, and a failure (no answer in time, a 5xx,
a bad signature) is retried with the desk's back-off. After `ATTEMPTS` failed attempts the step
stops retrying by itself and stays failed on the case; the desk's "retry" makes one more
attempt each time. A receiver that answers 202 leaves the step waiting for its signed callback,
at a one-time address whose token only the step knows (kept as a digest), until the step's
`retry_at` (`HOGO_SYSTEMS_CALLBACK_WAIT` minutes later). When that comes first, the desk's sweep
sends the request again with a new address (the old one is refused from then on), counted as an
attempt; after `ATTEMPTS` the step fails and waits for the desk.

The step keeps counts and ids; the rows a disclosure found are sealed as a note of the case and
opened for the package.
"""

import hashlib
import json
from datetime import datetime, timedelta
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from hogo.desk.content import case_details, case_text, text_seal
from hogo.desk.kinds import CorrectionDetails, SuspensionDetails
from hogo.desk.models import Case, CaseKind, CaseStatus, Step, StepStatus
from hogo.desk.schedule import case_run_on_commit
from hogo.errors import Conflict, NotFound
from hogo.policy.schema import System
from hogo.policy.selectors import policy_active
from hogo.systems.records import Found, Identity
from hogo.systems.webhook import (
    FINDS,
    SystemFailure,
    WebhookAnswer,
    WebhookRequest,
    callback_token,
    webhook_call,
    webhook_callback_accept,
)

ACTOR = "system:desk"
ATTEMPTS = 5  # failed calls before the step stops retrying by itself
RECORDS = "system-records"  # the kind of the case note holding a disclosure's rows
CALLBACK_PATH = "/api/v1/systems/callback/"

StepResult = tuple[StepStatus, dict[str, object]]


class GaveUp(SystemFailure):
    """The last automatic attempt failed: the step waits for the desk's retry."""

    final = True


class CallbackMissed(GaveUp):
    """The last attempt's callback never came. No call is made now, so no attempt is counted."""

    counted = False


def webhook_step_run(
    case: Case, step: Step, system: System, who: Identity, *, now: datetime
) -> StepResult:
    resend = False
    if step.result.get("callback"):
        settled = step.result.get("settled")
        if settled is not None:
            status = StepStatus.SUCCEEDED if settled else StepStatus.FAILED
            return status, {"callback": "", "settled": None, "error": step.result.get("error", "")}
        if step.retry_at is not None and step.retry_at > now:
            return StepStatus.WAITING, {}  # the receiver's callback has not come yet
        resend = True
        _callback_forget(step)
    token = callback_token()
    request = _request(case, step, system, who, token)
    try:
        answer = webhook_call(
            actor=ACTOR, system=system, request=request, case_ref=case.ref, subjects=_subjects(case)
        )
    except SystemFailure as exc:
        if step.attempts + 1 >= ATTEMPTS:
            raise GaveUp(f"gave up after {step.attempts + 1} attempts: {exc.message}") from exc
        raise
    if resend:  # fulfilment counts no attempt for a step that was waiting: this one is
        step.attempts += 1
    if answer is None:
        step.retry_at = now + timedelta(minutes=settings.SYSTEMS_CALLBACK_WAIT)
        return StepStatus.WAITING, {"request": request.request, "callback": _digest(token)}
    result = _outcome(case, request.kind, answer)
    return _status(request.kind, answer), {"request": request.request, **result}


def _callback_forget(step: Step) -> None:
    """The awaited callback did not come in time: its address is refused from now on (404),
    and the step sends the request again, or gives up after `ATTEMPTS`. The step row is
    saved by fulfilment whether this raises or not."""
    wait = settings.SYSTEMS_CALLBACK_WAIT
    step.result = {**step.result, "callback": ""}
    step.error = f"no signed callback within {wait} minutes"
    if step.attempts >= ATTEMPTS:
        raise CallbackMissed(f"gave up after {step.attempts} attempts: {step.error}")


def system_callback_receive(*, token: str, headers: dict[str, str], body: bytes) -> None:
    """A webhook system's signed answer to a request it accepted with 202: checked (signature,
    timestamp, the request it names), recorded on the step once, and the case advanced."""
    digest = _digest(token)
    with transaction.atomic():
        step = _step_locked(digest)
        if step.result.get("callback") != digest or step.status != StepStatus.WAITING:
            raise Conflict("this callback was already received", code="callback_used")
        case = step.case
        system = policy_active().systems.get(step.system)
        if system is None or system.kind != "webhook":
            raise NotFound("unknown or expired callback")
        request = _request(case, step, system, Identity({}), "")
        answer = webhook_callback_accept(
            actor=ACTOR,
            system=system,
            request=request,
            headers=headers,
            body=body,
            case_ref=case.ref,
            subjects=_subjects(case),
        )
        settled = _status(request.kind, answer) == StepStatus.SUCCEEDED
        step.result = {**step.result, **_outcome(case, request.kind, answer), "settled": settled}
        step.result["callback_done"] = digest
        step.save(update_fields=["result", "updated_at"])
        if case.status == CaseStatus.IN_PROGRESS:
            case_run_on_commit(case.ref)


def webhook_found(case: Case, step: Step, system: System) -> Found | None:
    """The rows a webhook system sent for this case's disclosure (one audited reading)."""
    ref = step.result.get("records")
    if not isinstance(ref, str) or not ref:
        return None
    opened = case_text(case, actor=ACTOR, via="fulfilment", refs=[ref]).texts.get(ref)
    if opened is None:
        return None
    return Found(system=system.id, tables=json.loads(opened), keys={})


def _request(case: Case, step: Step, system: System, who: Identity, token: str) -> WebhookRequest:
    """The request of this step; the same id on every attempt. Without `who` (reading a
    callback), only its id and kind."""
    kind = _kind(case)
    callback = case.origin.rstrip("/") + CALLBACK_PATH + quote(token) if token else ""
    ident = f"{case.ref}.{step.pk}"
    if kind in FINDS or not who:
        return WebhookRequest(ident, kind, who, callback)
    details = case_details(case, actor=ACTOR, via="fulfilment")
    if isinstance(details, SuspensionDetails):
        purposes = None if details.all_purposes else details.purposes
        return WebhookRequest(ident, kind, who, callback, purposes=purposes)
    assert isinstance(details, CorrectionDetails)
    deleted = tuple(c.category for c in details.changes if c.action == "delete")
    values = {c.category: c.value for c in details.changes if c.action == "set"}
    categories = None if details.delete_all else deleted
    return WebhookRequest(ident, kind, who, callback, categories=categories, values=values)


def _kind(case: Case) -> str:
    """The wire's kind: a correction that only deletes is a deletion."""
    match CaseKind(case.kind):
        case CaseKind.PURPOSE_NOTIFICATION:
            return "purposes"
        case CaseKind.DISCLOSURE:
            return "disclosure"
        case CaseKind.SUSPENSION:
            return "suspension"
    details = case_details(case, actor=ACTOR, via="fulfilment")
    assert isinstance(details, CorrectionDetails)
    sets = any(c.action == "set" for c in details.changes)
    return "deletion" if details.delete_all or not sets else "correction"


def _outcome(case: Case, kind: str, answer: WebhookAnswer) -> dict[str, object]:
    if kind in FINDS:
        result: dict[str, object] = {
            "rows": answer.rows,
            "tables": {t: len(rows) for t, rows in answer.tables.items()},
        }
        if kind == "disclosure" and answer.rows:
            text = json.dumps(answer.tables, ensure_ascii=False, default=str)
            result["records"] = text_seal(case, actor=ACTOR, kind=RECORDS, text=text)
        return result
    result = {
        "rows": answer.rows,
        "changed": answer.changed,
        "checked": answer.checked,
        "verified": answer.verified,
        "failures": [f.as_dict() for f in answer.failures],
    }
    result["error"] = ""
    if not answer.verified:
        result["error"] = (
            f"not verified: {len(answer.failures)} field(s) did not read back as changed"
            if answer.failures
            else "not verified: the system did not confirm its read-back"
        )
    return result


def _status(kind: str, answer: WebhookAnswer) -> StepStatus:
    if kind in FINDS or answer.verified:
        return StepStatus.SUCCEEDED
    return StepStatus.FAILED


def _step_locked(digest: str) -> Step:
    """The step awaiting this callback, its case locked as `case_advance` locks it (so the
    answer and a run of the case never overwrite each other)."""
    found = Step.objects.filter(Q(result__callback=digest) | Q(result__callback_done=digest))
    pk = found.values_list("pk", flat=True).first()
    if pk is None:
        raise NotFound("unknown or expired callback")
    Case.objects.select_for_update().filter(steps=pk).first()
    return Step.objects.select_related("case").get(pk=pk)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _subjects(case: Case) -> list[str]:
    return [case.subject_ref] if case.subject_ref else []
