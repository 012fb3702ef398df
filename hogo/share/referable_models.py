"""Personally referable information (APPI Art. 31): the confirmations kept when such
information is provided to a recipient who will hold it as personal data. In a module of its
own to keep `models.py` readable; `models.py` imports it, which is how Django finds it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hogo.share.models import Recipient, RecordForm, _ref_field, confirmation_ref_new


class ReferableItem(models.TextChoices):
    """Personally referable information (個人関連情報, Art. 31)."""

    COOKIE_ID = "cookie_id", _("Cookie identifiers")
    IP_ADDRESS = "ip_address", _("IP addresses")
    BROWSING_HISTORY = "browsing_history", _("Browsing history")
    DEVICE_ID = "device_id", _("Device or advertising identifiers")
    LOCATION = "location", _("Location information")


class ConfirmationMethod(models.TextChoices):
    RECIPIENT_DECLARATION = "recipient_declaration", _("Written declaration by the recipient")
    CONSENT_RECORDS_SEEN = (
        "consent_records_seen",
        _("We saw the recipient's consent screens/records"),
    )
    CONTRACT_CLAUSE = "contract_clause", _("Clause of our contract with the recipient")


class ReferableConfirmation(models.Model):
    """Art. 31: before providing personally referable information to a recipient expected to
    acquire it as personal data, we confirm that the recipient has the persons' consent (and,
    abroad, that they were given the Art. 28 information). This is the confirmation and its
    record (Rule 28: date or period, recipient, items), kept like provision records."""

    ref = _ref_field(confirmation_ref_new)
    recipient = models.ForeignKey(
        Recipient,
        on_delete=models.PROTECT,
        related_name="referable_confirmations",
        verbose_name=_("recipient"),
    )
    items = models.JSONField(_("items"), help_text=_("ReferableItem ids."))
    method = models.CharField(_("method"), max_length=24, choices=ConfirmationMethod.choices)
    evidence_ref = models.CharField(_("evidence ref"), max_length=200, blank=True)
    foreign_information_confirmed = models.BooleanField(
        _("foreign information confirmed"), default=False
    )
    confirmed_on = models.DateField(_("confirmed on"))
    confirmed_by = models.CharField(_("confirmed by"), max_length=80)
    form = models.CharField(
        _("form"), max_length=16, choices=RecordForm.choices, default=RecordForm.BULK
    )
    first_provided_on = models.DateField(_("first provided on"), null=True, blank=True)
    last_provided_on = models.DateField(_("last provided on"), null=True, blank=True)
    retain_until = models.DateTimeField(_("retain until"), db_index=True)

    class Meta:
        verbose_name = _("referable confirmation")
        verbose_name_plural = _("referable confirmations")

    def __str__(self) -> str:
        return self.ref
