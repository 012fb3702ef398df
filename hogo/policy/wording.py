"""How numbers and lists read in each language, shared by every page and mail that shows them.

Retention periods are stored in days (the vault counts days) but read in the unit people use:
a whole number of 365-day years, else a whole number of 30-day months, else days. So 1095 days
reads "3年" / "3 years", 180 days "6か月" / "6 months", 1000 days "1,000日" / "1,000 days". A
year of 365 days ends a day before the calendar anniversary across a 29 February: data is then
erased a day earlier than "3 years" suggests, never later.
"""

from collections.abc import Iterable

YEAR_DAYS = 365
MONTH_DAYS = 30
LIST_SEPARATOR = {"ja": "、", "en": ", "}


def _english(lang: str) -> bool:
    return lang.lower().startswith("en")


def _count(n: int, unit: str) -> str:
    return f"{n:,} {unit}" if n == 1 else f"{n:,} {unit}s"


def retention_period(days: int, lang: str) -> str:
    """`days` as a period: 3年 / 3 years, 6か月 / 6 months, 45日 / 45 days (see the module)."""
    if days <= 0:
        raise ValueError("a retention period is a positive number of days")
    english = _english(lang)
    if days % YEAR_DAYS == 0:
        n = days // YEAR_DAYS
        return _count(n, "year") if english else f"{n}年"
    if days % MONTH_DAYS == 0:
        n = days // MONTH_DAYS
        return _count(n, "month") if english else f"{n}か月"
    return _count(days, "day") if english else f"{days:,}日"


def list_join(items: Iterable[str], lang: str) -> str:
    """Items as a list in running text: 「A、B」 in Japanese, "A, B" in English."""
    return LIST_SEPARATOR["en" if _english(lang) else "ja"].join(items)


def parenthesized(text: str, lang: str) -> str:
    """An aside written after a word: 「（現行版）」 (full width, no space) or " (current)"."""
    return f" ({text})" if _english(lang) else f"（{text}）"
