"""What a notice and an announcement say, in Japanese and English: the default skeleton the
officer starts from, drawn from the incident's record (PPC Rule 10: the items (i), (ii), (iv),
(v) and (ix) of Rule 8(1)), and the fixed closing every mail and page carries (the organization
and its desk, from the policy). The preview shows exactly what `notice_mail` sends.

The skeleton states only what the register records and the policy says: an item not written
yet reads "under investigation", and nothing about the organization is added that the policy
does not state."""

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.wording import colon, date_shown, list_join
from hogo.safety.models import Incident

LANGS = ("ja", "en")

WORDS: dict[str, Promise] = {
    "subject": _("Important: an incident involving your personal information"),
    "intro": _(
        "%(org)s became aware on %(date)s of a leak, loss or damage of personal information "
        "(or of the possibility of one) that concerns your personal information. We apologize "
        "sincerely for the concern and trouble this causes you. Here is what we know."
    ),
    "summary": _("What happened"),
    "items": _("The items of personal information involved"),
    "cause": _("Cause"),
    "harm": _("Secondary harm or the possibility of it"),
    "doing": _("What we are doing"),
    "open": _("Under investigation."),
    "contact": _("For questions about this matter, please contact"),
    "email": _("E-mail"),
    "phone": _("Telephone"),
    "hours": _("Hours"),
    "title": _("Notice of an incident involving personal information"),
    "announce_intro": _(
        "%(org)s became aware on %(date)s of a leak, loss or damage of personal information "
        "(or of the possibility of one). We publish this announcement because we cannot "
        "notify everyone concerned individually."
    ),
}


def say(key: str, lang: str, **values: object) -> str:
    with translation.override(lang):
        text = str(WORDS[key])
    return text % values if values else text


@dataclass(frozen=True)
class Texts:
    """A subject (or title) and a body per language, as the officer wrote them."""

    subject_ja: str
    body_ja: str
    subject_en: str
    body_en: str

    def subject(self, lang: str) -> str:
        return self.subject_en if lang == "en" else self.subject_ja

    def body(self, lang: str) -> str:
        return self.body_en if lang == "en" else self.body_ja


def _categories(incident: Incident, policy: Policy, lang: str) -> str:
    names = [
        policy.categories[c].title.get(lang) if c in policy.categories else c
        for c in incident.categories
    ]
    return list_join(names, lang) if names else say("open", lang)


def _sections(incident: Incident, policy: Policy, lang: str) -> list[tuple[str, str]]:
    doing = "\n".join(t for t in (incident.response_to_people, incident.prevention) if t)
    return [
        ("summary", incident.summary),
        ("items", _categories(incident, policy, lang)),
        ("cause", incident.cause),
        ("harm", incident.secondary_harm),
        ("doing", "\n".join(t for t in (doing, incident.other) if t)),
    ]


def _skeleton_body(incident: Incident, policy: Policy, lang: str, intro: str) -> str:
    org = policy.organization.name.get(lang)
    lines = [say(intro, lang, org=org, date=date_shown(incident.discovered_at, lang)), ""]
    for number, (key, text) in enumerate(_sections(incident, policy, lang), start=1):
        lines += [f"{number}. {say(key, lang)}", text.strip() or say("open", lang), ""]
    return "\n".join(lines).rstrip() + "\n"


def notice_skeleton(incident: Incident, policy: Policy) -> Texts:
    """The default texts of a notice to the people affected."""
    ja, en = (_skeleton_body(incident, policy, lang, "intro") for lang in LANGS)
    return Texts(say("subject", "ja"), ja, say("subject", "en"), en)


def announcement_skeleton(incident: Incident, policy: Policy) -> Texts:
    """The default title and text of the public announcement: the same items, no person."""
    ja, en = (_skeleton_body(incident, policy, lang, "announce_intro") for lang in LANGS)
    return Texts(say("title", "ja"), ja, say("title", "en"), en)


def closing(policy: Policy, lang: str) -> list[str]:
    """The organization and its desk, from the policy: every notice and announcement ends so."""
    contact = policy.organization.contact
    lines = [
        policy.organization.name.get(lang),
        say("contact", lang) + colon(lang) + contact.name.get(lang),
        say("email", lang) + colon(lang) + contact.email,
    ]
    if contact.phone:
        lines.append(say("phone", lang) + colon(lang) + contact.phone)
    hours = contact.hours.get(lang)
    if hours:
        lines.append(say("hours", lang) + colon(lang) + hours)
    return lines


def notice_mail(texts: Texts, policy: Policy, lang: str) -> tuple[str, str]:
    """The subject and plain-text body one person receives, in their language."""
    body = texts.body(lang).strip().replace("\r\n", "\n")
    return texts.subject(lang).strip(), "\n".join([body, "", "-" * 20, *closing(policy, lang)])


def texts_checked(texts: Texts, *, heading: str = "subject") -> Texts:
    """Both languages need a `heading` (subject or title) of at most 200 characters and a text."""
    for lang in LANGS:
        if not texts.subject(lang).strip() or not texts.body(lang).strip():
            raise InvalidInput(f"texts: the {lang} {heading} and text are both needed")
        if len(texts.subject(lang).strip()) > 200:
            raise InvalidInput(f"texts: the {lang} {heading} is longer than 200 characters")
    return texts
