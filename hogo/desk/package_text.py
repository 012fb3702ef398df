"""How the disclosure package names things for a person: the policy's titles for its ids
(purposes, channels and categories, from the policy version the record was made under), fixed
labels for hogo's own codes (consent kinds, provision bases, disposal reasons), and local
dates and times with the zone.

The JSON keeps the ids and ISO 8601 times beside these titles, so that a program can read it;
the PDF shows only what a person reads.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hogo.consent.selectors import ConsentKind
from hogo.desk.labels import in_language
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_at
from hogo.policy.wording import date_shown, moment_shown
from hogo.share.selectors import Basis, recipient_names
from hogo.vault.selectors import DisposalReason, SubjectStatus

CODE_TITLES: dict[str, Promise] = {
    ConsentKind.PURPOSE: _("Consent to a purpose of use"),
    ConsentKind.SPECIAL_CARE: _("Consent to special-care information"),
    ConsentKind.RECIPIENT: _("Consent to provision to a third party"),
    ConsentKind.FOREIGN_TRANSFER: _("Consent to provision to a recipient abroad"),
    Basis.CONSENT: _("Your consent (Art. 27(1))"),
    Basis.OUTSOURCING: _("Outsourcing (Art. 27(5)(i))"),
    Basis.SUCCESSION: _("Business succession (Art. 27(5)(ii))"),
    Basis.JOINT_USE: _("Joint use (Art. 27(5)(iii))"),
    Basis.OPT_OUT: _("Opt-out (Art. 27(2))"),
    DisposalReason.RETENTION_EXPIRED: _("The retention period ended"),
    DisposalReason.ERASURE_REQUEST: _("You asked us to delete it"),
    DisposalReason.CONSENT_WITHDRAWN: _("You withdrew your consent"),
    DisposalReason.UNLAWFUL_ACQUISITION: _("Obtained or used against the policy"),
    DisposalReason.OFFICER_DECISION: _("Decision of the privacy officer"),
    SubjectStatus.ACTIVE: _("held"),
    SubjectStatus.ERASED: _("erased on request"),
    SubjectStatus.DISPOSED: _("disposed of after retention"),
    "reply": _("Reply from the desk"),
}


class Titles:
    """Titles in one language; a record's ids are looked up in the policy version it was made
    under, falling back to the id itself when that version no longer names it."""

    def __init__(self, *, policy: Policy, lang: str) -> None:
        self.policy = policy
        self.lang = lang
        self._versions: dict[int, Policy] = {}
        self._recipients: dict[str, str] | None = None

    def version(self, number: int | None) -> Policy:
        if not number or number == self.policy.version:
            return self.policy
        if number not in self._versions:
            self._versions[number] = policy_at(version=number)
        return self._versions[number]

    def category(self, category: str) -> str:
        found = self.policy.categories.get(category)
        return found.title.get(self.lang) if found else category

    def channel(self, channel: str, number: int | None = None) -> str:
        found = self.version(number).channels.get(channel)
        return found.title.get(self.lang) if found else channel

    def purpose(self, purpose: str, number: int | None = None) -> str:
        found = self.version(number).purposes.get(purpose)
        return found.title.get(self.lang) if found else purpose

    def purposes(self, ids: list[str], number: int | None = None) -> list[dict[str, object]]:
        return [{"id": p, "title": self.purpose(p, number)} for p in ids]

    def code(self, code: str) -> str:
        found = CODE_TITLES.get(code)
        return in_language(found, self.lang) if found else code

    def recipient(self, ref: str) -> str:
        if self._recipients is None:
            self._recipients = recipient_names()
        return self._recipients.get(ref, ref)

    def consent_target(self, kind: str, target: str, number: int | None) -> str:
        if kind == ConsentKind.PURPOSE:
            return self.purpose(target, number)
        if kind == ConsentKind.SPECIAL_CARE:
            return self.category(target)
        return self.recipient(target)


def local_time(value: str | datetime | None, lang: str) -> str:
    """2026年4月1日 10:00（JST） / April 1, 2026, 10:00 JST, in settings.TIME_ZONE."""
    moment = _moment(value)
    return moment_shown(moment, lang) if moment else ""


def local_date(value: str | datetime | date | None, lang: str) -> str:
    """2026年4月1日 / April 1, 2026: the local calendar day of a moment (or a plain date)."""
    day = value if isinstance(value, date) and not isinstance(value, datetime) else _moment(value)
    return date_shown(day, lang) if day else ""


def _moment(value: str | datetime | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    zone = ZoneInfo(settings.TIME_ZONE)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, zone)
    return moment.astimezone(zone)
