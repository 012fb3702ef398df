"""`/api/v1/requests`: the privacy center's requests for integrators' own portals.

A portal starts a request for an address (hogo e-mails the person a code), relays the code the
person typed, and follows the request's steps. The desk operator and the privacy officer may
also decide; auditors may read. Nothing returned contains the address, what was asked or the
disclosure password (shown only on hogo's verified status page).
"""

from datetime import date, datetime
from typing import Literal

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from ninja.params import functions as params

from hogo.audit.services import actor_for
from hogo.desk.fees import MAX_AMOUNT, Payment, case_fee_record
from hogo.desk.intake import VerificationFailed, case_confirm, case_start
from hogo.desk.models import Case, CaseKind, CaseRefusalReason, CaseStatus, FeeDifference, Intake
from hogo.desk.selectors import case_get, case_mails, case_steps, cases_queue
from hogo.desk.services import case_approve, case_refuse
from hogo.desk.verification import VerificationOutcome
from hogo.desk.webhook_steps import system_callback_receive
from hogo.errors import ErrorOut, Refused
from hogo.roles import Role, has_role

router = Router(tags=["requests"])

HANDLERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)
READERS = (*HANDLERS, Role.AUDITOR)
CASE_REF = params.Path(..., pattern=r"^req_[a-z2-7]{16}$", description="The request id.")


ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut}


class ChangeIn(Schema):
    category: str = Field(max_length=64, description="A data category id of the policy.")
    action: Literal["set", "delete"] = Field(description="set: correct or add; delete.")
    value: str = Field("", max_length=1000)


class RequestIn(Schema):
    kind: CaseKind
    email: str = Field(max_length=254, description="Where hogo sends the code and answers.")
    language: Literal["ja", "en"] = "ja"
    delivery: str | None = Field(
        None, description="Disclosure: email_attachment (default), download or postal_mail."
    )
    changes: list[ChangeIn] = Field(default_factory=list, max_length=20)
    delete_all: bool = Field(False, description="Correction: delete everything held.")
    all_purposes: bool = Field(False, description="Suspension: stop all use.")
    purposes: list[str] = Field(default_factory=list, max_length=20)
    stop_provision: bool = Field(False, description="Suspension: stop provision to others.")
    understood: bool = Field(
        False, description="Suspension: the person confirmed what stops working (7.1(d))."
    )
    topic: Literal["question", "complaint", "consultation"] | None = None
    text: str | None = Field(None, max_length=5000)

    def details(self) -> dict[str, object]:
        match self.kind:
            case CaseKind.DISCLOSURE:
                return {"delivery": self.delivery} if self.delivery else {}
            case CaseKind.CORRECTION:
                return {
                    "changes": [c.dict() for c in self.changes],
                    "delete_all": self.delete_all,
                }
            case CaseKind.SUSPENSION:
                return {
                    "all_purposes": self.all_purposes,
                    "purposes": self.purposes,
                    "stop_provision": self.stop_provision,
                    "understood": self.understood,
                }
            case CaseKind.COMPLAINT:
                return {"topic": self.topic, "text": self.text}
        return {}


class StepOut(Schema):
    name: str
    status: str
    attempts: int
    error: str
    finished_at: datetime | None


class MailOut(Schema):
    kind: str
    status: str
    attempts: int
    last_error: str


class RequestOut(Schema):
    id: str
    kind: CaseKind
    status: CaseStatus
    decision: str
    language: str
    intake: str
    subject_id: str | None
    received_at: datetime | None
    due_at: datetime | None
    closed_at: datetime | None
    fee_jpy: int
    fee_received: bool
    fee_received_on: date | None
    waiting_for_fee: bool = Field(description="The deadline starts when the fee is received.")
    refusal_reason: str
    steps: list[StepOut]
    mail: list[MailOut]

    @staticmethod
    def of(case: Case) -> "RequestOut":
        return RequestOut(
            id=case.ref,
            kind=CaseKind(case.kind),
            status=CaseStatus(case.status),
            decision=case.decision,
            language=case.language,
            intake=case.intake,
            subject_id=case.subject_ref or None,
            received_at=case.received_at,
            due_at=case.due_at,
            closed_at=case.closed_at,
            fee_jpy=case.fee_jpy,
            fee_received=case.fee_received_at is not None,
            fee_received_on=case.fee_received_on,
            waiting_for_fee=case.waits_for_fee,
            refusal_reason=case.refusal_reason,
            steps=[
                StepOut(
                    name=s.name,
                    status=s.status,
                    attempts=s.attempts,
                    error=s.error,
                    finished_at=s.finished_at,
                )
                for s in case_steps(case=case)
            ],
            mail=[
                MailOut(kind=m.kind, status=m.status, attempts=m.attempts, last_error=m.last_error)
                for m in case_mails(case=case)
            ],
        )


class StartedOut(Schema):
    request: RequestOut
    verification_id: str = Field(description="Send it back with the code the person types.")


class VerifyIn(Schema):
    verification_id: str = Field(max_length=32)
    code: str = Field(pattern=r"^\d{6}$")


class RefuseIn(Schema):
    reason: CaseRefusalReason
    explanation: str = Field("", max_length=5000, description="Shown to the person.")


