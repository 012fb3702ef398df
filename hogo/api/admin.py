"""Console page for API tokens: the officer sees who holds which token (by prefix, never the
token) and revokes selected ones after a confirmation page; each revocation is audited."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hogo.api.models import ApiToken
from hogo.api.services import tokens_revoke
from hogo.audit.services import actor_for
from hogo.roles import Role, has_role


def _officer(request: HttpRequest) -> bool:
    user = request.user
    return isinstance(user, User) and has_role(user, Role.PRIVACY_OFFICER)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("prefix", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("=prefix", "=user__username")
    fields = readonly_fields = ("prefix", "user", "created_at", "last_used_at", "revoked_at")
    actions = ("revoke",)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _officer(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _officer(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # `hogo token create`: the token is shown once, on the command line

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a revoked token stays, as the record of who could call the API

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> TemplateResponse | None:
        if not _officer(request) or not isinstance(request.user, User):
            self.message_user(request, _("Only the privacy officer revokes tokens"), messages.ERROR)
            return None
        if request.POST.get("confirmed") == "yes":
            done = tokens_revoke(actor=actor_for(request.user), tokens=list(queryset))
            revoked = ngettext("%(count)d token revoked", "%(count)d tokens revoked", len(done)) % {
                "count": len(done)
            }
            self.message_user(request, revoked, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revoke API tokens?"),
            "opts": self.model._meta,
            "tokens": queryset.select_related("user").order_by("pk"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/api/apitoken/revoke_confirm.html", context)
