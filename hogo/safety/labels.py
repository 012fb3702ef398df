"""Words for the safety app's codes, in Japanese and English through gettext (the catalogue
is hogo/safety/locale/ja/LC_MESSAGES/django.po), and the reminder mail."""

from datetime import datetime

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from hogo.policy.wording import date_shown, moment_shown
from hogo.safety.classify import Basis
from hogo.safety.models import (
    Incident,
    IncidentStatus,
    ReminderKind,
    ReportStage,
    StepKind,
    Trigger,
    TriggerState,
)
from hogo.safety.selectors import Overdue

TRIGGERS: dict[str, Promise] = {
    Trigger.SPECIAL_CARE: gettext_lazy("Special-care information is involved (Rule 7(i))"),
    Trigger.PROPERTY_DAMAGE: gettext_lazy(
        "Data whose misuse may cause financial damage (Rule 7(ii))"
    ),
    Trigger.UNJUST_PURPOSE: gettext_lazy("Possibly caused with an unjust purpose (Rule 7(iii))"),
    Trigger.OVER_1000: gettext_lazy("More than 1,000 people (Rule 7(iv))"),
}
STATES: dict[str, Promise] = {
    TriggerState.YES: gettext_lazy("applies"),
    TriggerState.POSSIBLE: gettext_lazy("may apply"),
    TriggerState.NO: gettext_lazy("does not apply"),
}
BASES: dict[str, Promise] = {
    Basis.STATED_YES: gettext_lazy("stated in the report"),
    Basis.STATED_UNKNOWN: gettext_lazy("not known yet, so it counts as possible"),
    Basis.STATED_NO: gettext_lazy("ruled out in the report"),
    Basis.SPECIAL_CARE_CATEGORY: gettext_lazy(
        "the policy marks a category involved as special-care information"
    ),
    Basis.COUNT_OVER: gettext_lazy("the estimated number of people is over 1,000"),
    Basis.COUNT_UNKNOWN: gettext_lazy("the number of people is not known yet"),
    Basis.COUNT_WITHIN: gettext_lazy("the estimated number of people is 1,000 or fewer"),
}
STAGES: dict[str, Promise] = {
    ReportStage.PRELIMINARY: gettext_lazy("preliminary report"),
    ReportStage.FINAL: gettext_lazy("final report"),
}
STATUSES: dict[str, Promise] = {
    IncidentStatus.REPORTED: pgettext_lazy("incident", "waiting for triage"),
    IncidentStatus.TRIAGED: pgettext_lazy("incident", "triaged"),
    IncidentStatus.CLOSED: pgettext_lazy("incident", "closed"),
}
STEPS: dict[str, Promise] = {
    StepKind.REPORTED: gettext_lazy("reported"),
    StepKind.CLASSIFIED: gettext_lazy("classified against Rule 7"),
    StepKind.OVERRIDDEN: gettext_lazy("reportability decided by the officer"),
    StepKind.FILED: gettext_lazy("report filed with the PPC"),
    StepKind.REMINDED: gettext_lazy("deadline reminder mailed"),
    StepKind.NOTIFYING: gettext_lazy("notices to the people affected queued"),
    StepKind.NOTIFIED: gettext_lazy("notices to the people affected all handed to the outbox"),
    StepKind.ANNOUNCED: gettext_lazy("public announcement published"),
    StepKind.CLOSED: gettext_lazy("closed"),
}


def local_time(value: datetime) -> str:
    """A moment in the site's zone (Japan's) with the zone named, in the active language."""
    return moment_shown(value)


def _reminder_text(incident: Incident, stage: ReportStage, kind: ReminderKind) -> tuple[str, str]:
    due = incident.due(stage)
    values = {"ref": incident.ref, "stage": STAGES[stage], "due": local_time(due)}
    if kind == ReminderKind.PASSED:
        subject = gettext("Incident %(ref)s: the %(stage)s is overdue") % values
        body = (
            gettext(
                "The %(stage)s to the Personal Information Protection Commission for incident "
                "%(ref)s was due by %(due)s and has not been recorded as filed. File it now and "
                "record the filing in the console."
            )
            % values
        )
    else:
        subject = gettext("Incident %(ref)s: the %(stage)s is due by %(due)s") % values
        body = (
            gettext(
                "The %(stage)s to the Personal Information Protection Commission for incident "
                "%(ref)s is due by %(due)s. Once filed, record the filing in the console."
            )
            % values
        )
    return subject, body


def reminder_mail(incident: Incident, stage: ReportStage, kind: ReminderKind) -> tuple[str, str]:
    """Subject and body in Japanese, then English: staff mail names the incident's id and its
    deadline, never what happened or to whom."""
    parts = []
    for language in ("ja", "en"):
        with translation.override(language):
            parts.append(_reminder_text(incident, stage, kind))
    subject = " / ".join(subject for subject, _ in parts)
    body = "\n\n".join(body for _, body in parts) + "\n"
    return subject, body


def _training_text(overdue: Overdue) -> tuple[str, str]:
    values = {"title": overdue.course.title, "due": date_shown(overdue.due_on)}
    subject = gettext("Training due: %(title)s") % values
    if overdue.last_completed is None:
        body = gettext(
            "You have not yet taken the course %(title)s of the personal information "
            "training. Take it and record it in the console (My trainings)."
        )
    else:
        body = gettext(
            "The course %(title)s of the personal information training was due again on "
            "%(due)s. Take it and record it in the console (My trainings)."
        )
    return subject, body % values


def training_reminder_mail(overdue: Overdue) -> tuple[str, str]:
    """Subject and body in Japanese, then English."""
    parts = []
    for language in ("ja", "en"):
        with translation.override(language):
            parts.append(_training_text(overdue))
    subject = " / ".join(subject for subject, _ in parts)
    body = "\n\n".join(body for _, body in parts) + "\n"
    return subject, body


ROLES: dict[str, Promise] = {
    "privacy_officer": gettext_lazy("Privacy officers"),
    "desk_operator": gettext_lazy("Desk operators"),
    "marketing_user": gettext_lazy("Marketing users"),
    "auditor": gettext_lazy("Auditors"),
}
