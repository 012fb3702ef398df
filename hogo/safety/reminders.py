"""Part of `hogo safety tick` (tick.py): mails the privacy officer before each report deadline
and when one passes, once each. A reminder row (unique per incident, stage, kind and deadline)
is written in the transaction that queues the mail in the desk's outbox, so a crash leaves
either both or neither, and a second tick finds the row and sends nothing."""

import logging
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from hogo.desk.services import staff_mail_queue
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.roles import Role
from hogo.safety import labels
from hogo.safety.models import (
    Incident,
    IncidentReminder,
    IncidentStatus,
    IncidentStep,
    ReminderKind,
    ReportStage,
    StepKind,
    TrainingReminder,
)
from hogo.safety.selectors import Overdue, trainings_overdue

logger = logging.getLogger(__name__)
ACTOR = "system:safety"
# The preliminary clock is days long, the final one weeks: warn in proportion.
REMIND_BEFORE = {ReportStage.PRELIMINARY: timedelta(days=1), ReportStage.FINAL: timedelta(days=5)}


def training_reminders_send(*, now: datetime) -> int:
    """Mails each overdue staff member once per course and due day (policy 6.2): a new due
    day (after the next completion's period ran out) reminds again."""
    sent = 0
    for overdue in trainings_overdue(now=now):
        if not overdue.user.email:
            logger.warning("user:%s has no address for a training reminder", overdue.user.pk)
            continue
        try:
            sent += _remind_training(overdue, now)
        except IntegrityError:
            continue  # another tick sent it meanwhile
    return sent


@transaction.atomic
def _remind_training(overdue: Overdue, now: datetime) -> int:
    course, user = overdue.course, overdue.user
    if TrainingReminder.objects.filter(course=course, user=user, due_on=overdue.due_on).exists():
        return 0
    subject, body = labels.training_reminder_mail(overdue)
    ref = staff_mail_queue(actor=ACTOR, to=user.email, subject=subject, body=body)
    TrainingReminder.objects.create(
        course=course, user=user, due_on=overdue.due_on, sent_at=now, mail_ref=ref
    )
    return 1


def _reportable_open() -> QuerySet[Incident]:
    return Incident.objects.exclude(status=IncidentStatus.CLOSED).filter(
        Q(reportable_override=True)
        | Q(reportable_override__isnull=True, reportable_classified=True)
    )


def reminders_due(incident: Incident, now: datetime) -> list[tuple[ReportStage, ReminderKind]]:
    """The reminders this incident is due now: a deadline passed, or near. Only the latest
    applies: once a deadline passed, a warning before it is no news."""
    due: list[tuple[ReportStage, ReminderKind]] = []
    for stage in ReportStage:
        deadline = incident.due(stage)
        if incident.filed_at(stage) is not None:
            continue
        if now > deadline:
            due.append((stage, ReminderKind.PASSED))
        elif now >= deadline - REMIND_BEFORE[stage]:
            due.append((stage, ReminderKind.BEFORE))
    return due


def incident_reminders_send(*, now: datetime) -> int:
    sent = 0
    for incident in _reportable_open().order_by("preliminary_due"):
        for stage, kind in reminders_due(incident, now):
            try:
                sent += _remind(incident.pk, stage, kind, now)
            except IntegrityError:
                continue  # another tick sent it meanwhile
    return sent


@transaction.atomic
def _remind(pk: int, stage: ReportStage, kind: ReminderKind, now: datetime) -> int:
    incident = Incident.objects.select_for_update().get(pk=pk)
    deadline = incident.due(stage)
    if IncidentReminder.objects.filter(
        incident=incident, stage=stage, kind=kind, due=deadline
    ).exists():
        return 0
    addresses = officer_addresses()
    if not addresses:
        # Nobody to tell yet: recorded as sent, it would be lost; the next tick tries again.
        logger.warning("incident %s: no officer address for a reminder", incident.ref)
        return 0
    subject, body = labels.reminder_mail(incident, stage, kind)
    refs = [
        staff_mail_queue(actor=ACTOR, to=address, subject=subject, body=body)
        for address in addresses
    ]
    IncidentReminder.objects.create(
        incident=incident, stage=stage, kind=kind, due=deadline, sent_at=now, mail_refs=refs
    )
    IncidentStep.objects.create(
        incident=incident,
        at=now,
        actor=ACTOR,
        kind=StepKind.REMINDED,
        detail={"stage": stage.value, "reminder": kind.value, "mails": len(refs)},
    )
    return 1


def officer_addresses() -> list[str]:
    """Every active privacy officer with an address; else the organization's privacy contact
    from the policy, so that a reminder always goes somewhere."""
    officers = (
        User.objects.filter(is_active=True, is_staff=True, groups__name=Role.PRIVACY_OFFICER)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    found = sorted(set(officers))
    if found:
        return found
    try:
        return [policy_active().organization.contact.email]
    except PolicyNotLoaded:
        return []
