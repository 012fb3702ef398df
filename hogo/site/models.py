"""Cookie choices of anonymous website visitors: the proof of consent (policy 6.4(b), APPI 31)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hogo.errors import Refused


class ConsentMethod(models.TextChoices):
    ACCEPT_ALL = "accept_all", _("Accepted all")
    REJECT_ALL = "reject_all", _("Rejected all optional")
    CUSTOM = "custom", _("Chose in preferences")


class CookieConsent(models.Model):
    """One choice a visitor made on a website that embeds the consent script.

    A visitor is known only by a random consent id that also sits in their own cookie; each
    change of mind is a new row under the same id, so the history is the proof. Nothing else
    identifying is kept: the network is truncated (IPv4 /24, IPv6 /48) before it gets here.
    """

    consent_id = models.CharField(_("consent id"), max_length=22)
    recorded_at = models.DateTimeField(_("recorded at"))
    method = models.CharField(_("method"), max_length=16, choices=ConsentMethod.choices)
    # Sorted category ids; together they are every category of `cookies_version`.
    accepted = models.JSONField(_("accepted"))
    rejected = models.JSONField(_("rejected"))
    policy_version = models.PositiveIntegerField(
        _("policy version"), help_text=_("The policy version in force.")
    )
    cookies_version = models.PositiveIntegerField(
        _("cookies version"), help_text=_("Its cookie section's version.")
    )
    gpc = models.BooleanField(_("gpc"), help_text=_("The browser sent Global Privacy Control."))
    network = models.GenericIPAddressField(
        _("network"),
        null=True,
        help_text=_("The visitor's network (IPv4 /24, IPv6 /48), never the address."),
    )
    origin = models.CharField(
        _("origin"), max_length=200, help_text=_("The website the choice was made on.")
    )
    language = models.CharField(_("language"), max_length=2)

    class Meta:
        verbose_name = _("cookie consent")
        verbose_name_plural = _("cookie consents")
        ordering = ("recorded_at", "id")
        indexes = (
            models.Index(fields=("consent_id", "recorded_at"), name="site_consent_id_at"),
            # The rate limit counts a network's recent records.
            models.Index(fields=("network", "recorded_at"), name="site_consent_network_at"),
            models.Index(fields=("recorded_at",), name="site_consent_at"),
            # The board's choices per month (hogo/site/counts.py): read from the index alone.
            models.Index(fields=("recorded_at", "method", "gpc"), name="site_consent_board"),
        )

    def __str__(self) -> str:
        return f"cookie consent {self.consent_id} at {self.recorded_at:%Y-%m-%d %H:%M}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise Refused("cookie consent records are append-only: record a new choice instead")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise Refused("cookie consent records are append-only and are never deleted")
