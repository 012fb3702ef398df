"""Console pages for third-party provision: the register, agreements with their supervision
and review dates, provisions and their records, Art. 31 confirmations.

Pages are read-only: every change goes through the services (API `/api/v1/share`), which check
the policy and audit it. The officer may retire recipients from here; the officer and auditors
export selected records as CSV or xlsx for an inspection (audited).
"""

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from hogo.audit.services import actor_for
from hogo.errors import HogoError
from hogo.share.export import records_export
from hogo.share.models import (
    Agreement,
    JointUse,
    Provision,
    ProvisionRecord,
    Recipient,
    ReferableConfirmation,
    Succession,
    Supervision,
)
from hogo.share.permissions import can_manage, can_read
from hogo.share.selection_models import ContractorAssessment
from hogo.share.services import recipient_retire


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Records change only through the services, which audit every change."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_read(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_read(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline[Any, Any]):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can_read(request.user)


class AgreementInline(ReadOnlyInline):
    model = Agreement
    fields = readonly_fields = ("ref", "starts_on", "ends_on", "terminated_on", "review_due")


class SuccessionInline(ReadOnlyInline):
    model = Succession
    fields = readonly_fields = ("ref", "kind", "effective_on", "purposes", "categories")


class JointUseInline(ReadOnlyInline):
    model = JointUse
    fields = readonly_fields = ("ref", "purposes", "categories", "starts_on", "ended_on")


class RetiredFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "retired"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("no", gettext("Current")), ("yes", gettext("Retired"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "no":
            return queryset.filter(retired_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(retired_at__isnull=False)
        return queryset


@admin.register(Recipient)
class RecipientAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "country", "ref", "registered_at", "retired_at")
    list_filter = ("kind", "country", RetiredFilter)
    search_fields = ("=ref", "name")
    readonly_fields = (
        "ref", "kind", "name", "address", "representative", "country", "category",
        "country_system", "recipient_measures", "foreign_basis", "measures_checked_on",
        "registered_at", "registered_by", "retired_at", "retired_by",
    )  # fmt: skip
    inlines = (AgreementInline, SuccessionInline, JointUseInline)
    actions = ("retire",)

    @admin.action(description=_("Retire the selected recipients (nothing more is provided)"))
    def retire(self, request: HttpRequest, queryset: QuerySet[Recipient]) -> None:
        if not can_manage(request.user) or not isinstance(request.user, User):
            self.message_user(request, _("Only the privacy officer retires recipients"), "error")
            return
        for row in queryset:
            recipient_retire(actor=actor_for(request.user), recipient_id=row.ref)
        count = queryset.count()
        retired = ngettext("%(count)d recipient retired", "%(count)d recipients retired", count) % {
            "count": count
        }
        self.message_user(request, retired, messages.SUCCESS)


class SupervisionInline(ReadOnlyInline):
    model = Supervision
    fields = readonly_fields = ("kind", "performed_on", "outcome", "findings", "next_review")
    show_change_link = False


class ReviewFilter(admin.SimpleListFilter):
    title = _("contractor review")
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("due", gettext("Due or overdue"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "due":
            return queryset.filter(review_due__lte=timezone.localdate())
        return queryset


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdmin):
    list_display = ("ref", "recipient", "starts_on", "ends_on", "review_due", "in_force_today")
    list_filter = (ReviewFilter, "subcontracting")
    search_fields = ("=ref", "=recipient__ref", "recipient__name")
    readonly_fields = (
        "ref", "recipient", "signed_on", "starts_on", "ends_on", "terminated_on", "purposes",
        "categories", "security_clauses", "subcontracting", "review_due", "document_ref",
        "recorded_at", "recorded_by",
    )  # fmt: skip
    inlines = (SupervisionInline,)

    @admin.display(boolean=True, description=_("in force"))
    def in_force_today(self, obj: Agreement) -> bool:
        return obj.in_force(timezone.localdate())


@admin.register(ContractorAssessment)
class ContractorAssessmentAdmin(ReadOnlyAdmin):
    """Recorded from the safety console's contractor pages (`contractor_assess`)."""

    list_display = ("recipient", "assessed_on", "suitable", "assessed_by")
    list_filter = ("suitable",)
    search_fields = ("=recipient__ref", "recipient__name")
    readonly_fields = (
        "recipient", "assessed_on", "assessed_by", "recorded_at", "policy_version", "criteria",
        "suitable",
    )  # fmt: skip


@admin.register(Succession)
class SuccessionAdmin(ReadOnlyAdmin):
    list_display = ("ref", "recipient", "kind", "effective_on")
    readonly_fields = (
        "ref", "recipient", "kind", "effective_on", "purposes", "categories", "document_ref",
        "recorded_at", "recorded_by",
    )  # fmt: skip


@admin.register(JointUse)
class JointUseAdmin(ReadOnlyAdmin):
    list_display = ("ref", "recipient", "starts_on", "ended_on", "announced_version")
    readonly_fields = (
        "ref", "recipient", "categories", "purposes", "responsible_name", "responsible_address",
        "responsible_representative", "announced_version", "starts_on", "ended_on",
        "recorded_at", "recorded_by",
    )  # fmt: skip


@admin.register(Provision)
class ProvisionAdmin(ReadOnlyAdmin):
    list_display = (
        "ref", "recipient", "basis", "purpose", "provided_at", "subjects_provided",
        "subjects_refused",
    )  # fmt: skip
    list_filter = ("basis", "purpose")
    search_fields = ("=ref", "=recipient__ref", "=record__ref")
    readonly_fields = (
        "ref", "record", "recipient", "basis", "purpose", "categories", "agreement",
        "succession", "joint_use", "provided_at", "actor", "subjects_provided",
        "subjects_refused", "package_sha256", "exception", "explanation",
    )  # fmt: skip
    show_full_result_count = False


def _export(request: HttpRequest, queryset: QuerySet[ProvisionRecord], fmt: str) -> HttpResponse:
    assert isinstance(request.user, User)  # the console's pages are for staff users only
    name, content_type, content = records_export(
        actor=actor_for(request.user),
        fmt=fmt,
        record_ids=list(queryset.values_list("ref", flat=True)),
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@admin.register(ProvisionRecord)
class ProvisionRecordAdmin(ReadOnlyAdmin):
    list_display = (
        "ref", "recipient", "basis", "purpose", "form", "first_provided_at", "last_provided_at",
        "retain_until",
    )  # fmt: skip
    list_filter = ("form", "basis", "purpose")
    search_fields = ("=ref", "=recipient__ref", "recipient__name")
    readonly_fields = (
        "ref", "recipient", "basis", "purpose", "form", "first_provided_at", "last_provided_at",
        "retain_until",
    )  # fmt: skip
    actions = ("export_csv", "export_xlsx")

    @admin.action(description=_("Export the selected records as CSV (for an inspection)"))
    def export_csv(
        self, request: HttpRequest, queryset: QuerySet[ProvisionRecord]
    ) -> HttpResponse | None:
        return self._export(request, queryset, "csv")

    @admin.action(description=_("Export the selected records as xlsx (for an inspection)"))
    def export_xlsx(
        self, request: HttpRequest, queryset: QuerySet[ProvisionRecord]
    ) -> HttpResponse | None:
        return self._export(request, queryset, "xlsx")

    def _export(
        self, request: HttpRequest, queryset: QuerySet[ProvisionRecord], fmt: str
    ) -> HttpResponse | None:
        try:
            return _export(request, queryset, fmt)
        except HogoError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return None


@admin.register(ReferableConfirmation)
class ReferableConfirmationAdmin(ReadOnlyAdmin):
    list_display = (
        "ref", "recipient", "confirmed_on", "first_provided_on", "last_provided_on",
        "retain_until",
    )  # fmt: skip
    search_fields = ("=ref", "=recipient__ref")
    readonly_fields = (
        "ref", "recipient", "items", "method", "evidence_ref", "foreign_information_confirmed",
        "confirmed_on", "confirmed_by", "form", "first_provided_on", "last_provided_on",
        "retain_until",
    )  # fmt: skip
