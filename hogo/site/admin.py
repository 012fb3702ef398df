"""The staff page: consent statistics, and the choices under one consent id on request.

Records are listed only for an exact consent id typed into the search box (a visitor quotes it
from the preferences dialog); there is no browsing through visitors, and each lookup is audited.
"""

import re
from datetime import timedelta
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hogo.errors import NotFound
from hogo.site.models import ConsentMethod, CookieConsent
from hogo.site.selectors import (
    consent_lookup_check,
    consent_stats_reader_check,
    cookie_consent_stats,
)
from hogo.site.services import cookie_consent_lookup

CONSENT_ID_RE = re.compile(r"[A-Za-z0-9_-]{22}")


@admin.register(CookieConsent)
class CookieConsentAdmin(admin.ModelAdmin[CookieConsent]):
    change_list_template = "admin/site/cookieconsent/change_list.html"
    list_display = ("recorded_at", "method", "accepted", "rejected", "cookies_version", "gpc")
    search_fields = ("=consent_id",)
    search_help_text = _("Type a visitor's consent id to see every choice recorded under it.")
    readonly_fields = (
        "consent_id", "recorded_at", "method", "accepted", "rejected", "policy_version",
        "cookies_version", "gpc", "network", "origin", "language",
    )  # fmt: skip
    show_full_result_count = False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        now = timezone.now()
        recent = cookie_consent_stats(since=now - timedelta(days=30))
        every = cookie_consent_stats()
        context = {
            **(extra_context or {}),
            "stats_recent": recent,
            "stats_all": every,
            # Each method in words, with its counts over the last 30 days and all time.
            "stats_methods": [
                (ConsentMethod(method).label, recent.by_method.get(method, 0), n)
                for method, n in every.by_method.items()
            ],
            "can_look_up": consent_lookup_check(user=request.user),
        }
        response = super().changelist_view(request, extra_context=context)
        if isinstance(response, TemplateResponse):
            response.context_data = {**(response.context_data or {}), **context}
        return response

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[CookieConsent], search_term: str
    ) -> tuple[QuerySet[CookieConsent], bool]:
        term = search_term.strip()
        if not term:
            return queryset.none(), False
        if not consent_lookup_check(user=request.user):
            self.message_user(
                request,
                _("Looking up a consent id is for the officer, the desk and auditors."),
                messages.ERROR,
            )
            return queryset.none(), False
        if not CONSENT_ID_RE.fullmatch(term):
            self.message_user(
                request, _("A consent id is 22 letters, digits, - or _."), messages.ERROR
            )
            return queryset.none(), False
        try:
            cookie_consent_lookup(user=request.user, consent_id=term)  # type: ignore[arg-type]
        except NotFound:
            self.message_user(
                request, _("No cookie choice was recorded under this consent id."), messages.WARNING
            )
            return queryset.none(), False
        return queryset.filter(consent_id=term), False

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_read(request)

    def has_view_permission(self, request: HttpRequest, obj: CookieConsent | None = None) -> bool:
        if obj is not None:
            return consent_lookup_check(user=request.user)
        return self._may_read(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: CookieConsent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: CookieConsent | None = None) -> bool:
        return False

    def _may_read(self, request: HttpRequest) -> bool:
        user = request.user
        return consent_stats_reader_check(user=user) or consent_lookup_check(user=user)
