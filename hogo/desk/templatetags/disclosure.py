"""`{{ iso|local_time }}`, `{{ iso|local_date }}`: the disclosure's (and the status page's) times
as a person reads them, in the language being rendered and the organization's time zone;
`{{ titles|listed }}` joins titles and `{{ text|aside }}` brackets an aside as each language
does."""

import re
from collections.abc import Iterable

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from hogo.desk import package_text

register = template.Library()
LONG_TOKEN = re.compile(r"[^\s<>&]{16,}")
BREAK_AFTER = re.compile(r"([@./_-])")


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


@register.filter
def listed(titles: Iterable[object]) -> SafeString:
    """Titles one after another: 「、」 in Japanese, "; " in English (titles hold commas)."""
    separator = "; " if _lang().startswith("en") else "、"
    return format_html_join(separator, "{}", ((title,) for title in titles))


@register.filter
def titles_listed(rows: Iterable[dict[str, object]]) -> SafeString:
    """The `title` of each row, listed as `listed` does."""
    return listed(row["title"] for row in rows)


@register.filter
def breakable(value: object) -> SafeString:
    """Long unbroken tokens (addresses, URLs) may wrap after @ . / - _ rather than anywhere;
    the stylesheet's `overflow-wrap: anywhere` stays the last resort."""
    escaped = str(conditional_escape(str(value)))
    return mark_safe(LONG_TOKEN.sub(lambda m: BREAK_AFTER.sub(r"\1<wbr>", m.group()), escaped))  # noqa: S308  # escaped above; only <wbr> added


def _nowrap(text: str) -> SafeString:
    return format_html('<span class="nowrap">{}</span>', text)


def _lang() -> str:
    return get_language() or "ja"
