"""The desk's entry in the console's index: it opens the desk pages (/console/desk/)."""

from django.contrib import admin
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect

from hogo.desk.models import Case
from hogo.desk.roles import VIEWERS
from hogo.roles import has_role


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return isinstance(request.user, User) and has_role(request.user, *VIEWERS)

    def has_view_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Case | None = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, object] | None = None
    ) -> HttpResponse:
        return redirect("desk_console:queue")

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, object] | None = None,
    ) -> HttpResponseRedirect:
        ref = Case.objects.filter(pk=object_id).values_list("ref", flat=True).first() or ""
        return redirect("desk_console:detail", ref=ref) if ref else redirect("desk_console:queue")
