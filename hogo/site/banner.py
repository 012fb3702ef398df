"""The consent banner's own wording (consent.js shows it), translated like every UI string
(hogo/site/locale) and sent in config.json in both languages: the script picks the page's
language, so one cached script and one cached configuration serve every page."""

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.policy.wording import colon, list_join, parenthesized

BANNER: dict[str, Promise] = {
    "label": _("Cookie settings"),
    "prefsLabel": _("Cookie preferences"),
    "uses": _("This website uses the cookies it needs to work. Only if you agree does it also use"),
    "accept": _("Accept all"),
    "reject": _("Reject all"),
    "prefs": pgettext_lazy("cookie banner button", "Preferences"),
    "save": _("Save choices"),
    "close": _("Close"),
    "always": _("Always on"),
    "gpc": _(
        "Your browser sent a Global Privacy Control signal. Analytics cookies stay off unless "
        "you choose otherwise."
    ),
    "links": _("Websites we link to handle information under their own policies."),
    "notice": _("Handling of Personal Information"),
    "id": _("Consent id (quote it if you contact us)"),
    "failed": _("Your choice could not be recorded; it applies to this page only."),
}


def banner_texts() -> dict[str, dict[str, str]]:
    """{"ja": {...}, "en": {...}}: the banner's texts, with its punctuation, per language."""
    texts = {}
    for lang in ("ja", "en"):
        with translation.override(lang):
            shown = {key: str(text) for key, text in BANNER.items()}
            shown["uses"] += colon()
            shown["id"] += colon()
            shown["always"] = parenthesized(shown["always"])
            shown["sep"] = list_join(["", ""])
        texts[lang] = shown
    return texts
