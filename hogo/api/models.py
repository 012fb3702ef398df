import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_prefix(token: str) -> str:
    """The characters after `hogo_` that name a token in lists, the audit log and `revoke`."""
    return token[5:13]


class ApiToken(models.Model):
    """A bearer token for a staff user. Only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(
        _("prefix"), max_length=8, help_text=_("First characters, to tell tokens apart.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def generate() -> str:
        # Hex, not URL-safe base64: a prefix starting with "-" would read as an option to
        # `hogo token revoke PREFIX`.
        return "hogo_" + secrets.token_hex(32)
