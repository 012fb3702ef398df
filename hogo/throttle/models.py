"""The one table of rate limits and lockouts: public forms (collect), verification codes
(desk) and log-ins (console, and the members' site through it)."""

from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class Throttle(models.Model):
    """Events counted per rule (`scope`) and key, in the database so that every web process and
    machine shares the count. The key is an HMAC of the value (a network, an address's blind
    index, a username) under the server secret, so the table holds no address and no name.

    One row per scope and key holds its current window: a fixed window for a rate limit, a
    window from the first failure for a lockout, which also records the lock. Rows are
    short-lived counters; an officer can delete one in the console to lift a lock early.
    """

    scope = models.CharField(_("scope"), max_length=32)
    key = models.CharField(_("key"), max_length=64)
    window_start = models.DateTimeField(_("window start"), db_index=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)

    class Meta:
        verbose_name = _("throttle")
        verbose_name_plural = _("throttles")
        constraints = (
            models.UniqueConstraint(fields=["scope", "key"], name="throttle_scope_key_unique"),
        )

    def __str__(self) -> str:
        return f"{self.scope} {self.key[:12]}…"

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now
