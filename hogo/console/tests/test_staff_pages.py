"""Staff accounts in the console: the officer creates, resets and disables, after a
confirmation; every other role is refused; the audit log names users by id only."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def _client(user: User) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", ["desk_operator", "marketing_user", "auditor", "outsider"])
def test_only_the_officer_manages_staff(persona: str, request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(persona)
    client = _client(user)
    for url in ("/console/staff/", "/console/staff/new/", f"/console/staff/{user.pk}/disable/"):
        assert client.get(url).status_code == 403
    assert client.post(f"/console/staff/{user.pk}/password/").status_code == 403
    assert authenticate(username=user.username, password=PASSWORD) is not None


def test_the_officer_adds_a_staff_member_whose_password_is_shown_once(officer: User) -> None:
    client = _client(officer)
    assert "daniel2" not in client.get("/console/staff/").text
    page = client.post(
        "/console/staff/new/", {"username": "daniel2", "email": "", "role": "desk_operator"}
    )
    assert page.status_code == 200
    password = page.context["password"]
    assert password in page.text
    made = User.objects.get(username="daniel2")
    assert made.is_staff
    assert not made.is_superuser
    assert list(made.groups.values_list("name", flat=True)) == ["desk_operator"]
    assert authenticate(username="daniel2", password=password) == made
    event = AuditEvent.objects.filter(action="console.staff.created").get()
    assert event.detail == {"user": f"user:{made.pk}", "role": "desk_operator"}
    assert event.actor == f"user:{officer.pk}"
    listed = client.get("/console/staff/").text
    assert "daniel2" in listed
    assert password not in listed


def test_bad_input_creates_nothing_and_says_why(officer: User) -> None:
    client = _client(officer)
    page = client.post("/console/staff/new/", {"username": "a b", "role": "auditor"})
    assert "A username may contain only letters" in page.text
    page = client.post("/console/staff/new/", {"username": "olivia", "role": "auditor"})
    assert "already exists" in page.text
    page = client.post("/console/staff/new/", {"username": "zed", "role": "wizard"})
    assert "Select a valid choice" in page.text
    assert not User.objects.filter(username__in=["a b", "zed"]).exists()


def test_a_password_reset_asks_first_then_shows_the_new_one(
    officer: User, desk_operator: User
) -> None:
    client = _client(officer)
    url = f"/console/staff/{desk_operator.pk}/password/"
    confirm = client.get(url)
    assert "The old password stops working" in confirm.text
    assert authenticate(username="daniel", password=PASSWORD) is not None
    page = client.post(url)
    password = page.context["password"]
    assert authenticate(username="daniel", password=PASSWORD) is None
    assert authenticate(username="daniel", password=password) is not None
    event = AuditEvent.objects.filter(action="console.staff.password_reset").get()
    assert event.detail == {"user": f"user:{desk_operator.pk}"}


def test_disabling_asks_first_ends_log_ins_and_never_hits_oneself(
    officer: User, desk_operator: User
) -> None:
    client = _client(officer)
    operator = _client(desk_operator)
    url = f"/console/staff/{desk_operator.pk}/disable/"
    assert "can no longer log in" in client.get(url).text
    desk_operator.refresh_from_db()
    assert desk_operator.is_active
    assert operator.get("/console/admin/").status_code == 200
    client.post(url)
    desk_operator.refresh_from_db()
    assert not desk_operator.is_active
    assert operator.get("/console/admin/").status_code == 302  # the session ended
    assert AuditEvent.objects.filter(action="console.staff.disabled").get().detail == {
        "user": f"user:{desk_operator.pk}"
    }
    page = client.post(f"/console/staff/{officer.pk}/disable/", follow=True)
    assert "You cannot disable your own account." in page.text
    officer.refresh_from_db()
    assert officer.is_active


def test_an_unknown_user_is_404(officer: User) -> None:
    client = _client(officer)
    assert client.get("/console/staff/99999/password/").status_code == 404
    assert client.post("/console/staff/99999/disable/").status_code == 404
