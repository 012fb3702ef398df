"""The forms' texts that code fills in or stores, as lazy gettext strings: English is the
message id, the Japanese is in `locale/ja/LC_MESSAGES/django.po`. Fixed page wording is in the
templates' translation tags.

The consent sentences are evidence: their digest is recorded with each consent
(`consent_wording_sha256`), so a change of their wording is a change of what people agree to.
"""

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CONSENT_PURPOSE = _("I agree to the use of the information I enter for: %(title)s.")
SPECIAL_CONSENT = _(
    "I explicitly consent to the Association obtaining and using the information about "
    "%(kind)s that I wrote, for the purposes above."
)
SPECIAL_FOUND = _("Your text in “%(field)s” seems to include information about %(kinds)s.")
CONSENT_MISSING = _("Without your consent to this purpose we cannot accept this form.")
NOTICE_CHANGED = _(
    "Our notice on personal information has changed since this page was shown. Please "
    "read the new notice and submit again."
)
NOT_ACCEPTED = _(
    "We could not accept your submission just now; nothing was stored. Please submit again."
)
TOO_MANY = _("There have been too many submissions from your network. Please try again later.")
PASSWORD = _("Password")
PASSWORD_AGAIN = _("Password (again)")
PASSWORD_MISMATCH = _("The passwords do not match. Enter the same password in both fields.")
NOTICE_RETENTION = _("Kept for %(period)s from collection.")
NOTICE_CONSENT_ONLY = _("Used only with your consent.")
NOTICE_FULL = _("Read our full notice (version %(version)s)")

# What a field error says, by the code `values_clean` reports; `%(n)s` is the length limit.
FIELD_ERRORS: dict[str, Promise] = {
    "required": _("This field is required."),
    "choice": _("Choose one of the options."),
    "too_long": _("Use at most %(n)s characters."),
    "email": _("Enter an e-mail address."),
    "phone": _("Enter a phone number with its area code (for example 03-1234-5678)."),
    "date": _("Enter a date (2026-04-01)."),
    "url": _("Enter a web address."),
    "text": _("This field is required."),
    "unknown": _("This field is required."),
}


def consent_purpose_text(title: str, lang: str) -> str:
    """The sentence beside a purpose's consent box, in `lang` (consent evidence)."""
    with translation.override(lang):
        return CONSENT_PURPOSE % {"title": title}


def special_consent_text(kind: str, lang: str) -> str:
    """The sentence beside a special-care consent box, in `lang` (consent evidence)."""
    with translation.override(lang):
        return SPECIAL_CONSENT % {"kind": kind}
