"""How periods, deadlines, dates and lists read in each language, shared by every page and mail
that shows them (the public pages, the privacy center, the forms and the mails alike).

The wording is English in the code and Japanese in the policy app's catalogue
(`hogo/policy/locale/ja/LC_MESSAGES/django.po`). Each function takes an optional `lang`: given,
the text is in that language (a mail in the person's language); left out, in the language of
the current request.

Retention periods are stored in days (the vault counts days) but read in the unit people use:
a whole number of 365-day years, else a whole number of 30-day months, else days. So 1095 days
reads "3年" / "3 years", 180 days "6か月" / "6 months", 1000 days "1,000日" / "1,000 days". A
year of 365 days ends a day before the calendar anniversary across a 29 February: data is then
erased a day earlier than "3 years" suggests, never later.
"""

from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy

YEAR_DAYS = 365
MONTH_DAYS = 30
LIST_SEPARATOR = {"ja": "、", "en": ", "}


def _in(lang: str | None) -> AbstractContextManager[object]:
    return translation.override(lang) if lang else nullcontext()


def _english(lang: str | None) -> bool:
    return (lang or translation.get_language() or "ja").lower().startswith("en")


def retention_period(days: int, lang: str | None = None) -> str:
    """`days` as a period: 3年 / 3 years, 6か月 / 6 months, 45日 / 45 days (see the module)."""
    if days <= 0:
        raise ValueError("a retention period is a positive number of days")
    with _in(lang):
        if days % YEAR_DAYS == 0:
            n = days // YEAR_DAYS
            return ngettext("%(n)s year", "%(n)s years", n) % {"n": f"{n:,}"}
        if days % MONTH_DAYS == 0:
            n = days // MONTH_DAYS
            return ngettext("%(n)s month", "%(n)s months", n) % {"n": f"{n:,}"}
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": f"{days:,}"}


def retention_text(days: int, lang: str | None = None) -> str:
    """The one wording of how long a purpose keeps data: 取得から3年（経過後は速やかに消去します）
    / 3 years from acquisition (erased promptly afterwards)."""
    with _in(lang):
        return gettext("%(period)s from acquisition (erased promptly afterwards)") % {
            "period": retention_period(days)
        }


def request_deadline(days: int, lang: str | None = None) -> str:
    """The one rule for when a request is answered (the deadline starts once the identity is
    confirmed and, where a fee is due, the fee has arrived: hogo/desk/fees.py)."""
    with _in(lang):
        return gettext(
            "We reply with the result within %(days)s days of confirming your identity "
            "(or of receiving the fee, where one is due), as a rule."
        ) % {"days": days}


def date_shown(moment: date | datetime, lang: str | None = None) -> str:
    """A day as people read it: 2026年4月1日 / April 1, 2026 (a time in the site's zone)."""
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    with _in(lang):
        # Whole month names in English (Django's own DATE_FORMAT abbreviates them: "Dec. 7").
        return date_format(moment, "F j, Y" if _english(lang) else "Y年n月j日")


def moment_shown(moment: datetime, lang: str | None = None) -> str:
    """A moment as people read it, in the site's zone with the zone named:
    2026年4月1日 10:00（JST） / April 1, 2026, 10:00 JST (a naive one is taken as the site's)."""
    aware = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
    local = timezone.localtime(aware)
    day, zone = date_shown(local, lang), local.strftime("%Z")
    if _english(lang):
        return f"{day}, {local:%H:%M} {zone}"
    return f"{day} {local:%H:%M}（{zone}）"


def list_join(items: Iterable[str], lang: str | None = None) -> str:
    """Items as a list in running text: 「A、B」 in Japanese, "A, B" in English."""
    return LIST_SEPARATOR["en" if _english(lang) else "ja"].join(items)


def colon(lang: str | None = None) -> str:
    """After a lead-in: 「：」 in Japanese, ": " in English."""
    with _in(lang):
        return pgettext("after a lead-in", ": ")


def parenthesized(text: str, lang: str | None = None) -> str:
    """An aside written after a word: 「（現行版）」 (full width, no space) or " (current)"."""
    with _in(lang):
        return pgettext("an aside after a word", " (%(aside)s)") % {"aside": text}


DELIVERY_METHODS = {
    "email_attachment": pgettext_lazy("delivery", "electronically, as an e-mail attachment"),
    "download": pgettext_lazy("delivery", "electronically, as a download"),
    "postal_mail": pgettext_lazy("delivery", "on paper, by post"),
    "in_person": pgettext_lazy("delivery", "in person at the desk"),
}


def delivery_method(method: str, lang: str | None = None) -> str:
    """How a disclosure reaches the person: 電磁的記録（メールへの添付） / electronically, ..."""
    label = DELIVERY_METHODS.get(method)
    if label is None:
        return method
    with _in(lang):
        return str(label)


def fee(amount: int, lang: str | None = None) -> str:
    """A fee as people read it: 無料 / free, or 1,000円 / JPY 1,000."""
    with _in(lang):
        if amount == 0:
            return pgettext("fee", "free")
        return gettext("JPY %(amount)s") % {"amount": f"{amount:,}"}
