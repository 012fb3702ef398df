"""Notices to the people affected by an incident (APPI Art. 26(2)) and the public announcement
where notice is impossible. Imported by `models.py` (Django finds an app's models there).

A notice round is the officer's texts (per language) and whom they chose; each person gets one
delivery row per incident (unique), written with the outbox mail in one transaction, so a rerun
or a resumed crash never mails anyone twice and never skips anyone. No address is kept here: it
is read from the vault when the batch is built and lives only in the outbox until delivered.
"""

from django.db import models


class SelectionKind(models.TextChoices):
    CHANNEL = "channel", "Everyone acquired through a channel between two dates"
    IMPORT = "import", "Everyone acquired by an import job"
    IDS = "ids", "A list of subject ids"


class NoticeStatus(models.TextChoices):
    SENDING = "sending", "Being queued in the outbox"
    DONE = "done", "Every notice queued (or counted not reachable)"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Waiting for its batch"
    QUEUED = "queued", "Mail queued in the desk's outbox"
    UNREACHABLE = "unreachable", "Not reachable by mail"


class IncidentNotice(models.Model):
    """One round of notices: whom (the selection, ids and dates only) and what (per language)."""

    incident = models.ForeignKey(
        "safety.Incident", on_delete=models.PROTECT, related_name="notices"
    )
    selection = models.CharField(max_length=8, choices=SelectionKind.choices)
    # {"channel", "since", "until"} | {"import_job"} | {"ids": n}: never a value of a person.
    criteria = models.JSONField(default=dict)
    subject_ja = models.CharField(max_length=200)
    body_ja = models.TextField()
    subject_en = models.CharField(max_length=200)
    body_en = models.TextField()
    status = models.CharField(
        max_length=8, choices=NoticeStatus.choices, default=NoticeStatus.SENDING
    )
    people = models.PositiveIntegerField()  # delivery rows written for this round
    queued_at = models.DateTimeField()
    queued_by = models.CharField(max_length=64)  # a pseudonymous audit actor
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("queued_at", "pk")

    def __str__(self) -> str:
        return f"{self.incident_id} notice {self.pk}"


class NoticeDelivery(models.Model):
    """One person's notice of one incident: pending, queued (with the outbox mail's ref), or not
    reachable (with the vault's reason, or `no_email`)."""

    notice = models.ForeignKey(IncidentNotice, on_delete=models.CASCADE, related_name="deliveries")
    incident = models.ForeignKey("safety.Incident", on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey("vault.Subject", on_delete=models.CASCADE, related_name="+")
    lang = models.CharField(max_length=8)
    state = models.CharField(
        max_length=12, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    reason = models.CharField(max_length=32, blank=True)
    mail_ref = models.CharField(max_length=40, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = (
            # However often a round is queued or resumed, a person is noticed once per incident.
            models.UniqueConstraint(fields=["incident", "subject"], name="safety_notice_once"),
        )
        indexes = (models.Index(fields=["notice", "state"]),)

    def __str__(self) -> str:
        return f"{self.incident_id} {self.subject_id} {self.state}"


class IncidentAnnouncement(models.Model):
    """The public announcement (Art. 26(2) proviso: the alternative measure where notice is
    impossible), at /<lang>/notices/incidents/<ref>/. Written by the officer; no personal data."""

    incident = models.OneToOneField(
        "safety.Incident", on_delete=models.PROTECT, related_name="announcement"
    )
    title_ja = models.CharField(max_length=200)
    body_ja = models.TextField()
    title_en = models.CharField(max_length=200)
    body_en = models.TextField()
    published_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    published_by = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.incident_id} announcement"
