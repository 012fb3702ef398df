"""`/api/v1/incidents`: the incident register for the privacy officer's tools (issue 14,
"Interfaces"). Officer role only; everyone else gets 403. Times are ISO 8601 in Japan's time
(+09:00), where the PPC's deadlines fall."""

from datetime import datetime
from typing import Annotated, Literal

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.params import functions as params

from hogo.audit.services import actor_for
from hogo.errors import ErrorOut, Refused
from hogo.roles import Role, has_role
from hogo.safety.classify import Facts
from hogo.safety.clocks import JST
from hogo.safety.models import (
    Incident,
    IncidentStatus,
    ReportStage,
    StepKind,
    Trigger,
    TriggerState,
)
from hogo.safety.report import report_draft, report_pdf, report_text
from hogo.safety.selectors import incident_get, incident_steps
from hogo.safety.services import incident_report

router = Router(tags=["incidents"])

ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
INCIDENT_REF = params.Path(..., pattern=r"^inc_[a-z2-7]{16}$", description="The incident id.")
Name = Annotated[str, Field(min_length=1, max_length=64)]


class IncidentIn(Schema):
    discovered_at: datetime = Field(
        description="When the organization became aware (ISO 8601 with a time zone); every "
        "clock runs from here."
    )
    summary: str = Field(min_length=1, max_length=5000, description="What happened.")
    categories: list[Name] = Field(
        default_factory=list,
        max_length=50,
        description="The data categories involved (the policy's category ids, or other names).",
    )
    systems: list[Name] = Field(
        default_factory=list, max_length=50, description="The systems involved."
    )
    people_estimate: int | None = Field(
        None, ge=0, le=1_000_000_000, description="null: not known (may be over 1,000)."
    )
    special_care: bool | None = Field(None, description="null: not known (counts as possible).")
    property_damage: bool | None = Field(None, description="null: not known.")
    unjust_purpose: bool | None = Field(None, description="null: not known.")


class FindingOut(Schema):
    trigger: Trigger
    state: TriggerState
    basis: str = Field(description="Why: stated_yes, stated_unknown, special_care_category...")
    categories: list[str] = Field(default_factory=list)


class OverrideOut(Schema):
    reportable: bool
    reason: str


class IncidentStepOut(Schema):
    at: datetime
    actor: str
    kind: StepKind
    detail: dict[str, object]


class IncidentOut(Schema):
    id: str
    status: IncidentStatus
    discovered_at: datetime
    summary: str
    categories: list[str]
    systems: list[str]
    people_estimate: int | None
    special_care: bool | None
    property_damage: bool | None
    unjust_purpose: bool | None
    reportable: bool
    triggers: list[Trigger] = Field(description="The triggers that apply or may apply.")
    classification: list[FindingOut]
    override: OverrideOut | None
    preliminary_due: datetime
    final_due: datetime
    preliminary_filed_at: datetime | None
    final_filed_at: datetime | None
    timeline: list[IncidentStepOut]

    @staticmethod
    def of(incident: Incident) -> "IncidentOut":
        override = None
        if incident.reportable_override is not None:
            override = OverrideOut(
                reportable=incident.reportable_override, reason=incident.override_reason
            )
        return IncidentOut(
            id=incident.ref,
            status=IncidentStatus(incident.status),
            discovered_at=_jst(incident.discovered_at),
            summary=incident.summary,
            categories=list(incident.categories),
            systems=list(incident.systems),
            people_estimate=incident.people_estimate,
            special_care=incident.special_care,
            property_damage=incident.property_damage,
            unjust_purpose=incident.unjust_purpose,
            reportable=incident.reportable,
            triggers=[Trigger(t) for t in incident.triggers()],
            classification=[FindingOut(**row) for row in incident.classification],
            override=override,
            preliminary_due=_jst(incident.preliminary_due),
            final_due=_jst(incident.final_due),
            preliminary_filed_at=_jst_or_none(incident.preliminary_filed_at),
            final_filed_at=_jst_or_none(incident.final_filed_at),
            timeline=[
                IncidentStepOut(
                    at=_jst(s.at), actor=s.actor, kind=StepKind(s.kind), detail=s.detail
                )
                for s in incident_steps(incident=incident)
            ],
        )


def _jst(value: datetime) -> datetime:
    return timezone.localtime(value, JST)


def _jst_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else _jst(value)


def _officer(request: HttpRequest) -> User:
    user = request.user
    if not (isinstance(user, User) and has_role(user, Role.PRIVACY_OFFICER)):
        raise Refused("Only the privacy officer may handle incidents", code="forbidden")
    return user


@router.post("", response={201: IncidentOut, **ERRORS}, summary="Record an incident")
def incident_create(request: HttpRequest, body: IncidentIn) -> Status[IncidentOut]:
    """Records a suspected leak, loss or damage and classifies it against PPC Rule 7: any
    trigger that applies or may apply (null counts as possible) makes it reportable."""
    user = _officer(request)
    facts = Facts(
        categories=tuple(body.categories),
        people_estimate=body.people_estimate,
        special_care=body.special_care,
        property_damage=body.property_damage,
        unjust_purpose=body.unjust_purpose,
    )
    incident = incident_report(
        actor=actor_for(user),
        discovered_at=body.discovered_at,
        summary=body.summary,
        facts=facts,
        systems=tuple(body.systems),
    )
    return Status(201, IncidentOut.of(incident))


@router.get("/{ref}", response={200: IncidentOut, **ERRORS}, summary="An incident and its timeline")
def incident_read(request: HttpRequest, ref: str = INCIDENT_REF) -> IncidentOut:
    _officer(request)
    return IncidentOut.of(incident_get(ref=ref))


class ReportQuery(Schema):
    stage: ReportStage = Field(description="preliminary (速報) or final (確報).")
    format: Literal["pdf", "text"] = Field("pdf", description="pdf, or text to paste.")


@router.get(
    "/{ref}/report",
    response={200: None, **ERRORS},
    summary="The draft of the report to the PPC",
    description="The items of PPC Rule 8(1) filled from the record, in Japanese: a PDF "
    "(`application/pdf`), or with `format=text` plain text (`text/plain`) to paste into the "
    "PPC's online form.",
)
def incident_report_draft(
    request: HttpRequest, query: Query[ReportQuery], ref: str = INCIDENT_REF
) -> HttpResponse:
    _officer(request)
    draft = report_draft(incident=incident_get(ref=ref), stage=query.stage)
    if query.format == "text":
        return HttpResponse(report_text(draft), content_type="text/plain; charset=utf-8")
    response = HttpResponse(report_pdf(draft), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{ref}-{query.stage}.pdf"'
    return response
