"""The console's one table: staff's TOTP second factors. Staff themselves are Django's users
and groups, and the login lockout counts in the one throttle table (`hogo.throttle`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecondFactor(models.Model):
    """A staff user's TOTP secret: pending until a first code confirms it, then asked at every
    login. Sealed with a key kept outside the database (`totp_key`): a reader of the database
    alone cannot make codes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="second_factor",
        verbose_name=_("staff user"),
    )
    # `totp_key.secret_seal` of the base32 secret, bound to this user.
    sealed = models.BinaryField()
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # The time step of the last code accepted: a code is never accepted twice.
    last_step = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("second factor")
        verbose_name_plural = _("second factors")

    def __str__(self) -> str:
        return f"second factor of user:{self.user_id}"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None
