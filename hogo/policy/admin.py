from django.contrib import admin
from django.http import HttpRequest

from hogo.policy.models import PolicyVersion


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin[PolicyVersion]):
    """Read-only: versions are created by `hogo policy load` and never edited."""

    list_display = ("number", "loaded_at", "sha256", "note")
    readonly_fields = ("number", "loaded_at", "sha256", "note", "source")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: PolicyVersion | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: PolicyVersion | None = None) -> bool:
        return False
