"""Writes to the incident register: report, triage (re-classify), override, filing, closing.

Each is one transaction with one audit event and one timeline step. The audit log gets ids,
trigger names and dates, never what staff wrote (a description may name people).
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Incidents, Text
from hogo.policy.selectors import PolicyNotLoaded, policy_active, policy_version_active
from hogo.roles import Role
from hogo.safety.classify import Facts, incident_classify, reportable
from hogo.safety.clocks import JST, clocks_compute
from hogo.safety.models import (
    Acknowledgment,
    Completion,
    Course,
    Incident,
    IncidentStatus,
    IncidentStep,
    ReportStage,
    StepKind,
    Trigger,
    TriggerState,
)
from hogo.safety.selectors import incident_get

CLOCK_SKEW = timedelta(minutes=5)  # a client's clock a little ahead is not "the future"


@dataclass(frozen=True)
class Narrative:
    """The Rule 8 items the classification does not give: written by staff at triage."""

    cause: str = ""
    secondary_harm: str = ""
    response_to_people: str = ""
    publication: str = ""
    prevention: str = ""
    other: str = ""


def _policy_settings() -> tuple[int, frozenset[str]]:
    """Preliminary days and the special-care category ids. An incident is recorded even before
    a policy is loaded: a register that refused a leak would be worse than a default clock."""
    try:
        policy = policy_active()
    except PolicyNotLoaded:
        return Incidents().preliminary_report_days, frozenset()
    return policy.incidents.preliminary_report_days, policy.special_care_ids()


def _facts_checked(facts: Facts, discovered_at: datetime, now: datetime) -> None:
    if discovered_at.tzinfo is None:
        raise InvalidInput("discovered_at: needs a time zone (ISO 8601 with an offset)")
    if discovered_at > now + CLOCK_SKEW:
        raise InvalidInput("discovered_at: is in the future")
    if len(set(facts.categories)) != len(facts.categories):
        raise InvalidInput("categories: names a category twice")


def _classify(incident: Incident, facts: Facts, special_care_ids: frozenset[str]) -> None:
    findings = incident_classify(facts, special_care_ids=special_care_ids)
    unjust = next(f for f in findings if f.trigger == Trigger.UNJUST_PURPOSE)
    clocks = clocks_compute(
        aware_at=incident.discovered_at,
        preliminary_days=incident.preliminary_days,
        unjust_purpose=unjust.state != TriggerState.NO,
    )
    incident.categories = list(facts.categories)
    incident.people_estimate = facts.people_estimate
    incident.special_care = facts.special_care
    incident.property_damage = facts.property_damage
    incident.unjust_purpose = facts.unjust_purpose
    incident.classification = [f.as_json() for f in findings]
    incident.reportable_classified = reportable(findings)
    incident.preliminary_due = clocks.preliminary_due
    incident.final_due = clocks.final_due


def _step(
    incident: Incident, *, actor: str, kind: StepKind, at: datetime, **detail: object
) -> None:
    IncidentStep.objects.create(incident=incident, at=at, actor=actor, kind=kind, detail=detail)


def _classified_detail(incident: Incident) -> dict[str, object]:
    return {
        "triggers": incident.triggers(),
        "reportable": incident.reportable_classified,
        "preliminary_due": incident.preliminary_due.isoformat(),
        "final_due": incident.final_due.isoformat(),
    }


@transaction.atomic
def incident_report(
    *,
    actor: str,
    discovered_at: datetime,
    summary: str,
    facts: Facts,
    systems: tuple[str, ...] = (),
) -> Incident:
    """Records a suspected leak, loss or damage and classifies it at once."""
    now = timezone.now()
    _facts_checked(facts, discovered_at, now)
    if not summary.strip():
        raise InvalidInput("summary: must not be empty")
    days, special_care_ids = _policy_settings()
    incident = Incident(
        discovered_at=discovered_at,
        reported_at=now,
        reported_by=actor,
        summary=summary.strip(),
        systems=list(systems),
        preliminary_days=days,
    )
    _classify(incident, facts, special_care_ids)
    incident.save()
    _step(incident, actor=actor, kind=StepKind.REPORTED, at=now)
    _step(incident, actor=actor, kind=StepKind.CLASSIFIED, at=now, **_classified_detail(incident))
    audit_record(
        actor=actor,
        action="safety.incident.report",
        detail={"incident": incident.ref, **_classified_detail(incident)},
    )
    return incident


def _open(ref: str) -> Incident:
    incident = incident_get(ref=ref, lock=True)
    if not incident.is_open:
        raise Conflict(f"incident {ref} is closed")
    return incident


@transaction.atomic
def incident_triage(*, actor: str, ref: str, facts: Facts, narrative: Narrative) -> Incident:
    """The officer's triage: the facts as now known, classified again (the clocks follow: the
    final deadline is 60 days only while an unjust purpose is possible), and the Rule 8 items."""
    incident = _open(ref)
    _facts_checked(facts, incident.discovered_at, timezone.now())
    _, special_care_ids = _policy_settings()
    _classify(incident, facts, special_care_ids)
    for name, value in vars(narrative).items():
        setattr(incident, name, value.strip())
    incident.status = IncidentStatus.TRIAGED
    incident.save()
    detail = _classified_detail(incident)
    _step(incident, actor=actor, kind=StepKind.CLASSIFIED, at=timezone.now(), **detail)
    audit_record(actor=actor, action="safety.incident.triage", detail={"incident": ref, **detail})
    return incident


@transaction.atomic
def incident_override(*, actor: str, ref: str, reportable: bool | None, reason: str) -> Incident:
    """The officer decides against (or back in line with) the classification, with a reason.
    `reportable=None` withdraws an earlier override."""
    incident = _open(ref)
    if reportable is not None and not reason.strip():
        raise InvalidInput("reason: an override needs the officer's reason")
    incident.reportable_override = reportable
    incident.override_reason = reason.strip() if reportable is not None else ""
    incident.save(update_fields=["reportable_override", "override_reason"])
    detail = {"reportable": incident.reportable, "override": reportable is not None}
    _step(incident, actor=actor, kind=StepKind.OVERRIDDEN, at=timezone.now(), **detail)
    audit_record(actor=actor, action="safety.incident.override", detail={"incident": ref, **detail})
    return incident


@transaction.atomic
def incident_file(
    *, actor: str, ref: str, stage: ReportStage, filed_at: datetime | None = None
) -> Incident:
    """Records that a report went to the PPC: its clock stops (no more reminders)."""
    incident = _open(ref)
    filed_at = filed_at or timezone.now()
    if filed_at > timezone.now() + CLOCK_SKEW:
        raise InvalidInput("filed_at: is in the future")
    if stage == ReportStage.FINAL and incident.preliminary_filed_at is None:
        raise Conflict(f"incident {ref}: file the preliminary report first")
    if incident.filed_at(stage) is not None:
        raise Conflict(f"incident {ref}: the {stage} report is already recorded as filed")
    field = f"{ReportStage(stage).value}_filed_at"
    setattr(incident, field, filed_at)
    incident.save(update_fields=[field])
    detail = {"stage": ReportStage(stage).value, "filed_at": filed_at.isoformat()}
    _step(incident, actor=actor, kind=StepKind.FILED, at=timezone.now(), **detail)
    audit_record(actor=actor, action="safety.incident.file", detail={"incident": ref, **detail})
    return incident


@transaction.atomic
def incident_close(*, actor: str, ref: str) -> Incident:
    incident = _open(ref)
    if incident.reportable and incident.final_filed_at is None:
        raise Conflict(f"incident {ref} is reportable: record the final report first")
    incident.status = IncidentStatus.CLOSED
    incident.closed_at = timezone.now()
    incident.save(update_fields=["status", "closed_at"])
    _step(incident, actor=actor, kind=StepKind.CLOSED, at=incident.closed_at)
    audit_record(actor=actor, action="safety.incident.close", detail={"incident": ref})
    return incident


def rules_digest(rules: Text | None) -> str:
    if rules is None:
        return ""
    return hashlib.sha256(f"{rules.ja}\x00{rules.en}".encode()).hexdigest()


@transaction.atomic
def acknowledgment_record(*, actor: str, user: User, policy_version: int) -> Acknowledgment:
    """The staff member acknowledged this policy version and its handling rules. Only the active
    version can be acknowledged: an older one is not what staff must follow now."""
    active = policy_version_active()
    if policy_version != active.number:
        raise Conflict(f"policy version {policy_version} is not the active one ({active.number})")
    found = Acknowledgment.objects.filter(user=user, policy_version=policy_version).first()
    if found is not None:
        return found
    acknowledgment = Acknowledgment.objects.create(
        user=user,
        policy_version=policy_version,
        rules_digest=rules_digest(policy_active().handling_rules),
        acknowledged_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="safety.acknowledgment.record",
        detail={"user": f"user:{user.pk}", "policy_version": policy_version},
    )
    return acknowledgment


@dataclass(frozen=True)
class CourseFacts:
    title: str
    material: str
    material_url: str
    roles: list[str]
    cadence_months: int
    active: bool = True


def _course_check(facts: CourseFacts) -> None:
    if not facts.title.strip():
        raise InvalidInput("a course needs a title")
    if not facts.material.strip() and not facts.material_url.strip():
        raise InvalidInput("a course needs its material: a text or an address")
    if not facts.roles or set(facts.roles) - set(Role.values):
        raise InvalidInput("a course needs one or more of the staff roles")
    if not 1 <= facts.cadence_months <= 120:
        raise InvalidInput("the cadence is 1 to 120 months")


@transaction.atomic
def course_create(*, actor: str, facts: CourseFacts) -> Course:
    """A course of the regular education (policy 6.2)."""
    _course_check(facts)
    course = Course.objects.create(
        title=facts.title.strip(),
        material=facts.material.strip(),
        material_url=facts.material_url.strip(),
        roles=sorted(set(facts.roles)),
        cadence_months=facts.cadence_months,
        active=facts.active,
        created_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="safety.course.create",
        detail={"course": course.pk, "roles": course.roles, "cadence": course.cadence_months},
    )
    return course


@transaction.atomic
def course_update(*, actor: str, course: Course, facts: CourseFacts) -> Course:
    """A change of a course; `active=False` retires it (its completions stay on record)."""
    _course_check(facts)
    course = Course.objects.select_for_update().get(pk=course.pk)
    course.title, course.material = facts.title.strip(), facts.material.strip()
    course.material_url, course.roles = facts.material_url.strip(), sorted(set(facts.roles))
    course.cadence_months, course.active = facts.cadence_months, facts.active
    course.save()
    audit_record(
        actor=actor,
        action="safety.course.update",
        detail={"course": course.pk, "roles": course.roles, "active": course.active},
    )
    return course


@transaction.atomic
def completion_record(
    *, actor: str, course: Course, user: User, completed_on: date, acknowledged: bool
) -> Completion:
    """The staff member took the course on that day and acknowledges it. A day in the future
    is refused; so is a record without the acknowledgment (it is what the inspection asks)."""
    if not acknowledged:
        raise InvalidInput("the staff member's acknowledgment that they took the course is missing")
    if completed_on > timezone.localdate(timezone.now(), JST):
        raise InvalidInput("a completion cannot be in the future")
    if not user.is_staff:
        raise InvalidInput("only staff members take the courses")
    completion = Completion.objects.create(
        course=course,
        user=user,
        completed_on=completed_on,
        acknowledged=True,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="safety.completion.record",
        detail={
            "completion": completion.pk,
            "course": course.pk,
            "user": f"user:{user.pk}",
            "completed_on": completed_on.isoformat(),
        },
    )
    return completion
