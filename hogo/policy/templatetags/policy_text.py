"""`{{ text|localized }}`: a policy Text in the language of the current request."""

from django import template
from django.utils.translation import get_language

from hogo.policy.labels import DELIVERY
from hogo.policy.schema import Text
from hogo.policy.wording import LIST_SEPARATOR, parenthesized, retention_period

register = template.Library()


@register.filter
def localized(text: Text | None) -> str:
    if text is None:
        return ""
    return text.get(get_language() or "ja")


@register.filter
def yen(amount: int) -> str:
    """A fee as people read it: 無料 / free, or 1,000円 / JPY 1,000."""
    english = (get_language() or "ja").startswith("en")
    if amount == 0:
        return "free" if english else "無料"
    return f"JPY {amount:,}" if english else f"{amount:,}円"


@register.filter
def fill(text: str, value: object) -> str:
    """Put `value` where a label says {n}."""
    return text.replace("{n}", str(value))


@register.filter
def delivery(method: str) -> str:
    label = DELIVERY.get(method)
    return localized(label) if label else method


@register.filter
def period(days: int) -> str:
    """A retention period in days as people read it: 3年 / 3 years (hogo.policy.wording)."""
    return retention_period(days, get_language() or "ja")


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


@register.simple_tag
def list_separator() -> str:
    """Between the items of a list written out in a loop: 「、」 in Japanese, ", " in English."""
    return LIST_SEPARATOR[_lang()]


@register.simple_tag
def colon() -> str:
    """After a lead-in: 「：」 in Japanese, ": " in English."""
    return "：" if _lang() == "ja" else ": "


@register.filter
def parens(text: str) -> str:
    """An aside after a word: 「（現行版）」 in Japanese, " (current)" in English."""
    return parenthesized(text, _lang())
