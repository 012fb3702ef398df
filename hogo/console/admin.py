from django.contrib import admin
from django.http import HttpRequest

from hogo.console.forms import ThrottledAdminAuthenticationForm
from hogo.console.models import LoginThrottle

admin.site.login_form = ThrottledAdminAuthenticationForm
admin.site.site_header = "hogo"
admin.site.site_title = "hogo console"


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin[LoginThrottle]):
    """Failed-login counters; deleting a row lifts its lock early."""

    list_display = ("__str__", "scope", "failures", "window_start", "locked_until")
    list_filter = ("scope",)
    readonly_fields = ("scope", "key", "failures", "window_start", "locked_until")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: LoginThrottle | None = None) -> bool:
        return False
