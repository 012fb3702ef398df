import re
from collections.abc import Callable
from typing import Any

from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from hogo.collect.models import Member, MemberStatus
from hogo.policy.schema import Policy
from hogo.tests.collect import form_post

Capture = Callable[..., Any]
MEMBER = {
    "name": "Hanako Yamada",
    "email": "hanako.yamada@example.jp",
    "organization": "Mitsuboshi Denki",
    "country": "Japan",
}
PASSWORD = "blue kettle under the bridge"


def register(client: Client, capture: Capture, lang: str = "en") -> str:
    with capture(execute=True):
        response = form_post(client, "member-registration", MEMBER, lang=lang)
    assert response.status_code == 302
    [message] = mail.outbox
    link = re.search(r"https?://\S+", str(message.body))
    assert link is not None
    return link.group().split("testserver", 1)[1]


def test_registration_creates_a_member_account_that_is_not_a_staff_user(
    policy: Policy, django_capture_on_commit_callbacks: Capture
) -> None:
    users = User.objects.count()
    register(Client(), django_capture_on_commit_callbacks)
    member = Member.objects.get()
    assert member.status == MemberStatus.PENDING
    assert (member.member_number or "").startswith("M")
    assert User.objects.count() == users
    assert mail.outbox[0].to == [MEMBER["email"]]
    assert "Set your password through this link" in mail.outbox[0].body


def test_the_emailed_link_sets_the_password_once(
    policy: Policy, django_capture_on_commit_callbacks: Capture
) -> None:
    client = Client()
    path = register(client, django_capture_on_commit_callbacks)
    assert path.startswith("/en/forms/members/activate/")
    page = client.get(path)
    assert page.status_code == 200
    # Only the origin as Referer: the token stays private, and the POST keeps its Origin.
    assert page["Referrer-Policy"] == "strict-origin"
    response = client.post(path, {"password": PASSWORD, "password_again": PASSWORD})
    assert "registration is complete" in response.content.decode()
    member = Member.objects.get()
    assert member.status == MemberStatus.ACTIVE
    assert check_password(PASSWORD, member.password)
    assert client.get(path).status_code == 404  # used up


def test_it_refuses_weak_or_mismatched_passwords(
    policy: Policy, django_capture_on_commit_callbacks: Capture
) -> None:
    client = Client()
    path = register(client, django_capture_on_commit_callbacks)
    weak = client.post(path, {"password": "12345678", "password_again": "12345678"})
    assert "too short" in weak.content.decode() or "too common" in weak.content.decode()
    other = client.post(path, {"password": PASSWORD, "password_again": PASSWORD + "!"})
    assert "The passwords do not match." in other.content.decode()
    assert Member.objects.get().status == MemberStatus.PENDING


def test_registering_again_keeps_one_account(
    policy: Policy, django_capture_on_commit_callbacks: Capture
) -> None:
    client = Client()
    register(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    register(client, django_capture_on_commit_callbacks, lang="ja")
    assert Member.objects.count() == 1
    assert "パスワードを設定してください" in mail.outbox[0].body


def test_a_member_cannot_sign_in_to_the_console(
    policy: Policy, django_capture_on_commit_callbacks: Capture
) -> None:
    client = Client()
    path = register(client, django_capture_on_commit_callbacks)
    client.post(path, {"password": PASSWORD, "password_again": PASSWORD})
    login = client.post(
        "/console/admin/login/", {"username": MEMBER["email"], "password": PASSWORD}
    )
    assert login.status_code == 200  # the login form again, not a redirect into the console
    assert "_auth_user_id" not in client.session
