"""The ledger in the staff console: the page (/console/ledger/) and its workbook
(/console/ledger/ledger.xlsx), for the privacy officer and auditors. Counts only: nothing
personal is shown or exported, so neither is audited."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hogo.ledger.forms import FilterForm
from hogo.ledger.selectors import ledger_register
from hogo.ledger.workbook import CONTENT_TYPE, ledger_xlsx
from hogo.policy.schema import Policy
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.policy.wording import moment_shown
from hogo.roles import Role
from hogo.staffpages import staff_context, staff_view

VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def _policy() -> Policy | None:
    try:
        return policy_active()
    except PolicyNotLoaded:
        return None


@staff_view(VIEWERS)
def ledger(request: HttpRequest) -> HttpResponse:
    policy = _policy()
    title = _("Personal information ledger")
    if policy is None:
        context = staff_context(request, title, handlers=VIEWERS, no_policy=True)
        return TemplateResponse(request, "ledger/ledger.html", context)
    lang = _lang()
    form = FilterForm(request.GET or None, policy=policy, lang=lang)
    valid = form.is_valid() if request.GET else True
    register = ledger_register(policy=policy, lang=lang, filters=form.filters())
    context = staff_context(
        request,
        title,
        handlers=VIEWERS,
        form=form,
        register=register,
        generated=moment_shown(register.generated_at),
        query=request.GET.urlencode() if valid else "",
    )
    return TemplateResponse(request, "ledger/ledger.html", context, status=200 if valid else 400)


@staff_view(VIEWERS)
def ledger_download(request: HttpRequest) -> HttpResponse:
    policy = _policy()
    if policy is None:
        return HttpResponse(_("No policy is loaded yet."), status=409, content_type="text/plain")
    lang = _lang()
    form = FilterForm(request.GET or None, policy=policy, lang=lang)
    if request.GET and not form.is_valid():
        return HttpResponse(
            _("Unknown filter: choose a purpose, item and channel of the active policy."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    register = ledger_register(policy=policy, lang=lang, filters=form.filters())
    response = HttpResponse(ledger_xlsx(register), content_type=CONTENT_TYPE)
    day = timezone.localdate(register.generated_at).isoformat()
    response["Content-Disposition"] = f'attachment; filename="ledger-{day}-{lang}.xlsx"'
    return response
