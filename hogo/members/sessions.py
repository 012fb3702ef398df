"""Member sessions, kept apart from staff sessions: a cookie of their own (`hogo_member`) over
Django's session store, holding only the member's ref and a hash of the current password hash.
The console's session cookie never names a member and this one never names a staff user, so
neither login can reach the other's pages; a new password or a closed account ends every
session of the member."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse

from hogo.collect.members import Member, member_active_get, member_session_hash

COOKIE = "hogo_member"
AGE = 2 * 60 * 60  # seconds a member session lasts without a new login


def _store(key: str | None = None) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    store: SessionBase = engine.SessionStore(session_key=key)
    return store


def member_current(request: HttpRequest) -> Member | None:
    key = request.COOKIES.get(COOKIE)
    if not key:
        return None
    store = _store(key)
    ref = store.get("member")
    if not isinstance(ref, str):
        return None
    member = member_active_get(member_id=ref)
    if member is None or store.get("hash") != member_session_hash(member):
        return None
    return member


def member_session_start(request: HttpRequest, response: HttpResponse, member: Member) -> None:
    """A fresh session (never one the browser brought: no session fixation)."""
    member_session_end(request, response)
    store = _store()
    store["member"] = member.ref
    store["hash"] = member_session_hash(member)
    store.set_expiry(AGE)
    store.save()
    assert store.session_key is not None  # save() made one
    response.set_cookie(
        COOKIE,
        store.session_key,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def member_session_end(request: HttpRequest, response: HttpResponse) -> None:
    key = request.COOKIES.get(COOKIE)
    if key:
        _store(key).delete()
        response.delete_cookie(COOKIE, samesite="Lax")