class FeeIn(Schema):
    amount_jpy: int = Field(ge=0, le=MAX_AMOUNT, description="The amount received.")
    received_on: date = Field(description="The day the payment arrived (not in the future).")
    reference: str = Field(
        max_length=40, description="The transfer's or money order's number; never a name."
    )
    difference: FeeDifference | None = Field(
        None, description="Why the amount is not the request's fee, if it is not."
    )


class RequestList(Schema):
    items: list[RequestOut]


class ListQuery(Schema):
    status: CaseStatus | None = None
    kind: CaseKind | None = None


class ReasonOut(Schema):
    id: str
    description: str


def _user(request: HttpRequest, roles: tuple[Role, ...]) -> User:
    user = request.user
    if not (isinstance(user, User) and has_role(user, *roles)):
        raise Refused("Your role may not handle privacy requests", code="forbidden")
    return user


def _case(case_ref: str) -> Case:
    return case_get(case_ref=case_ref)


@router.post("", response={201: StartedOut, **ERRORS}, summary="Start a request")
def request_create(request: HttpRequest, body: RequestIn) -> Status[StartedOut]:
    """hogo e-mails the person a 6-digit code (and a link); the request waits for it."""
    user = _user(request, HANDLERS)
    started = case_start(
        kind=body.kind,
        email=body.email,
        language=body.language,
        details=body.details(),
        origin=request.build_absolute_uri("/").rstrip("/"),
        intake=Intake.API,
        actor=actor_for(user),
    )
    out = StartedOut(request=RequestOut.of(started.case), verification_id=started.verification_ref)
    return Status(201, out)


@router.post("/{ref}/verify", response={200: RequestOut, **ERRORS}, summary="Relay the code")
def request_verify(request: HttpRequest, body: VerifyIn, ref: str = CASE_REF) -> RequestOut:
    _user(request, HANDLERS)
    case = _case(ref)
    if not case.verifications.filter(ref=body.verification_id).exists():
        raise VerificationFailed(VerificationOutcome.EXPIRED)
    return RequestOut.of(case_confirm(verification_ref=body.verification_id, code=body.code))


@router.get("", response={200: RequestList, **ERRORS}, summary="The desk's queue")
def request_list(request: HttpRequest, query: Query[ListQuery]) -> RequestList:
    _user(request, READERS)
    statuses = (query.status,) if query.status else tuple(CaseStatus.values)
    rows = cases_queue(statuses=statuses, kind=query.kind)[:500]
    return RequestList(items=[RequestOut.of(case) for case in rows])


@router.get(
    "/refusal-reasons",
    response={200: list[ReasonOut], **ERRORS},
    summary="Grounds a refusal may give (Art. 36)",
)
def reasons_list(request: HttpRequest) -> list[ReasonOut]:
    _user(request, READERS)
    with translation.override("en"):  # the API speaks English; the labels are lazy
        return [ReasonOut(id=r.value, description=str(r.label)) for r in CaseRefusalReason]


@router.get("/{ref}", response={200: RequestOut, **ERRORS}, summary="A request and its steps")
def request_read(request: HttpRequest, ref: str = CASE_REF) -> RequestOut:
    _user(request, READERS)
    return RequestOut.of(_case(ref))


@router.post("/{ref}/approve", response={200: RequestOut, **ERRORS}, summary="Approve")
def request_approve(request: HttpRequest, ref: str = CASE_REF) -> RequestOut:
    user = _user(request, HANDLERS)
    case_approve(actor=actor_for(user), case_ref=ref)
    return RequestOut.of(_case(ref))


@router.post("/{ref}/refuse", response={200: RequestOut, **ERRORS}, summary="Refuse")
def request_refuse(request: HttpRequest, body: RefuseIn, ref: str = CASE_REF) -> RequestOut:
    user = _user(request, HANDLERS)
    case_refuse(
        actor=actor_for(user), case_ref=ref, reason=body.reason, explanation=body.explanation
    )
    return RequestOut.of(_case(ref))


@router.post("/{ref}/fee", response={200: RequestOut, **ERRORS}, summary="Fee received")
def request_fee(request: HttpRequest, body: FeeIn, ref: str = CASE_REF) -> RequestOut:
    user = _user(request, HANDLERS)
    payment = Payment(
        amount_jpy=body.amount_jpy,
        received_on=body.received_on,
        reference=body.reference,
        difference=body.difference or "",
    )
    case_fee_record(actor=actor_for(user), case_ref=ref, payment=payment)
    return RequestOut.of(_case(ref))


# `/api/v1/systems`: what a webhook system sends back (hogo/systems/README.md). No bearer token:
# the signature with the system's secret, the timestamp and the one-time token authenticate it.
systems_router = Router(tags=["systems"])
CALLBACK_TOKEN = params.Path(..., pattern=r"^[A-Za-z0-9_-]{43}$", description="One-time token.")


@systems_router.post(
    "/callback/{token}",
    auth=None,
    response={204: None, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="A webhook system's signed answer to a request it accepted with 202",
)
def system_callback(request: HttpRequest, token: str = CALLBACK_TOKEN) -> Status[None]:
    """Signed as hogo signs its requests; accepted once, within five minutes of its timestamp."""
    system_callback_receive(token=token, headers=dict(request.headers), body=request.body)
    return Status(204, None)
