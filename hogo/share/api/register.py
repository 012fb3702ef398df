"""The recipients register: recipients, outsourcing agreements and supervision, successions,
joint use."""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from hogo.errors import Refused
from hogo.share.api.common import (
    AGREEMENT,
    ERRORS,
    IDS,
    JOINT_USE,
    RECIPIENT,
    DayBody,
    require_reader,
    router,
    staff_actor,
)
from hogo.share.models import (
    Agreement,
    ForeignBasis,
    JointUse,
    Recipient,
    RecipientKind,
    Subcontracting,
    Succession,
    SuccessionKind,
    SupervisionKind,
    SupervisionOutcome,
)
from hogo.share.permissions import can_manage, can_read_subject_records
from hogo.share.records import (
    AgreementIn,
    JointUseIn,
    RecipientIn,
    SuccessionIn,
)
from hogo.share.selectors import (
    agreement_get,
    agreements_review_due,
    foreign_notice,
    recipient_get,
    recipients_list,
)
from hogo.share.services import (
    agreement_record,
    agreement_terminate,
    joint_use_end,
    joint_use_record,
    recipient_change,
    recipient_register,
    recipient_retire,
    succession_record,
    supervision_record,
)


class RecipientBody(Schema):
    kind: RecipientKind
    name: str = Field(max_length=200)
    address: str = Field(max_length=300)
    representative: str = Field(max_length=200)
    country: str = Field("JP", pattern=r"^[A-Z]{2}$")
    category: str = Field("", max_length=64)
    country_system: str = Field("", max_length=4000)
    recipient_measures: str = Field("", max_length=4000)
    foreign_basis: ForeignBasis = ForeignBasis.CONSENT
    measures_checked_on: date | None = None


class AgreementOut(Schema):
    ref: str
    signed_on: date
    starts_on: date
    ends_on: date | None
    terminated_on: date | None
    purposes: list[str]
    categories: list[str]
    security_clauses: str
    subcontracting: str
    review_due: date
    document_ref: str


class SuccessionOut(Schema):
    ref: str
    kind: str
    effective_on: date
    purposes: list[str]
    categories: list[str]
    document_ref: str


class JointUseOut(Schema):
    ref: str
    categories: list[str]
    purposes: list[str]
    responsible_name: str
    responsible_address: str
    responsible_representative: str
    announced_version: int
    starts_on: date
    ended_on: date | None


class RecipientOut(Schema):
    ref: str
    kind: str
    name: str
    address: str
    representative: str
    country: str
    category: str
    country_system: str
    recipient_measures: str
    foreign_basis: str
    measures_checked_on: date | None
    registered_at: datetime
    retired_at: datetime | None


class RecipientDetail(RecipientOut):
    agreements: list[AgreementOut]
    successions: list[SuccessionOut]
    joint_uses: list[JointUseOut]


def _recipient_out(row: Recipient) -> RecipientOut:
    return RecipientOut.model_validate(row, from_attributes=True)


def _recipient_detail(row: Recipient) -> RecipientDetail:
    return RecipientDetail(
        **_recipient_out(row).model_dump(),
        agreements=[_agreement_out(a) for a in row.agreements.order_by("starts_on", "pk")],
        successions=[
            SuccessionOut.model_validate(s, from_attributes=True)
            for s in row.successions.order_by("effective_on", "pk")
        ],
        joint_uses=[
            JointUseOut.model_validate(j, from_attributes=True)
            for j in row.joint_uses.order_by("starts_on", "pk")
        ],
    )


def _agreement_out(row: Agreement) -> AgreementOut:
    return AgreementOut.model_validate(row, from_attributes=True)


class RecipientList(Schema):
    items: list[RecipientOut]


class RecipientFilter(Schema):
    kind: RecipientKind | None = None
    retired: bool = Field(False, description="Include retired recipients.")


@router.get("/recipients", response={200: RecipientList, **ERRORS}, summary="The register")
def recipients(request: HttpRequest, filters: Query[RecipientFilter]) -> RecipientList:
    require_reader(request)
    rows = recipients_list(kind=filters.kind, retired=filters.retired)
    return RecipientList(items=[_recipient_out(row) for row in rows])


@router.post("/recipients", response={201: RecipientDetail, **ERRORS}, summary="Register")
def recipient_create(request: HttpRequest, body: RecipientBody) -> Status[RecipientDetail]:
    actor = staff_actor(request, can_manage(request.user), "register recipients")
    row = recipient_register(actor=actor, recipient=RecipientIn(**body.model_dump()))
    return Status(201, _recipient_detail(row))


@router.get("/recipients/{ref}", response={200: RecipientDetail, **ERRORS}, summary="One")
def recipient_read(request: HttpRequest, ref: str = RECIPIENT) -> RecipientDetail:
    require_reader(request)
    return _recipient_detail(recipient_get(recipient_id=ref))


@router.put("/recipients/{ref}", response={200: RecipientDetail, **ERRORS}, summary="Change")
def recipient_update(
    request: HttpRequest, body: RecipientBody, ref: str = RECIPIENT
) -> RecipientDetail:
    actor = staff_actor(request, can_manage(request.user), "change recipients")
    row = recipient_change(
        actor=actor, recipient_id=ref, recipient=RecipientIn(**body.model_dump())
    )
    return _recipient_detail(row)


