"""Consent records: what a person agreed to, under which notice, with what evidence.

A record is never deleted or edited after the fact except to mark it withdrawn; giving consent
again under a newer notice closes the older record (`superseded_by`) so that at most one
record per (subject, kind, target) is active, which the database enforces.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hogo.refs import ref_new
from hogo.vault.models import Subject


def consent_ref_new() -> str:
    return ref_new("con")


class ConsentKind(models.TextChoices):
    PURPOSE = "purpose", _("Purpose of use")  # target: purpose id of the policy
    SPECIAL_CARE = "special_care", _("Special-care information")  # target: category label
    RECIPIENT = "recipient", _("Provision to a recipient")  # target: recipient id or kind
    # target: recipient id; the Art. 28 information (country, system, measures) was shown
    FOREIGN_TRANSFER = "foreign_transfer", _("Provision to a recipient abroad")


class Consent(models.Model):
    ref = models.CharField(
        _("ref"), max_length=32, unique=True, default=consent_ref_new, editable=False
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="consents", verbose_name=_("subject")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConsentKind.choices)
    target = models.CharField(_("target"), max_length=80)
    given_at = models.DateTimeField(_("given at"))
    given_by = models.CharField(
        _("given by"), max_length=80, help_text=_("Audit actor that recorded it.")
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.CharField(_("withdrawn by"), max_length=80, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("superseded by"),
    )
    policy_version = models.PositiveIntegerField(
        _("policy version"), help_text=_("Notice version the person saw.")
    )
    notice_sha256 = models.CharField(_("notice sha256"), max_length=64, blank=True)
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = (
            models.UniqueConstraint(
                fields=["subject", "kind", "target"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_one_active",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawn_by=""),
                name="consent_withdrawn_by_someone",
            ),
        )
        indexes = (
            models.Index(fields=["subject", "given_at"]),
            # The board's consents and withdrawals per month (hogo/consent/counts.py).
            models.Index(fields=["given_at", "kind"], name="consent_given_board"),
            models.Index(fields=["withdrawn_at", "kind"], name="consent_withdrawn_board"),
        )

    def __str__(self) -> str:
        return self.ref

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None
