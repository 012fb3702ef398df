"""The safety program's oversight tables: sealed incident evidence (policy 6.4), the internal
review with its checklist and corrective actions (policy 1, 6.1), and the reminders for
overdue corrective actions and contractor supervision (policy 6.3). Imported by `models.py`."""

from django.db import models

from hogo.refs import ref_new


def evidence_ref_new() -> str:
    return ref_new("evd")


def review_ref_new() -> str:
    return ref_new("rev")


class IncidentEvidence(models.Model):
    """Evidence attached to an incident: a file and/or a text (logs with full IP addresses,
    raw data), sealed in the vault as notes of a detached owner (`ref`, `evd_...`) with a key
    of its own. Only metadata is here; disposal destroys the key and deletes the row."""

    incident = models.ForeignKey(
        "safety.Incident", on_delete=models.PROTECT, related_name="evidence"
    )
    ref = models.CharField(max_length=32, unique=True, default=evidence_ref_new)
    # What the evidence is, in the staff member's words (no raw data: that is sealed).
    label = models.CharField(max_length=200)
    file_name = models.CharField(max_length=200, blank=True)
    media_type = models.CharField(max_length=100, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    has_text = models.BooleanField(default=False)
    added_at = models.DateTimeField()
    added_by = models.CharField(max_length=64)

    class Meta:
        ordering = ("added_at", "pk")

    def __str__(self) -> str:
        return self.ref


class EvidenceDisposal(models.Model):
    """The record that a closed incident's evidence was disposed of at the end of its
    retention (the keys destroyed, the rows deleted)."""

    incident = models.OneToOneField(
        "safety.Incident", on_delete=models.PROTECT, related_name="evidence_disposal"
    )
    disposed_at = models.DateTimeField()
    items = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.incident_id} disposed"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class ItemResult(models.TextChoices):
    PENDING = "pending", "Not assessed yet"
    OK = "ok", "In place"
    FINDING = "finding", "Finding"
    NOT_APPLICABLE = "na", "Not applicable"


class Review(models.Model):
    """One internal review of the safety measures: a checklist generated from the active
    policy, the evidence hogo gathered when it was opened, findings and corrective actions."""

    ref = models.CharField(max_length=32, unique=True, default=review_ref_new)
    status = models.CharField(max_length=8, choices=ReviewStatus.choices, default="open")
    policy_version = models.PositiveIntegerField(null=True)
    opened_at = models.DateTimeField()
    opened_by = models.CharField(max_length=64)
    # {"audit": {...}, "requests_overdue": [...], ...}: counts, refs and dates, no names.
    evidence = models.JSONField(default=dict)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.CharField(max_length=64, blank=True)
    conclusion = models.TextField(blank=True)

    class Meta:
        ordering = ("-opened_at", "-pk")
        constraints = (
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="open"),
                name="safety_review_one_open",
            ),
        )

    def __str__(self) -> str:
        return self.ref


class ReviewItem(models.Model):
    """One checklist item: a safety measure or a section of the policy, its text as it stood
    when the review opened, the result and the reviewer's note."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    section = models.CharField(max_length=16)  # the policy's clause, e.g. "6.1"
    key = models.CharField(max_length=40)  # e.g. "safety.technical" (its title: review.py)
    text_ja = models.TextField()
    text_en = models.TextField()
    result = models.CharField(max_length=8, choices=ItemResult.choices, default="pending")
    note = models.TextField(blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ("position",)
        constraints = (
            models.UniqueConstraint(fields=["review", "position"], name="safety_item_position"),
        )

    def __str__(self) -> str:
        return f"{self.review_id} {self.key}"


class CorrectiveAction(models.Model):
    """A corrective action for a finding (policy 6.1): what, who owns it, by when, done."""

    item = models.ForeignKey(ReviewItem, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey("auth.User", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=64)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.CharField(max_length=64, blank=True)
    done_note = models.TextField(blank=True)

    class Meta:
        ordering = ("due_on", "pk")

    def __str__(self) -> str:
        return f"action {self.pk}"

    @property
    def done(self) -> bool:
        return self.done_at is not None


class ActionReminder(models.Model):
    """One reminder mail per corrective action and due day."""

    action = models.ForeignKey(CorrectiveAction, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    sent_at = models.DateTimeField()
    mail_refs = models.JSONField(default=list)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["action", "due_on"], name="safety_action_remind_once"),
        )

    def __str__(self) -> str:
        return f"action {self.action_id} due {self.due_on}"


class SupervisionReminder(models.Model):
    """One reminder mail to the officer per outsourcing agreement (share's ref) and due day."""

    agreement = models.CharField(max_length=32)
    due_on = models.DateField()
    sent_at = models.DateTimeField()
    mail_refs = models.JSONField(default=list)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["agreement", "due_on"], name="safety_supervision_remind_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.agreement} due {self.due_on}"
