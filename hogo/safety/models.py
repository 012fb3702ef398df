"""The incident register (漏えい等事案, APPI Art. 26): one row per suspected leak, loss or
damage, its Rule 7 classification, the officer's override, the report clocks and a timeline.

Descriptions are what staff write about an incident, not copies of the data involved: raw
data (full IP addresses, samples) belongs in sealed evidence (issue 14, item 5, not built).
"""

from datetime import datetime

from django.db import models

from hogo.refs import ref_new


def incident_ref_new() -> str:
    return ref_new("inc")


class IncidentStatus(models.TextChoices):
    REPORTED = "reported", "Reported, waiting for the officer's triage"
    TRIAGED = "triaged", "Triaged by the privacy officer"
    CLOSED = "closed", "Closed"


class Trigger(models.TextChoices):
    """The four situations of PPC Rule 7 that make a leak reportable."""

    SPECIAL_CARE = "special_care", "Special-care information is involved (Rule 7(i))"
    PROPERTY_DAMAGE = "property_damage", "Misuse may cause financial damage (Rule 7(ii))"
    UNJUST_PURPOSE = "unjust_purpose", "Possibly caused with an unjust purpose (Rule 7(iii))"
    OVER_1000 = "over_1000", "More than 1,000 people (Rule 7(iv))"


class TriggerState(models.TextChoices):
    YES = "yes", "Applies"
    POSSIBLE = "possible", "May apply (おそれ): unknown or not ruled out"
    NO = "no", "Does not apply"


class ReportStage(models.TextChoices):
    PRELIMINARY = "preliminary", "Preliminary report (速報, Rule 8(1))"
    FINAL = "final", "Final report (確報, Rule 8(2))"


class StepKind(models.TextChoices):
    REPORTED = "reported", "Reported"
    CLASSIFIED = "classified", "Classified against Rule 7"
    OVERRIDDEN = "overridden", "Reportability overridden by the officer"
    FILED = "filed", "Report filed with the PPC"
    REMINDED = "reminded", "Deadline reminder mailed"
    NOTIFYING = "notifying", "Notices to the people affected queued"
    NOTIFIED = "notified", "Notices to the people affected all handed to the outbox"
    ANNOUNCED = "announced", "Public announcement published"
    CLOSED = "closed", "Closed"


class Incident(models.Model):
    ref = models.CharField(max_length=32, unique=True, default=incident_ref_new)
    status = models.CharField(
        max_length=12, choices=IncidentStatus.choices, default=IncidentStatus.REPORTED
    )
    # The moment the organization became aware (any department): every clock runs from here.
    discovered_at = models.DateTimeField()
    reported_at = models.DateTimeField()
    reported_by = models.CharField(max_length=64)  # a pseudonymous audit actor
    summary = models.TextField()
    categories = models.JSONField(default=list)
    systems = models.JSONField(default=list)
    # None: not known yet, which counts as "may be more than 1,000".
    people_estimate = models.PositiveIntegerField(null=True, blank=True)
    # None: not known yet, which counts as possible (おそれ).
    special_care = models.BooleanField(null=True)
    property_damage = models.BooleanField(null=True)
    unjust_purpose = models.BooleanField(null=True)
    # [{"trigger", "state", "reason"}] for the four triggers, as last classified.
    classification = models.JSONField(default=list)
    reportable_classified = models.BooleanField(default=False)
    # The officer's decision, when it departs from the classification.
    reportable_override = models.BooleanField(null=True)
    override_reason = models.TextField(blank=True)
    # The Rule 8 items the classification does not give (free text, filled at triage).
    cause = models.TextField(blank=True)
    secondary_harm = models.TextField(blank=True)
    response_to_people = models.TextField(blank=True)
    publication = models.TextField(blank=True)
    prevention = models.TextField(blank=True)
    other = models.TextField(blank=True)
    preliminary_days = models.PositiveSmallIntegerField()
    preliminary_due = models.DateTimeField()
    final_due = models.DateTimeField()
    preliminary_filed_at = models.DateTimeField(null=True, blank=True)
    final_filed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-discovered_at",)
        constraints = (
            models.CheckConstraint(
                name="safety_incident_override_has_reason",
                condition=models.Q(reportable_override__isnull=True)
                | ~models.Q(override_reason=""),
            ),
            models.CheckConstraint(
                name="safety_incident_final_after_preliminary",
                condition=models.Q(final_due__gte=models.F("preliminary_due")),
            ),
        )

    def __str__(self) -> str:
        return self.ref

    @property
    def reportable(self) -> bool:
        if self.reportable_override is not None:
            return self.reportable_override
        return self.reportable_classified

    @property
    def is_open(self) -> bool:
        return self.status != IncidentStatus.CLOSED

    def triggers(self) -> list[str]:
        """The triggers that apply or may apply."""
        return [row["trigger"] for row in self.classification if row["state"] != TriggerState.NO]

    def filed_at(self, stage: str) -> datetime | None:
        return (
            self.preliminary_filed_at if stage == ReportStage.PRELIMINARY else self.final_filed_at
        )

    def due(self, stage: str) -> datetime:
        return self.preliminary_due if stage == ReportStage.PRELIMINARY else self.final_due


