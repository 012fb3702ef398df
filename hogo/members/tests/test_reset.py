"""A new password by mail: a signed link through the desk's outbox to a real SMTP server,
valid for hours, working once; the same answer whether or not an account exists."""

import re
import time

import pytest
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.collect.members import RESET_HOURS, member_reset_token
from hogo.desk.models import OutboundMail
from hogo.policy.schema import Policy
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.members import HANAKO, PASSWORD, Registered, register

NEW_PASSWORD = "seven herons over kyoto"


def ask(client: Client, email: str, lang: str = "en") -> str:
    with committed():
        response = client.post(f"/{lang}/members/password/", {"email": email})
    assert response.status_code == 200
    return response.content.decode()


def reset_path(inbox: Inbox) -> str:
    match = re.search(
        r"https?://testserver(/\S+/members/password/\S+/)", body(inbox.last(HANAKO["email"]))
    )
    assert match is not None, "no reset link in the mail"
    return match.group(1)


def test_it_resets_the_password_through_the_mailed_link(hanako: Registered, inbox: Inbox) -> None:
    client = Client()
    page = ask(client, HANAKO["email"], lang="ja")
    assert "パスワード再設定のリンクをお送りしました" in page
    message = inbox.last(HANAKO["email"])
    assert message["Subject"] == "パスワードの再設定"
    path = reset_path(inbox)
    assert path.startswith("/ja/members/password/")
    form = client.get(path)
    assert form.status_code == 200
    assert form["Referrer-Policy"] == "strict-origin"
    done = client.post(path, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert "新しいパスワードを設定しました" in done.content.decode()
    number = str(hanako.member.member_number)
    old = Client().post("/en/members/login/", {"identifier": number, "password": PASSWORD})
    assert old.status_code == 200  # refused
    new = Client().post("/en/members/login/", {"identifier": number, "password": NEW_PASSWORD})
    assert new.status_code == 302
    assert client.get(path).status_code == 404  # used up
    # The old session ended with the old password.
    assert hanako.client.get("/en/members/").status_code == 302
    # The outbox forgot the address and the link once the server took the message.
    stored = OutboundMail.objects.get()
    assert (stored.to, stored.body, stored.status) == ("", "", "sent")
    assert AuditEvent.objects.filter(action="collect.member.password_reset").count() == 1


def test_it_answers_the_same_for_an_unknown_address(policy: Policy, inbox: Inbox) -> None:
    register(HANAKO, login=False, inbox=inbox)
    inbox.messages.clear()
    known = ask(Client(), HANAKO["email"])
    unknown = ask(Client(), "nobody@example.jp")
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert [m["To"] for m in inbox.messages] == [HANAKO["email"]]


def test_it_refuses_a_tampered_link(hanako: Registered, inbox: Inbox) -> None:
    ask(Client(), HANAKO["email"])
    path = reset_path(inbox)
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    response = Client().get(tampered)
    assert response.status_code == 404
    assert "invalid, has expired or has already been used" in response.content.decode()


def test_it_refuses_bad_reset_input(hanako: Registered, inbox: Inbox) -> None:
    bad = Client().post("/en/members/password/", {"email": "not an address"})
    assert "Enter an e-mail address." in bad.content.decode()
    assert not inbox.messages
    ask(Client(), HANAKO["email"])
    path = reset_path(inbox)
    client = Client()
    mismatch = client.post(path, {"password": NEW_PASSWORD, "password_again": "other"})
    assert mismatch.status_code == 400
    assert "The passwords do not match." in mismatch.content.decode()
    weak = client.post(path, {"password": "12345678", "password_again": "12345678"})
    assert weak.status_code == 400
    assert "too common" in weak.content.decode() or "too short" in weak.content.decode()
    assert client.get(path).status_code == 200  # still usable: nothing was changed


def test_it_refuses_an_expired_link(hanako: Registered, monkeypatch: pytest.MonkeyPatch) -> None:
    def issued(seconds_ago: int) -> str:
        then = time.time() - seconds_ago
        with monkeypatch.context() as patched:
            patched.setattr(time, "time", lambda: then)  # signing reads time.time()
            return member_reset_token(hanako.member)

    nearly = Client().get(f"/en/members/password/{issued(RESET_HOURS * 3600 - 60)}/")
    assert nearly.status_code == 200
    expired = Client().get(f"/en/members/password/{issued(RESET_HOURS * 3600 + 60)}/")
    assert expired.status_code == 404
    assert "has expired" in expired.content.decode()
