"""`{{ text|localized }}`: a policy Text in the language of the current request; and the filters
that write numbers, periods, fees and punctuation per language (hogo.policy.wording)."""

from django import template
from django.utils.translation import get_language

from hogo.policy import wording
from hogo.policy.schema import Text

register = template.Library()


@register.filter
def localized(text: Text | None) -> str:
    if text is None:
        return ""
    return text.get(get_language() or "ja")


@register.filter
def yen(amount: int) -> str:
    """A fee as people read it: 無料 / free, or 1,000円 / JPY 1,000."""
    return wording.fee(amount)


@register.filter
def fill(text: str, value: object) -> str:
    """Put `value` where a label says {n} (for the label dictionaries of the apps not yet
    converted to Django's i18n; translated templates use {% blocktranslate %})."""
    return text.replace("{n}", str(value))


@register.filter
def delivery(method: str) -> str:
    return wording.delivery_method(method)


@register.filter
def period(days: int) -> str:
    """A retention period in days as people read it: 3年 / 3 years (hogo.policy.wording)."""
    return wording.retention_period(days)


@register.filter
def retention(days: int) -> str:
    """取得から3年（経過後は速やかに消去します） / 3 years from acquisition (...)."""
    return wording.retention_text(days)


@register.filter
def deadline(days: int) -> str:
    """When a request is answered, the one rule (hogo.policy.wording.request_deadline)."""
    return wording.request_deadline(days)


@register.filter
def day(moment: object) -> str:
    """A day as people read it: 2026年4月1日 / April 1, 2026."""
    return wording.date_shown(moment)  # type: ignore[arg-type]


@register.simple_tag
def list_separator() -> str:
    """Between the items of a list written out in a loop: 「、」 in Japanese, ", " in English."""
    return wording.list_join(["", ""])


@register.simple_tag
def colon() -> str:
    """After a lead-in: 「：」 in Japanese, ": " in English."""
    return wording.colon()


@register.filter
def parens(text: str) -> str:
    """An aside after a word: 「（現行版）」 in Japanese, " (current)" in English."""
    return wording.parenthesized(text)
