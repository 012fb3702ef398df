"""The console's home (/console/): the dashboard by role, and the period reports on demand
(/console/reports/). Read-only: nothing here changes data."""

from functools import lru_cache

from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hogo.board import figures
from hogo.board.labels import month_long
from hogo.board.report import (
    Period,
    period_month,
    period_report_build,
    period_report_pdf,
    period_report_xlsx,
    period_year,
)
from hogo.errors import InvalidInput
from hogo.periods import Month, months_until
from hogo.policy.wording import moment_shown
from hogo.roles import has_role

MONTHS_SHOWN = 12
# The monthly report's choice of month: a list written in the page's language (an
# <input type=month> is drawn in the browser's language, whatever the page's), newest first.
REPORT_MONTHS = 60
FORMATS = {
    "pdf": ("application/pdf", period_report_pdf),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        period_report_xlsx,
    ),
}


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _dashboard(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    now = timezone.now()
    months = months_until(now=now, count=MONTHS_SHOWN)
    roles = figures.roles_of(user)
    names = figures.sections_for(roles)
    sections = figures.sections_build(names=names, months=months, now=now, live=True)
    this_month = months[-1]
    context = {
        **_admin_context(request),
        "title": _("Dashboard"),
        "sections": sections,
        "as_of": moment_shown(now),
        "can_report": bool(roles & set(figures.REPORT_READERS)),
        "report_months": _report_months(this_month, get_language() or ""),
        "default_year": this_month.year,
        "links": _links(roles),
    }
    return TemplateResponse(request, "board/dashboard.html", context)


@lru_cache(maxsize=16)
def _report_months(this_month: Month, language: str) -> list[tuple[str, str]]:
    """The monthly report's choices, newest first: the same all month long, so made once per
    month and language (`language` is part of the cache's key only)."""
    months = months_until(now=this_month.start, count=REPORT_MONTHS)
    return [(m.key, month_long(m)) for m in reversed(months)]


def _admin_context(request: HttpRequest) -> dict[str, object]:
    """The admin site's page frame (header, user links) without its app list: the dashboard
    links to the admin instead, and building that list checks every model's permissions."""
    site = admin.site
    return {
        "site_title": site.site_title,
        "site_header": site.site_header,
        "site_url": site.site_url,
        "has_permission": site.has_permission(request),
        "available_apps": [],
        "is_popup": False,
        "is_nav_sidebar_enabled": False,
    }


def _links(roles: frozenset[str]) -> list[tuple[str, str]]:
    found = [(reverse("admin:index"), _("Administration (records and settings)"))]
    if roles & {figures.OFFICER, figures.DESK, figures.AUDITOR}:
        found.append((reverse("desk_console:queue"), _("Request desk")))
    if roles & {figures.OFFICER, figures.MARKETING}:
        found.append((reverse("reconsent_console:list"), _("Re-consent campaigns")))
    found.append((reverse("safety_console:list"), _("Incidents and safety")))
    found.append((reverse("safety_console:trainings"), _("Trainings")))
    if roles & {figures.OFFICER, figures.AUDITOR}:
        found.append((reverse("ledger:ledger"), _("The ledger (personal information held)")))
        found.append((reverse("safety_console:reviews"), _("Internal reviews")))
        found.append((reverse("safety_console:contractors"), _("Contractors and supervision")))
        found.append((reverse("systems_console:list"), _("Other systems holding personal data")))
    if figures.OFFICER in roles:
        found.append((reverse("console_staff:list"), _("Staff accounts")))
    found.append((reverse("console_staff:second_factor"), _("My second factor")))
    return found


def _report(request: HttpRequest, fmt: str) -> HttpResponse:
    user = _user(request)
    if not has_role(user, *figures.REPORT_READERS):
        raise PermissionDenied
    if fmt not in FORMATS:
        return HttpResponse(_("Unknown report format."), status=404, content_type="text/plain")
    try:
        period = _period(request)
    except InvalidInput as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    report = period_report_build(period=period)
    content_type, render = FORMATS[fmt]
    response = HttpResponse(render(report), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{report.file_stem}.{fmt}"'
    return response


def _period(request: HttpRequest) -> Period:
    month, year = request.GET.get("month", ""), request.GET.get("year", "")
    if bool(month) == bool(year):
        raise InvalidInput(_("Choose either a month or a year."))
    return period_month(month) if month else period_year(year)


dashboard = admin.site.admin_view(never_cache(_dashboard))
report = admin.site.admin_view(never_cache(_report))
