"""`/api/v1/consents`: a person's consent records, recording one, withdrawing one.

The officer and the desk (who handle people's requests) may read, record and withdraw;
auditors may read. Records hold no personal values, only kinds, targets and evidence ids.
"""

from datetime import datetime
from typing import Annotated

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from hogo.audit.services import actor_for
from hogo.consent.models import Consent, ConsentKind
from hogo.consent.selectors import consent_get, consents_for
from hogo.consent.services import consent_give, consent_withdraw
from hogo.errors import Refused
from hogo.roles import Role, has_role

router = Router(tags=["consents"])

REF = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
ConsentRef = Annotated[str, Field(max_length=32, pattern=REF)]
READERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR, Role.AUDITOR)
WRITERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)


class ConsentOut(Schema):
    ref: str
    subject_id: str
    kind: ConsentKind
    target: str
    active: bool
    given_at: datetime
    withdrawn_at: datetime | None
    superseded_by: str | None
    policy_version: int
    notice_sha256: str
    evidence: dict[str, object]

    @staticmethod
    def of(consent: Consent) -> "ConsentOut":
        return ConsentOut(
            ref=consent.ref,
            subject_id=consent.subject.ref,
            kind=ConsentKind(consent.kind),
            target=consent.target,
            active=consent.active,
            given_at=consent.given_at,
            withdrawn_at=consent.withdrawn_at,
            superseded_by=consent.superseded_by.ref if consent.superseded_by else None,
            policy_version=consent.policy_version,
            notice_sha256=consent.notice_sha256,
            evidence=consent.evidence,
        )


class ConsentList(Schema):
    items: list[ConsentOut]


class ConsentFilter(Schema):
    subject: str = Field(max_length=32, pattern=REF, description="Subject id (sub_...).")


class ConsentIn(Schema):
    subject_id: str = Field(max_length=32, pattern=REF)
    kind: ConsentKind
    target: str = Field(max_length=80)
    policy_version: int = Field(ge=1, le=2**31 - 1)
    notice_sha256: str = Field("", max_length=64)
    evidence: dict[str, str | int | bool] = Field(
        default_factory=dict,
        description="How consent was obtained: channel, method (paper_form, api_caller...), "
        "document, request, text_sha256. Ids and hashes only, never personal values.",
    )


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the bearer token authenticates a staff User
    return user


def _require(request: HttpRequest, roles: tuple[Role, ...], what: str) -> User:
    user = _user(request)
    if not has_role(user, *roles):
        raise Refused(f"Your role may not {what} consent records", code="forbidden")
    return user


@router.get("", response=ConsentList, summary="A subject's consents, active and withdrawn")
def list_consents(request: HttpRequest, filters: Query[ConsentFilter]) -> ConsentList:
    _require(request, READERS, "read")
    return ConsentList(items=[ConsentOut.of(c) for c in consents_for(subject_id=filters.subject)])


@router.get("/{ref}", response=ConsentOut, summary="One consent record")
def get_consent(request: HttpRequest, ref: Path[ConsentRef]) -> ConsentOut:
    _require(request, READERS, "read")
    return ConsentOut.of(consent_get(consent_id=ref))


@router.post(
    "",
    response={201: ConsentOut},
    summary="Record a consent obtained outside hogo's forms (paper form, phone, integrator)",
)
def give_consent(request: HttpRequest, body: ConsentIn) -> Status[ConsentOut]:
    user = _require(request, WRITERS, "record")
    evidence = {"method": "api_caller", **body.evidence, "caller": actor_for(user)}
    consent = consent_give(
        actor=actor_for(user),
        subject_id=body.subject_id,
        kind=body.kind,
        target=body.target,
        policy_version=body.policy_version,
        notice_sha256=body.notice_sha256,
        evidence=evidence,
    )
    return Status(201, ConsentOut.of(consent_get(consent_id=consent.ref)))


@router.post("/{ref}/withdraw", response=ConsentOut, summary="Withdraw a consent (idempotent)")
def withdraw_consent(request: HttpRequest, ref: Path[ConsentRef]) -> ConsentOut:
    user = _require(request, WRITERS, "withdraw")
    consent = consent_withdraw(actor=actor_for(user), consent_id=ref)
    return ConsentOut.of(consent_get(consent_id=consent.ref))
