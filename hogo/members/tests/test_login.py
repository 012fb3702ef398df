"""Logging in with a member number or the registered address, the lockout, logging out, and
member sessions kept apart from staff sessions."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.members.sessions import COOKIE
from hogo.policy.schema import Policy
from hogo.tests.members import HANAKO, PASSWORD, Registered, register

MEMBER_PAGES = [
    "/en/members/",
    "/en/members/correct/",
    "/en/members/invitations/",
    "/en/members/withdraw/",
]


def login(client: Client, identifier: str, password: str, lang: str = "en") -> Any:
    return client.post(f"/{lang}/members/login/", {"identifier": identifier, "password": password})


def test_it_logs_in_with_the_member_number_or_the_email(policy: Policy) -> None:
    hanako = register(HANAKO, login=False)
    for identifier in (hanako.member.member_number, HANAKO["email"].upper()):
        client = Client()
        response = login(client, str(identifier), PASSWORD)
        assert response.status_code == 302
        page = client.get("/en/members/")
        assert page.status_code == 200
        assert str(hanako.member.member_number) in page.content.decode()


def test_it_refuses_a_wrong_password_as_it_refuses_an_unknown_account(policy: Policy) -> None:
    hanako = register(HANAKO, login=False)
    wrong = login(Client(), str(hanako.member.member_number), PASSWORD + "!")
    unknown = login(Client(), "nobody@example.jp", PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "or the password is not correct" in response.content.decode()
        assert COOKIE not in response.cookies


def test_it_locks_the_login_after_five_failures_even_for_the_right_password(
    policy: Policy,
) -> None:
    hanako = register(HANAKO, login=False)
    number = str(hanako.member.member_number)
    for _ in range(4):
        assert login(Client(), number, "wrong password").status_code == 200
    fifth = login(Client(), number, "wrong password", lang="ja")
    assert fifth.status_code == 429
    assert "ログインできません" in fifth.content.decode()
    right = login(Client(), number, PASSWORD)
    assert right.status_code == 429
    assert "locked until" in right.content.decode()
    assert COOKIE not in right.cookies
    locked = AuditEvent.objects.get(action="console.login.locked")
    assert number not in str(locked.detail)  # only a keyed hash of what was typed


def test_it_logs_out(hanako: Registered) -> None:
    assert hanako.client.get("/en/members/").status_code == 200
    response = hanako.client.post("/en/members/logout/")
    assert response.status_code == 302
    assert hanako.client.get("/en/members/").status_code == 302


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_it_sends_an_outsider_to_the_login_page(policy: Policy, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/members/login/")


def test_it_keeps_member_and_staff_sessions_apart(hanako: Registered, officer: User) -> None:
    # The member's session reaches no console page...
    assert hanako.client.get("/console/admin/").status_code == 302
    assert "_auth_user_id" not in hanako.client.session
    # ...and a staff login reaches no member page.
    staff = Client()
    staff.force_login(officer)
    assert staff.get("/console/admin/").status_code == 200
    assert staff.get("/en/members/").status_code == 302


def test_it_ignores_a_forged_member_cookie(hanako: Registered) -> None:
    client = Client()
    client.cookies[COOKIE] = "not-a-session-key"
    assert client.get("/en/members/").status_code == 302


def test_it_refuses_bad_login_input(policy: Policy) -> None:
    empty = Client().post("/ja/members/login/", {"identifier": "", "password": ""})
    assert empty.status_code == 200
    assert empty.content.decode().count("この項目は必須です。") == 2
    long = Client().post("/en/members/login/", {"identifier": "x" * 300, "password": "p"})
    assert "Please check this entry." in long.content.decode()