class IncidentStep(models.Model):
    """One entry of an incident's timeline: what happened, when, and who did it."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="steps")
    at = models.DateTimeField()
    actor = models.CharField(max_length=64)
    kind = models.CharField(max_length=12, choices=StepKind.choices)
    # Ids, trigger names and dates only: what the step decided, not what staff wrote.
    detail = models.JSONField(default=dict)

    class Meta:
        ordering = ("at", "pk")

    def __str__(self) -> str:
        return f"{self.incident_id} {self.kind}"


class ReminderKind(models.TextChoices):
    BEFORE = "before", "Before the deadline"
    PASSED = "passed", "The deadline passed"


class IncidentReminder(models.Model):
    """A reminder mailed for one deadline: the unique constraint makes each one go once."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=12, choices=ReportStage.choices)
    kind = models.CharField(max_length=8, choices=ReminderKind.choices)
    due = models.DateTimeField()  # the deadline it was about (a later one is reminded again)
    sent_at = models.DateTimeField()
    mail_refs = models.JSONField(default=list)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["incident", "stage", "kind", "due"], name="safety_reminder_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.incident_id} {self.stage} {self.kind}"


class Acknowledgment(models.Model):
    """A staff member's acknowledgment of one policy version and its handling rules (policy
    section 1: "all our members ... thoroughly understand and follow the program")."""

    user = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, related_name="policy_acknowledgments"
    )
    policy_version = models.PositiveIntegerField()
    # SHA-256 of the handling rules acknowledged (both languages), "" when the policy has none.
    rules_digest = models.CharField(max_length=64, blank=True)
    acknowledged_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["user", "policy_version"], name="safety_acknowledgment_once"
            ),
        )

    def __str__(self) -> str:
        return f"user:{self.user_id} v{self.policy_version}"


class Course(models.Model):
    """A training course of the regular education (policy 6.2): who must take it and how often."""

    title = models.CharField(max_length=200)
    # What to study: a text, or the address of the material (either or both).
    material = models.TextField(blank=True)
    material_url = models.URLField(blank=True)
    # The roles (hogo.roles.Role values) whose holders must take the course.
    roles = models.JSONField(default=list)
    cadence_months = models.PositiveSmallIntegerField()  # 12: yearly
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"course:{self.pk}"


class Completion(models.Model):
    """A staff member took a course on a day and acknowledged it (recorded by the officer or
    by themselves)."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions")
    user = models.ForeignKey("auth.User", on_delete=models.PROTECT, related_name="trainings")
    completed_on = models.DateField()
    acknowledged = models.BooleanField()
    recorded_by = models.CharField(max_length=100)  # an audit actor, e.g. "user:3"
    recorded_at = models.DateTimeField()

    class Meta:
        indexes = (models.Index(fields=["course", "user", "completed_on"]),)

    def __str__(self) -> str:
        return f"course:{self.course_id} user:{self.user_id} {self.completed_on}"


class TrainingReminder(models.Model):
    """One reminder mail per staff member, course and due date: each due period once."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="reminders")
    user = models.ForeignKey("auth.User", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    sent_at = models.DateTimeField()
    mail_ref = models.CharField(max_length=40)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["course", "user", "due_on"], name="safety_training_reminder_once"
            ),
        )

    def __str__(self) -> str:
        return f"course:{self.course_id} user:{self.user_id} due {self.due_on}"


# Notices to the people affected and the announcement (issue 14, item 4) live in their own
# module; importing it here is how Django finds them.
from hogo.safety import notice_models  # noqa: E402, F401
from hogo.safety.oversight_models import (  # noqa: E402, F401
    ActionReminder,
    CorrectiveAction,
    EvidenceDisposal,
    IncidentEvidence,
    ItemResult,
    Review,
    ReviewItem,
    ReviewStatus,
    SupervisionReminder,
)
