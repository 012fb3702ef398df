"""`/api/v1/collect`: submit to a channel (the forms' path, for integrators' own pages) and list
a subject's acquisitions. Consents are listed and withdrawn under `/api/v1/consents`."""

from datetime import datetime
from typing import Annotated

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from hogo.audit.services import actor_for
from hogo.collect.models import RecordSource
from hogo.collect.selectors import AcquisitionView, acquisition_views_for
from hogo.collect.services import SubmissionIn, submission_accept
from hogo.errors import Refused
from hogo.roles import Role, has_role
from hogo.vault.permissions import can_register

router = Router(tags=["collect"])

REF = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
ChannelId = Annotated[str, Field(max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]
READERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR, Role.AUDITOR)


class SubmissionBody(Schema):
    values: dict[str, str | bool] = Field(
        description="Field id -> value, as the channel's fields in the policy define them."
    )
    lang: str = Field("ja", pattern="^(ja|en)$", description="Language the person used.")
    policy_version: int | None = Field(
        None, ge=1, le=2**31 - 1, description="Notice version shown (default: active)."
    )
    notice_sha256: str = Field(
        "", pattern="^([0-9a-f]{64})?$", description="sha256 of the notice text you showed."
    )
    purposes_consented: list[str] = Field(
        default_factory=list, max_length=20, description="Consent-only purposes agreed to."
    )
    special_care_consented: list[str] = Field(
        default_factory=list,
        max_length=9,
        description="Special-care categories the person explicitly consented to.",
    )


class AcceptedOut(Schema):
    record_id: str | None = Field(description="Null for an anonymous response.")
    subject_id: str | None
    created: bool
    consents: list[str]
    case_id: str | None
    member_id: str | None
    mailed: bool = Field(description="A confirmation e-mail was sent (public forms only).")


class RecordOut(Schema):
    ref: str
    lang: str
    received_at: datetime
    consents: list[str]
    fields: list[str]
    special_care: list[str]
    network: str
    supplementary_notice: str = Field(description="Supplementary notice shown ('' for none).")
    supplementary_notice_version: int | None


class AcquisitionOut(Schema):
    acquisition_id: int
    channel: str
    source: str
    acquired_at: datetime
    policy_version: int
    purposes: list[str]
    notice_sha256: str
    record: RecordOut | None
    receipt: str | None = Field(description="Art. 30 receipt record of an imported directory.")


class AcquisitionList(Schema):
    items: list[AcquisitionOut]


class AcquisitionFilter(Schema):
    subject: str = Field(max_length=32, pattern=REF, description="Subject id (sub_...).")


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Refused("A staff user is required", code="forbidden")
    return user


@router.post(
    "/channels/{channel}/submissions",
    response={201: AcceptedOut},
    summary="Submit to a channel as its form would (same checks, guard and records)",
)
def submit(
    request: HttpRequest, channel: Path[ChannelId], body: SubmissionBody
) -> Status[AcceptedOut]:
    user = _user(request)
    if not can_register(user):
        raise Refused("Your role may not register personal data", code="forbidden")
    accepted = submission_accept(
        actor=actor_for(user),
        submission=SubmissionIn(
            channel=channel,
            values=body.values,
            lang=body.lang,
            policy_version=body.policy_version,
            notice_sha256=body.notice_sha256,
            purposes_consented=body.purposes_consented,
            special_care_consented=body.special_care_consented,
            source=RecordSource.API,
            origin=request.build_absolute_uri("/").rstrip("/"),
        ),
    )
    return Status(201, AcceptedOut(**vars(accepted)))


def _acquisition_out(view: AcquisitionView) -> AcquisitionOut:
    record = view.record
    return AcquisitionOut(
        acquisition_id=view.acquisition_id,
        channel=view.channel,
        source=view.source,
        acquired_at=view.acquired_at,
        policy_version=view.policy_version,
        purposes=view.purposes,
        notice_sha256=view.notice_sha256,
        record=RecordOut.model_validate(record, from_attributes=True) if record else None,
        receipt=view.receipt,
    )


@router.get("/acquisitions", response=AcquisitionList, summary="A subject's acquisitions")
def acquisitions(request: HttpRequest, filters: Query[AcquisitionFilter]) -> AcquisitionList:
    if not has_role(_user(request), *READERS):
        raise Refused("Your role may not read acquisition records", code="forbidden")
    return AcquisitionList(
        items=[_acquisition_out(v) for v in acquisition_views_for(subject_id=filters.subject)]
    )
