"""Opting out of advertising mail in one step (Act on Regulation of Transmission of Specified
Electronic Mail, Art. 3(3) and 4; RFC 8058 one-click).

Every purpose the policy marks `marketing_mail` is one whose mail must carry a way to refuse
it. hogo signs a per-person, per-purpose token (`django.core.signing`, no expiry: a mail read a
year later must still work) that holds only the pseudonymous subject id and the purpose id; the
URL `/unsubscribe/<token>` shows a confirmation page, and a POST to it suspends that purpose
for that person through the suspension service (`subject_suspend`, audited `vault.suspend`).
The page's wording is in `templates/vault/unsubscribe.html` and the vault's catalogue.
Mail clients that implement RFC 8058 POST `List-Unsubscribe=One-Click` to the same URL.
"""

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.vault.services import subject_suspend

SALT = "hogo.vault.unsubscribe"
ONE_CLICK = "List-Unsubscribe=One-Click"  # RFC 8058 section 3.1: the body a mail client posts


@dataclass(frozen=True)
class Unsubscription:
    subject_id: str
    purpose: str


def marketing_purposes(policy: Policy) -> frozenset[str]:
    """The purposes whose mail is advertising mail: the policy file decides, by its flag."""
    return frozenset(p.id for p in policy.purposes.values() if p.marketing_mail)


def unsubscribe_token(*, subject_id: str, purpose: str) -> str:
    return signing.dumps([subject_id, purpose], salt=SALT)


def unsubscribe_read(token: str) -> Unsubscription:
    """The subject and purpose a token names; a tampered or foreign token is invalid input,
    and so is a purpose the active policy no longer marks as marketing mail."""
    try:
        subject_id, purpose = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidInput("unsubscribe: the link is not valid", code="bad_token") from None
    if not (isinstance(subject_id, str) and isinstance(purpose, str)):
        raise InvalidInput("unsubscribe: the link is not valid", code="bad_token")
    if purpose not in marketing_purposes(policy_active()):
        raise InvalidInput("unsubscribe: the link is not valid", code="bad_token")
    return Unsubscription(subject_id, purpose)


def unsubscribe_url(*, origin: str, subject_id: str, purpose: str, lang: str = "") -> str:
    """The person's opt-out URL for mail sent for `purpose` (a marketing_mail purpose), on
    `origin` (`https://host`); `lang` ("ja" or "en") chooses the page's language, which is
    otherwise the browser's."""
    if purpose not in marketing_purposes(policy_active()):
        raise InvalidInput(f"purpose: {purpose!r} is not a marketing_mail purpose")
    token = unsubscribe_token(subject_id=subject_id, purpose=purpose)
    url = origin.rstrip("/") + reverse("unsubscribe", kwargs={"token": token})
    return f"{url}?lang={lang}" if lang in ("ja", "en") else url


def unsubscribe_headers(url: str) -> dict[str, str]:
    """The RFC 2369 and RFC 8058 headers every marketing mail carries: mail clients show an
    unsubscribe button that POSTs `List-Unsubscribe=One-Click` to `url`."""
    if not url.startswith("https://") and not url.startswith("http://"):
        raise ValueError("the unsubscribe URL must be absolute")
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": ONE_CLICK}


def unsubscribe_apply(*, token: str, one_click: bool) -> Unsubscription:
    """Suspends the token's purpose for its subject, in one step, through the suspension
    service (which audits it; already suspended, it records nothing). A subject erased or
    disposed of since the mail has nothing left to stop."""
    wanted = unsubscribe_read(token)
    try:
        subject_suspend(
            actor=f"subject:{wanted.subject_id}",
            subject_id=wanted.subject_id,
            purposes=[wanted.purpose],
            request_ref="unsubscribe:one-click" if one_click else "unsubscribe:page",
        )
    except Conflict as exc:
        if exc.code != "gone":
            raise
    return wanted
