"""Subjects API (/api/v1/subjects): look up and read for a stated purpose, suspend and lift,
erase. Reads need the purpose in the `X-Hogo-Purpose` header; the role must be allowed to state
it (permissions.py) and the person's acquisitions must allow it (access/). Registration
(`POST /subjects`) applies collect's acquisition rules, so it is collect's router
(`hogo/collect/subjects_api.py`), mounted beside this one.
"""

import json
from collections.abc import Iterator
from typing import Literal

from django.contrib.auth.models import User
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from ninja.params import functions as params

from hogo.audit.services import actor_for
from hogo.errors import ErrorOut, HogoError, InvalidInput, NotFound, Refused
from hogo.policy.selectors import policy_active
from hogo.vault.access import subjects_access, subjects_access_excepted, subjects_export
from hogo.vault.erasure import subject_erase
from hogo.vault.exceptions import MAX_EXPLANATION, USE_GROUNDS
from hogo.vault.models import DisposalReason
from hogo.vault.permissions import (
    can_handle_requests,
    can_read,
    can_use_beyond_purpose,
    purpose_allowed,
)
from hogo.vault.records import AccessRefusal, AccessResult, RefusalReason, SuspensionState
from hogo.vault.selectors import subjects_purposes
from hogo.vault.services import subject_suspend, subject_suspension_lift
from hogo.vault.unsubscribe import marketing_purposes, unsubscribe_url

router = Router(tags=["subjects"])

SUBJECT_ID = r"^sub_[a-z2-7]{16}$"
SUBJECT_PATH = params.Path(..., pattern=SUBJECT_ID, description="The pseudonymous subject id.")
PURPOSE_HEADER = params.Header(
    None,
    alias="X-Hogo-Purpose",
    description="The purpose of use the values are read for (a purpose id of the policy).",
)


class Gone(HogoError):
    code = "gone"
    status = 410


class SubjectOut(Schema):
    subject_id: str
    identifiers: dict[str, str]
    data: dict[str, str]


class RefusalOut(Schema):
    subject_id: str | None
    reason: RefusalReason


class AccessOut(Schema):
    items: list[SubjectOut]
    refused: list[RefusalOut]


class LookupQuery(Schema):
    email: str | None = Field(None, max_length=320)
    phone: str | None = Field(None, max_length=40)


class SuspendIn(Schema):
    purposes: list[str] | None = Field(None, min_length=1, max_length=20)
    all: bool = Field(False, description="Suspend use for every purpose.")


class LiftQuery(Schema):
    purpose: list[str] | None = Field(None, description="Lift only these; default all.")
    request_ref: str = Field("", pattern=r"^([A-Za-z0-9][A-Za-z0-9_.:-]{0,63})?$")


class SuspensionOut(Schema):
    subject_id: str
    all_purposes: bool
    purposes: list[str]
    changed: bool


class EraseQuery(Schema):
    reason: Literal[
        DisposalReason.ERASURE_REQUEST,
        DisposalReason.CONSENT_WITHDRAWN,
        DisposalReason.UNLAWFUL_ACQUISITION,
        DisposalReason.OFFICER_DECISION,
    ] = DisposalReason.ERASURE_REQUEST
    request_ref: str = Field("", pattern=r"^([A-Za-z0-9][A-Za-z0-9_.:-]{0,63})?$")


ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 410: ErrorOut}


def _actor(request: HttpRequest) -> str:
    if not isinstance(request.user, User):
        raise _forbid("A staff user is required")
    return actor_for(request.user)


def _forbid(message: str) -> Refused:
    return Refused(message, code="forbidden")


def _purpose(request: HttpRequest, purpose: str | None) -> str:
    if not can_read(request.user):
        raise _forbid("Your role may not read personal data")
    if not purpose:
        raise InvalidInput(
            "State the purpose of use in the X-Hogo-Purpose header", code="purpose_required"
        )
    if not purpose_allowed(request.user, purpose):
        raise Refused(f"Your role may not read personal data for {purpose!r}", code="forbidden")
    return purpose


def _access_out(result: AccessResult) -> AccessOut:
    return AccessOut(
        items=[SubjectOut(**vars(view)) for view in result.items],
        refused=[RefusalOut(**vars(r)) for r in result.refused],
    )


def _suspension_out(state: SuspensionState) -> SuspensionOut:
    return SuspensionOut(**vars(state))