@router.post(
    "/recipients/{ref}/retire", response={200: RecipientDetail, **ERRORS}, summary="Retire"
)
def recipient_retire_view(request: HttpRequest, ref: str = RECIPIENT) -> RecipientDetail:
    actor = staff_actor(request, can_manage(request.user), "retire recipients")
    return _recipient_detail(recipient_retire(actor=actor, recipient_id=ref))


class ForeignNoticeOut(Schema):
    recipient_id: str
    country: str
    country_system: str
    recipient_measures: str
    sha256: str = Field(description="Record it as the consent's notice_sha256.")


@router.get(
    "/recipients/{ref}/foreign-notice",
    response={200: ForeignNoticeOut, **ERRORS},
    summary="The Art. 28 information to show before consent to provision abroad",
)
def recipient_foreign_notice(request: HttpRequest, ref: str = RECIPIENT) -> ForeignNoticeOut:
    if not can_read_subject_records(request.user):
        raise Refused("Your role may not read the register", code="forbidden")
    return ForeignNoticeOut(**vars(foreign_notice(recipient_id=ref)))


class AgreementBody(Schema):
    signed_on: date
    starts_on: date
    ends_on: date | None = None
    purposes: list[str] = IDS
    categories: list[str] = IDS
    security_clauses: str = Field(max_length=4000)
    subcontracting: Subcontracting
    review_due: date
    document_ref: str = Field("", max_length=200)


@router.post(
    "/recipients/{ref}/agreements",
    response={201: AgreementOut, **ERRORS},
    summary="Record an outsourcing agreement",
)
def agreement_create(
    request: HttpRequest, body: AgreementBody, ref: str = RECIPIENT
) -> Status[AgreementOut]:
    actor = staff_actor(request, can_manage(request.user), "record agreements")
    row = agreement_record(actor=actor, recipient_id=ref, agreement=AgreementIn(**body.dict()))
    return Status(201, _agreement_out(row))


class AgreementList(Schema):
    items: list[AgreementOut]


@router.get(
    "/agreements/review-due",
    response={200: AgreementList, **ERRORS},
    summary="Agreements in force whose contractor review is due",
)
def agreements_due(request: HttpRequest) -> AgreementList:
    require_reader(request)
    return AgreementList(items=[_agreement_out(a) for a in agreements_review_due()])


class SupervisionBody(Schema):
    kind: SupervisionKind
    performed_on: date
    outcome: SupervisionOutcome
    findings: str = Field("", max_length=4000)
    next_review: date


@router.post(
    "/agreements/{ref}/supervisions",
    response={201: AgreementOut, **ERRORS},
    summary="Record a supervision of the contractor",
)
def supervision_create(
    request: HttpRequest, body: SupervisionBody, ref: str = AGREEMENT
) -> Status[AgreementOut]:
    actor = staff_actor(request, can_manage(request.user), "record supervision")
    supervision_record(actor=actor, agreement_id=ref, **body.dict())
    return Status(201, _agreement_out(agreement_get(agreement_id=ref)))


@router.post(
    "/agreements/{ref}/terminate", response={200: AgreementOut, **ERRORS}, summary="Terminate"
)
def agreement_end(request: HttpRequest, body: DayBody, ref: str = AGREEMENT) -> AgreementOut:
    actor = staff_actor(request, can_manage(request.user), "terminate agreements")
    return _agreement_out(agreement_terminate(actor=actor, agreement_id=ref, on=body.on))


class SuccessionBody(Schema):
    kind: SuccessionKind
    effective_on: date
    purposes: list[str] = IDS
    categories: list[str] = IDS
    document_ref: str = Field("", max_length=200)


@router.post(
    "/recipients/{ref}/successions",
    response={201: SuccessionOut, **ERRORS},
    summary="Record a succession (all or part of the data)",
)
def succession_create(
    request: HttpRequest, body: SuccessionBody, ref: str = RECIPIENT
) -> Status[SuccessionOut]:
    actor = staff_actor(request, can_manage(request.user), "record successions")
    row: Succession = succession_record(
        actor=actor, recipient_id=ref, succession=SuccessionIn(**body.dict())
    )
    return Status(201, SuccessionOut.model_validate(row, from_attributes=True))


class JointUseBody(Schema):
    categories: list[str] = IDS
    purposes: list[str] = IDS
    responsible_name: str = Field(max_length=200)
    responsible_address: str = Field(max_length=300)
    responsible_representative: str = Field(max_length=200)
    starts_on: date


@router.post(
    "/recipients/{ref}/joint-uses",
    response={201: JointUseOut, **ERRORS},
    summary="Record joint use the notice announces",
)
def joint_use_create(
    request: HttpRequest, body: JointUseBody, ref: str = RECIPIENT
) -> Status[JointUseOut]:
    actor = staff_actor(request, can_manage(request.user), "record joint use")
    row: JointUse = joint_use_record(
        actor=actor, recipient_id=ref, joint_use=JointUseIn(**body.dict())
    )
    return Status(201, JointUseOut.model_validate(row, from_attributes=True))


@router.post(
    "/joint-uses/{ref}/end", response={200: JointUseOut, **ERRORS}, summary="End joint use"
)
def joint_use_stop(request: HttpRequest, body: DayBody, ref: str = JOINT_USE) -> JointUseOut:
    actor = staff_actor(request, can_manage(request.user), "end joint use")
    row = joint_use_end(actor=actor, joint_use_id=ref, on=body.on)
    return JointUseOut.model_validate(row, from_attributes=True)
