"""Signed, expiring links to the consent page (django.core.signing, keyed by SECRET_KEY). A
token names only the request's pseudonymous ref, what it may do and until when: nothing
personal reaches a URL. An answer link lets the person agree or decline for `ANSWER_DAYS`; the
withdrawal link shown after agreeing lasts as long as the purpose's retention, past which
nothing is held to withdraw from."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from django.core import signing
from django.utils import timezone

from hogo.errors import HogoError

SALT = "hogo.reconsent.link"
ANSWER_DAYS = 30


class LinkInvalid(HogoError):
    code = "link_invalid"
    status = 404


class TokenKind(StrEnum):
    ANSWER = "a"  # agree or decline (and withdraw, while it lasts)
    WITHDRAW = "w"  # withdraw only


@dataclass(frozen=True)
class Token:
    ref: str
    kind: TokenKind
    expires_at: datetime


def token_make(*, ref: str, kind: TokenKind, days: int, now: datetime | None = None) -> str:
    expires = (now or timezone.now()) + timedelta(days=days)
    return signing.dumps({"r": ref, "k": kind.value, "e": int(expires.timestamp())}, salt=SALT)


def token_read(token: str, *, now: datetime | None = None) -> Token:
    """The token's content; LinkInvalid when it was altered, is not ours or has expired (the
    message never says which: a guesser learns nothing)."""
    try:
        payload = signing.loads(token, salt=SALT)
        ref, kind, expires = str(payload["r"]), TokenKind(payload["k"]), int(payload["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid("this link is not valid or has expired") from None
    expires_at = datetime.fromtimestamp(expires, tz=UTC)
    if expires_at <= (now or timezone.now()):
        raise LinkInvalid("this link is not valid or has expired")
    return Token(ref, kind, expires_at)