@router.post(
    "/search",
    response={200: AccessOut, **ERRORS},
    summary="Look up by e-mail or phone (in the body), for a stated purpose",
)
def subjects_search(
    request: HttpRequest, body: LookupQuery, purpose: str | None = PURPOSE_HEADER
) -> AccessOut:
    return _lookup(request, body, purpose)


def _lookup(request: HttpRequest, query: LookupQuery, purpose: str | None) -> AccessOut:
    stated = _purpose(request, purpose)
    if (query.email is None) == (query.phone is None):
        raise InvalidInput("Give exactly one of email or phone")
    result = subjects_access(
        actor=_actor(request),
        purpose=stated,
        email=query.email,
        phone=query.phone,
        via="api",
    )
    return _access_out(_unreadable_hidden(request, result))


def _unreadable_hidden(request: HttpRequest, result: AccessResult) -> AccessResult:
    """A person the caller may not read for any of their purposes is answered as an unknown
    one: a refusal naming them would tell staff with no business there that they are known."""
    named = [r.subject_id for r in result.refused if r.subject_id is not None]
    if not named:
        return result
    purposes = subjects_purposes(subject_ids=named)
    refused = [
        r
        for r in result.refused
        if r.subject_id is None
        or any(purpose_allowed(request.user, p) for p in purposes.get(r.subject_id, ()))
    ]
    if not result.items and not refused:
        refused = [AccessRefusal(None, RefusalReason.NOT_FOUND)]
    return AccessResult(items=result.items, refused=refused)


class UseGroundOut(Schema):
    id: str
    article: str
    title_ja: str
    title_en: str


@router.get(
    "/exception-grounds",
    response={200: list[UseGroundOut], **ERRORS},
    summary="The statutory exceptions a use beyond the purposes may cite (Art. 18(3))",
)
def exception_grounds(request: HttpRequest) -> list[UseGroundOut]:
    _actor(request)  # any staff user: the list is the text of the law
    return [UseGroundOut(**vars(ground)) for ground in USE_GROUNDS]


class ExceptionalIn(Schema):
    subject_ids: list[str] = Field(min_length=1, max_length=1000)
    exception: str = Field(max_length=16, description="A ground id from /exception-grounds.")
    explanation: str = Field(
        max_length=MAX_EXPLANATION, description="Why the exception applies (required)."
    )
    categories: list[str] | None = Field(None, min_length=1, max_length=50)


class ExceptionalOut(AccessOut):
    record_id: str = Field(description="The record kept of this use (exu_...).")
    exception: str


@router.post(
    "/exception-access",
    response={200: ExceptionalOut, **ERRORS},
    summary="Read beyond the purposes under a statutory exception (privacy officer)",
    description="The purpose the values are used for goes in `X-Hogo-Purpose`, as for any "
    "read; the subjects' acquisitions need not allow it. The body cites the Art. 18(3) ground "
    "and explains why it applies. Suspension, retention and special-care consent still hold. "
    "Recorded (`record_id`) and audited (`vault.access.exception`).",
)
def exception_access(
    request: HttpRequest, body: ExceptionalIn, purpose: str | None = PURPOSE_HEADER
) -> ExceptionalOut:
    if not can_use_beyond_purpose(request.user):
        raise _forbid("Only the privacy officer may use data beyond its purposes")
    if not purpose:
        raise InvalidInput(
            "State the purpose of use in the X-Hogo-Purpose header", code="purpose_required"
        )
    access = subjects_access_excepted(
        actor=_actor(request),
        purpose=purpose,
        subject_ids=body.subject_ids,
        exception=body.exception,
        explanation=body.explanation,
        categories=body.categories,
        via="api",
    )
    out = _access_out(access.result)
    return ExceptionalOut(
        items=out.items, refused=out.refused, record_id=access.record_id, exception=access.ground
    )


