from datetime import datetime

from django.db import models


class LoginThrottle(models.Model):
    """Failed staff logins counted per key: a username, or the client's truncated network.

    The key is an HMAC of the value under the secret key, so the table holds neither usernames
    nor addresses. A row lives until a successful login (username) or until its window and lock
    have passed; meanwhile an officer can see it, and delete it to lift a lock, in the admin.
    """

    class Scope(models.TextChoices):
        USERNAME = "username", "Username"
        NETWORK = "network", "Client network"

    scope = models.CharField(max_length=16, choices=Scope.choices)
    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "login throttle"

    def __str__(self) -> str:
        return f"{self.get_scope_display()} {self.key[:12]}…"

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now
