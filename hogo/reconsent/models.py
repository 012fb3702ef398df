"""Re-consent requests: one row per person and campaign (a policy version's consent-needing
change to one purpose), written when the request is queued and kept as its outbox and its
answer. No address or value is stored: the address is read from the vault when the mail goes
out, so the row holds nothing but pseudonymous ids, times and states."""

from django.db import models

from hogo.refs import ref_new
from hogo.vault.models import Subject


def request_ref_new() -> str:
    return ref_new("rcq")


class RequestStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    NO_EMAIL = "no_email", "No e-mail address usable"


class Answer(models.TextChoices):
    NONE = "", "Not answered"
    AGREED = "agreed", "Agreed"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Agreed, then withdrew"


class ConsentRequest(models.Model):
    ref = models.CharField(max_length=32, unique=True, default=request_ref_new, editable=False)
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    policy_version = models.PositiveIntegerField(help_text="The version that made the change.")
    purpose = models.CharField(max_length=80)
    lang = models.CharField(max_length=8)
    origin = models.URLField(max_length=200, help_text="scheme://host of the consent page link.")
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.QUEUED
    )
    queued_at = models.DateTimeField()
    queued_by = models.CharField(max_length=80, help_text="Audit actor.")
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(
        max_length=16, choices=Answer.choices, default=Answer.NONE, blank=True
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    consent_ref = models.CharField(max_length=32, blank=True)

    class Meta:
        constraints = (
            # Queuing a campaign again never asks anyone twice.
            models.UniqueConstraint(
                fields=["policy_version", "purpose", "subject"], name="reconsent_request_once"
            ),
        )
        indexes = (models.Index(fields=["status", "next_attempt_at"]),)

    def __str__(self) -> str:
        return self.ref
