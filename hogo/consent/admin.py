from django.contrib import admin
from django.http import HttpRequest

from hogo.consent.models import Consent


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin[Consent]):
    """Read-only: consents change only through the services, which audit every change."""

    list_display = ("ref", "subject", "kind", "target", "given_at", "withdrawn_at")
    list_filter = ("kind", "target")
    search_fields = ("=ref", "=subject__ref")
    readonly_fields = tuple(f.name for f in Consent._meta.fields)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Consent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Consent | None = None) -> bool:
        return False
