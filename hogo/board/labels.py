"""Words for the codes the board shows, in Japanese and English (gettext; the catalogue is
hogo/board/locale/ja/LC_MESSAGES/django.po), and how months and durations read."""

from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from hogo.periods import Month

COOKIE_METHODS: dict[str, Promise] = {
    "accept_all": gettext_lazy("Accepted all"),
    "reject_all": gettext_lazy("Rejected all optional cookies"),
    "custom": gettext_lazy("Chose in the settings"),
}
GPC = gettext_lazy("Sent Global Privacy Control (GPC)")
CONSENT_KINDS: dict[str, Promise] = {
    "purpose": pgettext_lazy("consent kind", "Purposes of use"),
    "special_care": pgettext_lazy("consent kind", "Special-care personal information"),
    "recipient": pgettext_lazy("consent kind", "Provision to third parties"),
    "foreign_transfer": pgettext_lazy("consent kind", "Provision to third parties abroad"),
}
BASES: dict[str, Promise] = {
    "consent": pgettext_lazy("basis", "The person's consent"),
    "outsourcing": pgettext_lazy("basis", "Outsourcing"),
    "succession": pgettext_lazy("basis", "Business succession"),
    "joint_use": pgettext_lazy("basis", "Joint use"),
    "opt_out": pgettext_lazy("basis", "Opt-out"),
    "statutory": pgettext_lazy("basis", "Statutory exception"),
}
INCIDENT_STATUSES: dict[str, Promise] = {
    "reported": pgettext_lazy("incident status", "Waiting for triage"),
    "triaged": pgettext_lazy("incident status", "Triaged"),
    "closed": pgettext_lazy("incident status", "Closed"),
}


def _english() -> bool:
    return (translation.get_language() or "ja").startswith("en")


def month_short(month: Month) -> str:
    """Under a bar: 11月 / Nov."""
    return date_format(month.start.date(), "M" if _english() else "n月")


def month_year(month: Month) -> str:
    """The second line under the first bar and January's: 2026年 / 2026."""
    return date_format(month.start.date(), "Y" if _english() else "Y年")


def month_long(month: Month) -> str:
    """A table row: 2026年11月 / November 2026."""
    return date_format(month.start.date(), "F Y" if _english() else "Y年n月")


def days(value: float | None) -> str:
    """A time to answer in days with one decimal: 2.5日 / 2.5 days; — where none."""
    if value is None:
        return "—"
    return gettext("%(days)s days") % {"days": f"{value:.1f}"}


def in_days(value: float | None) -> float:
    return 0.0 if value is None else round(value, 1)
