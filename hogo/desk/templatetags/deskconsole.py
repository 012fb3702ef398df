"""Filters of the desk's console pages: moments and days as staff read them, in the site's zone
with the zone named (hogo.policy.wording), in the page's language."""

from datetime import date, datetime

from django import template

from hogo.policy.wording import date_shown, moment_shown

register = template.Library()


@register.filter
def moment(value: datetime | None) -> str:
    """2026年4月1日 10:00（JST） / April 1, 2026, 10:00 JST; empty for none."""
    return moment_shown(value) if isinstance(value, datetime) else ""


@register.filter
def day(value: date | datetime | None) -> str:
    """2026年4月1日 / April 1, 2026; empty for none."""
    return date_shown(value) if isinstance(value, date) else ""
