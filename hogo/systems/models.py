"""hogo's own record of the organization's other systems: the scans run on them.

A scan keeps what the detector found per undeclared column (the label, the kind and in how
many sampled values), never a value: the findings are safe to show and keep."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SystemScan(models.Model):
    """One run of `hogo systems scan` (or the console's button) on one system."""

    system = models.CharField(_("system"), max_length=64)
    ran_at = models.DateTimeField(_("ran at"))
    ran_by = models.CharField(_("ran by"), max_length=64, help_text="A pseudonymous actor.")
    sample = models.PositiveIntegerField(_("values sampled per column"))
    # [{"table", "column", "found", "kind", "values", "sampled"}], special-care first.
    findings = models.JSONField(default=list, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("system scan")
        verbose_name_plural = _("system scans")
        indexes = (models.Index(fields=["system", "-ran_at"], name="systems_scan_latest"),)

    def __str__(self) -> str:
        return f"{self.system} {self.ran_at:%Y-%m-%d %H:%M}"

    @property
    def special_care(self) -> int:
        """Undeclared columns holding special-care information: a finding for the officer."""
        return sum(1 for f in self.findings if f.get("kind") == "special-care")


class ReachOutcome(models.TextChoices):
    """What a probe of a system found, as the console says it."""

    CONNECTED = "connected", _("connected")
    HANDSHAKE = "handshake", _("TLS handshake completed")
    REFUSED = "refused", _("connection refused")
    NO_ANSWER = "no_answer", _("no answer in time")
    UNKNOWN_HOST = "unknown_host", _("host name not found")
    TLS_REFUSED = "tls_refused", _("certificate not trusted")
    TLS_FAILED = "tls_failed", _("TLS handshake failed")
    NOT_ALLOWED = "not_allowed", _("endpoint not allowed")
    FAILED = "failed", _("connection failed")


class SystemReach(models.Model):
    """The latest probe of one system (a SQL connection, or a webhook endpoint's TLS
    handshake): the console shows it for a few minutes instead of probing on every load."""

    system = models.CharField(_("system"), max_length=64, unique=True)
    checked_at = models.DateTimeField(_("checked at"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=ReachOutcome.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)  # scrubbed, no URL

    class Meta:
        verbose_name = _("system reachability")
        verbose_name_plural = _("system reachability")

    def __str__(self) -> str:
        return f"{self.system} {self.outcome}"

    @property
    def reachable(self) -> bool:
        return self.outcome in (ReachOutcome.CONNECTED, ReachOutcome.HANDSHAKE)
