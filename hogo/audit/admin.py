from django.contrib import admin
from django.http import HttpRequest

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_reader_check


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only for everyone, superusers included: the log changes only by audit_record."""

    list_display = ("seq", "at", "actor", "action", "purpose")
    list_filter = ("action",)
    search_fields = ("=actor", "=action", "=purpose")
    readonly_fields = (
        "seq", "at", "actor", "action", "purpose", "subjects", "detail", "prev_hash", "hash",
    )  # fmt: skip
    show_full_result_count = False

    def has_module_permission(self, request: HttpRequest) -> bool:
        return audit_reader_check(user=request.user)

    def has_view_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return audit_reader_check(user=request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
