"""`{{ iso|local_time }}`, `{{ iso|local_date }}`: the status page's times as a person reads
them, in the language being rendered and the organization's time zone; `{{ text|aside }}`
brackets an aside as each language does. (The disclosure PDF makes the same strings in
`hogo/desk/disclosure_pdf.py`.)"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from hogo.desk import package_text

register = template.Library()


@register.filter
def local_time(value: str | None) -> SafeString:
    """In a narrow table column a line may break between the date and the time, and between
    English words, but never inside a Japanese date or inside "10:00 JST"."""
    text = package_text.local_time(value, _lang())
    if _lang().startswith("en"):
        day, _, time = text.rpartition(", ")
        return (
            format_html('{}, <span class="nowrap">{}</span>', day, time) if day else _nowrap(text)
        )
    day, _, time = text.partition(" ")
    return format_html('<span class="nowrap">{}</span> <span class="nowrap">{}</span>', day, time)


@register.filter
def local_date(value: str | None) -> SafeString:
    text = package_text.local_date(value, _lang())
    return format_html("{}", text) if _lang().startswith("en") else _nowrap(text)


@register.filter
def aside(value: object) -> SafeString:
    """An aside after a word, escaped unless already safe: 「（…）」 in Japanese, " (…)" in
    English."""
    if _lang().startswith("en"):
        return format_html(" ({})", value)
    return format_html("（{}）", value)


def _nowrap(text: str) -> SafeString:
    return format_html('<span class="nowrap">{}</span>', text)


def _lang() -> str:
    return get_language() or "ja"
