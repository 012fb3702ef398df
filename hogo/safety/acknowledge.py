"""The acknowledgment page of the console (/console/safety/acknowledge/) and the officer's
export of the records (issue 14, item 7)."""

from django import forms
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hogo.audit.services import actor_for
from hogo.csvfile import csv_bytes
from hogo.errors import HogoError
from hogo.policy.selectors import policy_active
from hogo.roles import Role
from hogo.safety import labels
from hogo.safety.selectors import acknowledgment_pending, acknowledgments_all
from hogo.safety.services import acknowledgment_record
from hogo.staffpages import staff_context, staff_view

ALL_ROLES = tuple(Role)
EXPORT_COLUMNS = ("user", "username", "policy_version", "rules_digest", "acknowledged_at")


class AcknowledgeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    understood = forms.BooleanField(
        label=gettext_lazy(
            "I have read the personal information policy and the handling rules above, "
            "and I will follow them."
        )
    )


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return reverse("admin:index")


def acknowledge(request: HttpRequest) -> HttpResponse:
    """Any staff member, roles or not: the policy binds everyone who handles the data."""
    user = request.user
    assert isinstance(user, User)
    pending = acknowledgment_pending(user=user)
    if pending is None:
        return redirect(_next(request))
    form = AcknowledgeForm(request.POST or None, initial={"version": pending})
    if request.method == "POST" and form.is_valid():
        try:
            acknowledgment_record(
                actor=actor_for(user), user=user, policy_version=form.cleaned_data["version"]
            )
        except HogoError as exc:  # a new version arrived meanwhile: ask for that one
            form.add_error(None, exc.message)
        else:
            return redirect(_next(request))
    policy = policy_active()
    rules = policy.handling_rules
    english = (get_language() or "ja").startswith("en")
    context = {
        **staff_context(request, _("Acknowledge the policy"), handlers=()),
        "form": form,
        "version": pending,
        "rules": (rules.en if english else rules.ja) if rules else "",
        "notice_url": f"/{'en' if english else 'ja'}/privacy/versions/{pending}/",
        "next": _next(request),
    }
    return TemplateResponse(request, "safety/console/acknowledge.html", context)


@staff_view((Role.PRIVACY_OFFICER, Role.AUDITOR))
def acknowledgments_export(request: HttpRequest) -> HttpResponse:
    """Every acknowledgment, for an inspection (CSV)."""
    rows = [
        (
            f"user:{a.user_id}",
            a.user.username,
            a.policy_version,
            a.rules_digest,
            labels.local_time(a.acknowledged_at),
        )
        for a in acknowledgments_all()
    ]
    response = HttpResponse(csv_bytes(EXPORT_COLUMNS, rows), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="acknowledgments.csv"'
    return response
