from django.contrib import admin
from django.http import HttpRequest

from hogo.throttle.models import Throttle


@admin.register(Throttle)
class ThrottleAdmin(admin.ModelAdmin[Throttle]):
    """Rate-limit and lockout counters; deleting a row lifts its lock early."""

    list_display = ("__str__", "scope", "count", "window_start", "locked_until")
    list_filter = ("scope",)
    readonly_fields = ("scope", "key", "count", "window_start", "locked_until")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Throttle | None = None) -> bool:
        return False
