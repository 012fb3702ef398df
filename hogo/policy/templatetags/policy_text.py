"""`{{ text|localized }}`: a policy Text in the language of the current request."""

from django import template
from django.utils.translation import get_language

from hogo.policy.labels import DELIVERY
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
