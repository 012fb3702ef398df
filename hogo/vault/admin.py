"""Staff pages for subjects: masked (`t***@e***.jp`), read-only. Revealing values takes the
`vault.reveal_subject` permission and a stated purpose the role may use, and goes through the
purpose-bound access (so it is audited and refused where the person's records do not allow it).
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from hogo.audit.services import actor_for
from hogo.policy.selectors import policy_active
from hogo.roles import Role, has_role
from hogo.vault.access import subject_masks, subjects_access
from hogo.vault.models import Acquisition, Disposal, ExceptionalUse, Item, Subject, Suspension
from hogo.vault.permissions import purpose_allowed

HIDDEN = "●●●●"


class MaskedChangeList(ChangeList):
    """Masks the identifiers of one page of subjects at once (one key lookup per page)."""

    def get_results(self, request: HttpRequest) -> None:
        super().get_results(request)
        page = list(self.result_list)
        masks = subject_masks(subject_pks=[s.pk for s in page])
        for subject in page:
            subject.masks = masks.get(subject.pk, {})  # type: ignore[attr-defined]


class ReadOnlyInline(admin.TabularInline[Any, Subject]):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_view_permission(self, request: HttpRequest, obj: Subject | None = None) -> bool:
        return request.user.has_perm("vault.view_subject")  # the subject's page shows them all

    def has_add_permission(self, request: HttpRequest, obj: Subject | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Subject | None = None) -> bool:
        return False


class AcquisitionInline(ReadOnlyInline):
    model = Acquisition
    fields = readonly_fields = (
        "channel", "acquired_at", "source", "policy_version", "purposes", "notice_sha256",
    )  # fmt: skip


class ItemInline(ReadOnlyInline):
    model = Item
    fields = readonly_fields = ("field", "category", "value", "special_care", "retain_until")

    @admin.display(description=pgettext_lazy("console", "value"))
    def value(self, obj: Item) -> str:
        return HIDDEN


class SuspensionInline(ReadOnlyInline):
    model = Suspension
    fields = readonly_fields = (
        "purpose", "suspended_at", "suspended_by", "request_ref", "lifted_at", "lifted_by",
    )  # fmt: skip


class DisposalInline(ReadOnlyInline):
    model = Disposal
    fields = readonly_fields = ("field", "category", "items", "disposed_at", "reason", "actor")


class RevealForm(forms.Form):
    purpose = forms.ChoiceField(
        label=pgettext_lazy("console", "Purpose"),
        help_text=_("Why you need the values; recorded in the audit log."),
    )

    def __init__(self, *args: Any, purposes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["purpose"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = purposes


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin[Subject]):
    list_display = ("ref", "status", "email", "name", "created_at")
    list_filter = ("status",)
    search_fields = ("=ref",)
    fields = readonly_fields = ("ref", "status", "created_at", "closed_at", "reveal")
    inlines = (AcquisitionInline, ItemInline, SuspensionInline, DisposalInline)
    show_full_result_count = False

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return MaskedChangeList

    @admin.display(description=pgettext_lazy("console", "e-mail"))
    def email(self, obj: Subject) -> str:
        return str(getattr(obj, "masks", {}).get("email", ""))

    @admin.display(description=pgettext_lazy("console", "name"))
    def name(self, obj: Subject) -> str:
        return str(getattr(obj, "masks", {}).get("name", ""))

    @admin.display(description=pgettext_lazy("console", "values"))
    def reveal(self, obj: Subject) -> str:
        url = reverse("admin:vault_subject_reveal", args=[obj.pk])
        return format_html(
            '<a class="button" href="{}">{}</a>', url, gettext("Reveal for a stated purpose…")
        )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("vault.view_subject")

    def has_view_permission(self, request: HttpRequest, obj: Subject | None = None) -> bool:
        return request.user.has_perm("vault.view_subject")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # subjects come from forms, imports and the API, through the services

    def has_change_permission(self, request: HttpRequest, obj: Subject | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Subject | None = None) -> bool:
        return False  # erasure is crypto-shredding through the vault's service, not a delete

    def get_queryset(self, request: HttpRequest) -> QuerySet[Subject]:
        return super().get_queryset(request).order_by("-pk")

    def get_urls(self) -> list[URLPattern]:
        reveal = path(
            "<int:pk>/reveal/",
            self.admin_site.admin_view(never_cache(self.reveal_view)),
            name="vault_subject_reveal",
        )
        return [reveal, *super().get_urls()]

    def reveal_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        user = request.user
        if not (isinstance(user, User) and user.has_perm("vault.reveal_subject")):
            raise PermissionDenied
        subject = get_object_or_404(Subject, pk=pk)
        purposes = [
            (p.id, f"{p.id} — {p.title.get('en')}")
            for p in policy_active().purposes.values()
            if purpose_allowed(user, p.id)
        ]
        form = RevealForm(request.POST or None, purposes=purposes)
        result = None
        if request.method == "POST" and form.is_valid():
            result = subjects_access(
                actor=actor_for(user),
                purpose=form.cleaned_data["purpose"],
                subject_ids=[subject.ref],
                via="console",
            )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reveal %(ref)s") % {"ref": subject.ref},
            "opts": self.model._meta,
            "subject": subject,
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/vault/subject/reveal.html", context)


@admin.register(ExceptionalUse)
class ExceptionalUseAdmin(admin.ModelAdmin[ExceptionalUse]):
    """Uses beyond the purposes under Art. 18(3), for review by the officer and auditors. Made
    only by `subjects_access_excepted`; never changed here."""

    list_display = ("ref", "used_at", "ground", "purpose", "actor")
    list_filter = ("ground", "purpose")
    readonly_fields = (
        "ref", "used_at", "actor", "purpose", "ground", "explanation", "categories", "subjects",
    )  # fmt: skip

    def _reviewer(self, request: HttpRequest) -> bool:
        user = request.user
        return isinstance(user, User) and has_role(user, Role.PRIVACY_OFFICER, Role.AUDITOR)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._reviewer(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self._reviewer(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