@router.get(
    "/export",
    response={200: None, **ERRORS},
    summary="Every person whose data a purpose may use, as JSON Lines",
    description="The purpose goes in `X-Hogo-Purpose`. One JSON object a line: "
    '`{"subject_id", "identifiers", "data"}` for each person returned, plus `unsubscribe_url` '
    "when the policy marks the purpose `marketing_mail` (put it in every mail as the opt-out "
    'link and in the List-Unsubscribe header); `{"subject_id", "refused"}` for each '
    "person refused (suspended, retention over...). One audit event per 1,000 people.",
)
def subjects_download(
    request: HttpRequest, purpose: str | None = PURPOSE_HEADER
) -> StreamingHttpResponse:
    stated = _purpose(request, purpose)
    actor = _actor(request)
    origin = request.build_absolute_uri("/")
    policy = policy_active()
    if stated not in policy.purposes:
        # Checked here: the export itself runs only once the response is streaming.
        raise InvalidInput(f"purpose: {stated!r} is not a purpose of the active policy")
    marketing = stated in marketing_purposes(policy)

    def lines() -> Iterator[bytes]:
        for page in subjects_export(actor=actor, purpose=stated, via="api"):
            for view in page.items:
                row: dict[str, object] = SubjectOut(**vars(view)).model_dump()
                if marketing:
                    row["unsubscribe_url"] = unsubscribe_url(
                        origin=origin, subject_id=view.subject_id, purpose=stated
                    )
                yield json.dumps(row, ensure_ascii=False).encode() + b"\n"
            for refusal in page.refused:
                refused = {"subject_id": refusal.subject_id, "refused": refusal.reason.value}
                yield json.dumps(refused).encode() + b"\n"

    response = StreamingHttpResponse(lines(), content_type="application/x-ndjson")
    response["Content-Disposition"] = f'attachment; filename="{stated}.jsonl"'
    return response


def _english(reason: RefusalReason) -> str:
    """The API speaks English whatever the caller's language (the labels are lazy gettext)."""
    with translation.override("en"):
        return str(reason.label)


@router.get(
    "/{subject_id}",
    response={200: SubjectOut, **ERRORS},
    summary="Read one subject for a stated purpose",
    description="403 with the refusal reason as the error code (`purpose_not_allowed`, "
    "`suspended`, `retention_expired`, `special_care_without_consent`, `consent_missing`); "
    "410 when erased or "
    "disposed of; 404 when unknown.",
)
def subject_read(
    request: HttpRequest,
    subject_id: str = SUBJECT_PATH,
    purpose: str | None = PURPOSE_HEADER,
) -> SubjectOut:
    stated = _purpose(request, purpose)
    result = subjects_access(
        actor=_actor(request), purpose=stated, subject_ids=[subject_id], via="api"
    )
    for refusal in result.refused:
        if refusal.reason == RefusalReason.NOT_FOUND:
            raise NotFound(f"subject {subject_id} does not exist")
        if refusal.reason in (RefusalReason.ERASED, RefusalReason.DISPOSED):
            raise Gone(f"subject {subject_id}: {_english(refusal.reason)}", code=refusal.reason)
        if refusal.reason != RefusalReason.SPECIAL_CARE_WITHOUT_CONSENT or not result.items:
            raise Refused(f"subject {subject_id}: {_english(refusal.reason)}", code=refusal.reason)
    [view] = result.items
    return SubjectOut(**vars(view))


@router.post(
    "/{subject_id}/suspension",
    response={200: SuspensionOut, **ERRORS},
    summary="Suspend use for purposes, or for all (Art. 35)",
)
def suspension_create(
    request: HttpRequest, body: SuspendIn, subject_id: str = SUBJECT_PATH
) -> SuspensionOut:
    if not can_handle_requests(request.user):
        raise _forbid("Your role may not suspend use of personal data")
    if body.all == (body.purposes is not None):
        raise InvalidInput('Give either "purposes": [...] or "all": true')
    state = subject_suspend(
        actor=_actor(request),
        subject_id=subject_id,
        purposes=None if body.all else body.purposes,
    )
    return _suspension_out(state)


@router.delete(
    "/{subject_id}/suspension",
    response={200: SuspensionOut, **ERRORS},
    summary="Lift a suspension (all of it, or `?purpose=` ones)",
)
def suspension_delete(
    request: HttpRequest, query: Query[LiftQuery], subject_id: str = SUBJECT_PATH
) -> SuspensionOut:
    if not can_handle_requests(request.user):
        raise _forbid("Your role may not lift a suspension")
    state = subject_suspension_lift(
        actor=_actor(request),
        subject_id=subject_id,
        purposes=query.purpose or None,
        request_ref=query.request_ref,
    )
    return _suspension_out(state)


@router.delete(
    "/{subject_id}",
    response={204: None, **ERRORS},
    summary="Erase a subject (crypto-shredding)",
)
def subject_delete(
    request: HttpRequest, query: Query[EraseQuery], subject_id: str = SUBJECT_PATH
) -> Status[None]:
    if not can_handle_requests(request.user):
        raise _forbid("Your role may not erase personal data")
    subject_erase(
        actor=_actor(request),
        subject_id=subject_id,
        reason=query.reason,
        request_ref=query.request_ref,
    )
    return Status(204, None)
