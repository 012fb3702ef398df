"""Console pages for collection: read-only records, and the desk's inquiry answering page.

Answering shows the inquiry and the replies already sent through the vault's purpose-bound
access (the policy's `records.inquiry_cases` purpose, audited) and sends the reply by e-mail through
`inquiry_reply`.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from hogo.audit.services import actor_for
from hogo.collect.inquiries import (
    MAX_BODY,
    MAX_SUBJECT_LINE,
    inquiry_close,
    inquiry_purpose,
    inquiry_replies_read,
    inquiry_reply,
)
from hogo.collect.models import (
    AcquisitionRecord,
    ImportJob,
    ImportRowError,
    InquiryCase,
    InquiryReply,
    Member,
    NoticeText,
    ReceiptRecord,
)
from hogo.errors import HogoError, Refused
from hogo.policy.selectors import PolicyNotLoaded
from hogo.roles import Role, has_role
from hogo.vault.access import subjects_access
from hogo.vault.permissions import purpose_allowed

ANSWERING_ROLES = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Records change only through the services, which audit every change."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AcquisitionRecord)
class AcquisitionRecordAdmin(ReadOnlyAdmin):
    list_display = ("ref", "channel", "source", "received_at", "policy_version", "lang")
    list_filter = ("channel", "source", "policy_version")
    search_fields = ("=ref", "=subject__ref")
    readonly_fields = (
        "ref", "subject", "acquisition", "channel", "source", "lang", "received_at",
        "policy_version", "notice_sha256", "supplementary_notice",
        "supplementary_notice_version", "purposes", "consents", "fields", "special_care",
        "network", "recorded_by",
    )  # fmt: skip


@admin.register(NoticeText)
class NoticeTextAdmin(ReadOnlyAdmin):
    list_display = ("channel", "policy_version", "lang", "sha256", "created_at")
    list_filter = ("channel", "lang")
    search_fields = ("=sha256",)
    readonly_fields = ("channel", "policy_version", "lang", "sha256", "created_at", "text")


@admin.register(Member)
class MemberAdmin(ReadOnlyAdmin):
    list_display = ("ref", "member_number", "status", "created_at", "activated_at")
    list_filter = ("status",)
    search_fields = ("=ref", "=member_number", "=subject__ref")
    fields = readonly_fields = (
        "ref", "subject", "member_number", "status", "created_at", "activated_at",
    )  # fmt: skip


class RowErrorInline(admin.TabularInline[ImportRowError, ImportJob]):
    model = ImportRowError
    fields = readonly_fields = ("row", "reason", "categories")
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: ImportJob | None = None) -> bool:
        return False


@admin.register(ReceiptRecord)
class ReceiptRecordAdmin(ReadOnlyAdmin):
    list_display = ("ref", "provider_name", "received_on", "file_name", "recorded_at")
    search_fields = ("=ref", "provider_name")
    readonly_fields = (
        "ref", "provider_name", "provider_address", "provider_representative",
        "provider_obtained_by", "received_on", "purposes", "file_name", "file_sha256",
        "recorded_at", "recorded_by",
    )  # fmt: skip


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ("pk", "receipt", "status", "rows_done", "imported", "rejected", "started_at")
    list_filter = ("status",)
    readonly_fields = (
        "receipt", "file_sha256", "status", "rows_total", "rows_done", "imported", "rejected",
        "special_care", "message", "started_at", "finished_at",
    )  # fmt: skip
    inlines = (RowErrorInline,)


class ReplyInline(admin.TabularInline[InquiryReply, InquiryCase]):
    model = InquiryReply
    fields = readonly_fields = ("sent_at", "sent_by", "delivery", "body_sha256")
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: InquiryCase | None = None) -> bool:
        return False


class ReplyForm(forms.Form):
    subject_line = forms.CharField(max_length=MAX_SUBJECT_LINE, label=_("Subject line"))
    body = forms.CharField(
        max_length=MAX_BODY, label=_("Message text"), widget=forms.Textarea(attrs={"rows": 14})
    )


def _inquiry_purpose_or_blank() -> str:
    try:
        return inquiry_purpose()
    except (Refused, PolicyNotLoaded):
        return ""


def _may_answer(user: object) -> bool:
    purpose = _inquiry_purpose_or_blank()
    return (
        bool(purpose)
        and isinstance(user, User)
        and has_role(user, *ANSWERING_ROLES)
        and purpose_allowed(user, purpose)
    )


@admin.register(InquiryCase)
class InquiryCaseAdmin(ReadOnlyAdmin):
    list_display = ("ref", "status", "received_at", "answered_at")
    list_filter = ("status",)
    search_fields = ("=ref", "=subject__ref")
    fields = readonly_fields = (
        "ref", "subject", "status", "received_at", "answered_at", "closed_at", "answer",
    )  # fmt: skip
    inlines = (ReplyInline,)

    @admin.display(description=_("answer"))
    def answer(self, obj: InquiryCase) -> str:
        url = reverse("admin:collect_inquirycase_answer", args=[obj.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Read and answer…"))

    def get_urls(self) -> list[URLPattern]:
        answer = path(
            "<int:pk>/answer/",
            self.admin_site.admin_view(never_cache(self.answer_view)),
            name="collect_inquirycase_answer",
        )
        return [answer, *super().get_urls()]

    def answer_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = request.user
        if not _may_answer(user):
            raise PermissionDenied
        assert isinstance(user, User)
        case = get_object_or_404(InquiryCase.objects.select_related("subject"), pk=pk)
        form = ReplyForm(request.POST or None)
        if request.method == "POST" and "close" in request.POST:
            inquiry_close(actor=actor_for(user), case_id=case.ref)
            messages.success(request, gettext("Case %(ref)s closed.") % {"ref": case.ref})
            return HttpResponseRedirect(reverse("admin:collect_inquirycase_changelist"))
        if request.method == "POST" and form.is_valid():
            try:
                inquiry_reply(
                    actor=actor_for(user),
                    case_id=case.ref,
                    subject_line=form.cleaned_data["subject_line"],
                    body=form.cleaned_data["body"],
                )
            except HogoError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, gettext("Reply to %(ref)s sent.") % {"ref": case.ref})
                return HttpResponseRedirect(
                    reverse("admin:collect_inquirycase_change", args=[case.pk])
                )
        # Reading the inquiry and the replies is a use of personal data: purpose-bound and
        # audited.
        purpose = inquiry_purpose()
        result = subjects_access(
            actor=actor_for(user), purpose=purpose, subject_ids=[case.subject.ref], via="console"
        )
        kept = inquiry_replies_read(actor=actor_for(user), case_id=case.ref, via="console")
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Answer %(ref)s") % {"ref": case.ref},
            "opts": self.model._meta,
            "case": case,
            "purpose": purpose,
            "form": form,
            "result": result,
            "replies": kept.replies,
            "replies_refused": kept.refused,
        }
        return TemplateResponse(request, "admin/collect/inquirycase/answer.html", context)
