"""The selection of a contractor (policy 6.3, APPI Art. 25, PPC General Guidelines 3-4-4 (1)):
each criterion of the policy assessed before an outsourcing agreement can be recorded."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractorAssessment(models.Model):
    """One assessment of a contractor against the selection criteria: who, when, each criterion
    (its text as assessed, met or not, a note). The latest one decides whether an agreement
    may be recorded (`services.agreement_record`)."""

    recipient = models.ForeignKey(
        "share.Recipient",
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("recipient"),
    )
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.CharField(_("assessed by"), max_length=80)
    recorded_at = models.DateTimeField(_("recorded at"))
    policy_version = models.PositiveIntegerField(_("policy version"), null=True)
    # [{"ja", "en", "met": bool, "note"}], in the policy's order.
    criteria = models.JSONField(_("criteria"))
    suitable = models.BooleanField(_("suitable"))

    class Meta:
        verbose_name = _("contractor assessment")
        verbose_name_plural = _("contractor assessments")
        ordering = ("-assessed_on", "-pk")

    def __str__(self) -> str:
        return f"assessment {self.pk}"
