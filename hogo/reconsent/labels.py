"""The consent page's and the request mail's fixed wording: English msgids here, Japanese in
hogo/reconsent/locale. What the purpose is and which kinds of information it uses come from the
policy itself; the organization's name and desk too. `say` gives a text in a language (a mail
goes out in the person's language, whatever the request that queues it) with its named
placeholders (`%(date)s`) filled."""

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hogo.policy.diff import ChangeKind

LABELS: dict[str, Promise] = {
    "intro": _(
        "%(org)s has changed the purposes for which it uses personal information (version "
        "%(version)s). We need your consent before we use the personal information you gave us "
        "earlier as described below."
    ),
    "if_not": _(
        "If you do not agree, we will not use the information you gave us earlier for this "
        "purpose; nothing else changes. If you agree, you can withdraw your consent at any time."
    ),
    "if_not_categories": _(
        "If you do not agree, we will not use the new kinds of information you gave us earlier "
        "for this purpose; nothing else changes. If you agree, you can withdraw your consent at "
        "any time."
    ),
    "purpose": _("Purpose of use"),
    "new_categories": _("Kinds of information this purpose will now also use"),
    "agreed": _("You agreed on %(date)s. Thank you. You can withdraw your consent at any time."),
    "declined": _(
        "On %(date)s you told us you do not agree. We will not use the information you gave us "
        "earlier for this purpose. If you change your mind, you can agree below."
    ),
    "withdrawn": _(
        "You withdrew your consent on %(date)s. We will not use the information you gave us "
        "earlier for this purpose."
    ),
    "expires": _("This link is valid until %(date)s."),
    "invalid": _("This link is not valid or has expired. Please contact the desk below."),
    "gone": _("We no longer hold personal information about you for this, so no answer is needed."),
    "mail_subject": _("%(org)s: your consent to a change in how we use your personal information"),
    "mail_open": _("Please read about the change and tell us whether you agree on this page:"),
    "mail_close": _(
        "We sent this message to the e-mail address you gave us. If you have questions, "
        "please contact the desk below."
    ),
}

CHANGE_TEXTS: dict[str, Promise] = {
    ChangeKind.PURPOSE_ADDED: _("This is a new purpose."),
    ChangeKind.CONSENT_REQUIRED_CHANGED: _(
        "We now use personal information for this purpose only with your consent."
    ),
    ChangeKind.CATEGORIES_WIDENED: _("This purpose will now also use more kinds of information."),
}


def say(text: Promise, lang: str, **values: object) -> str:
    """`text` in `lang`, with each %(name)s filled."""
    with translation.override(lang):
        return str(text) % values if values else str(text)
