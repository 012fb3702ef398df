from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import aauthenticate
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.console.services import login_failure_record
from hogo.console.throttle import NETWORK_LIMIT
from hogo.throttle.models import Throttle

LOGIN = "/console/admin/login/"
PASSWORD = "correct horse battery staple"  # the personas' password (hogo/tests/fixtures.py)
LOCKED = "too many failed attempts; try again in 15 minutes"


def log_in(client: Client, username: str, password: str, **extra: str) -> str:
    """Post the admin login form in English; return the page text ("" after a redirect)."""
    response = client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/console/admin/"},
        headers={"Accept-Language": "en"},
        **extra,  # type: ignore[arg-type]
    )
    if response.status_code == 302:
        return ""
    assert response.status_code == 200
    return response.content.decode()


def move_clock(minutes: int) -> None:
    """Pretend `minutes` have passed for every throttle row."""
    delta = timedelta(minutes=minutes)
    for row in Throttle.objects.all():
        row.window_start -= delta
        if row.locked_until is not None:
            row.locked_until -= delta
        row.save()


def test_it_locks_a_username_after_five_failures(officer: User, client: Client) -> None:
    for attempt in range(4):
        page = log_in(client, "olivia", "wrong password")
        assert "Please enter the correct username and password" in page, attempt
    page = log_in(client, "olivia", "wrong password")
    assert LOCKED in page, "the fifth failure says it locked the account"
    page = log_in(client, "olivia", PASSWORD)
    assert LOCKED in page, "even the right password is refused while locked"
    assert "_auth_user_id" not in client.session


def test_it_lets_the_user_in_once_the_lock_has_passed(officer: User, client: Client) -> None:
    for _ in range(5):
        log_in(client, "olivia", "wrong password")
    move_clock(14)
    assert "try again in 1 minute" in log_in(client, "olivia", PASSWORD)
    move_clock(2)
    assert log_in(client, "olivia", PASSWORD) == ""
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_it_says_so_in_japanese_by_default(officer: User, client: Client) -> None:
    for _ in range(5):
        log_in(client, "olivia", "wrong password")
    response = client.post(LOGIN, {"username": "olivia", "password": PASSWORD})
    assert (
        "ログインの失敗が多すぎます。15 分後にもう一度お試しください。" in response.content.decode()
    )


def test_a_success_resets_the_username_counter(officer: User, client: Client) -> None:
    for _ in range(4):
        log_in(client, "olivia", "wrong password")
    assert log_in(client, "olivia", PASSWORD) == ""
    client.logout()
    for _ in range(4):
        log_in(client, "olivia", "wrong password")
    assert log_in(client, "olivia", PASSWORD) == "", "4 + 4 failures with a success between"


def test_failures_outside_the_window_start_afresh(officer: User, client: Client) -> None:
    for _ in range(4):
        log_in(client, "olivia", "wrong password")
    move_clock(16)
    page = log_in(client, "olivia", "wrong password")
    assert LOCKED not in page
    assert Throttle.objects.get(scope="login_username").count == 1


def test_it_counts_the_username_whatever_its_case(officer: User, client: Client) -> None:
    for username in ["olivia", "Olivia", "OLIVIA", "olivia", "Olivia"]:
        log_in(client, username, "wrong password")
    assert LOCKED in log_in(client, "olivia", PASSWORD)


def test_it_locks_a_whole_network_that_sprays_passwords(officer: User, client: Client) -> None:
    """20 failures from one /24, whatever the usernames, lock that network for everyone."""
    for index in range(NETWORK_LIMIT - 1):
        login_failure_record(username=f"guess{index}", network="203.0.113.0")
    page = log_in(client, "someone", "wrong password", REMOTE_ADDR="203.0.113.200")
    assert LOCKED in page
    assert LOCKED in log_in(client, "olivia", PASSWORD, REMOTE_ADDR="203.0.113.7")
    # Another network is not affected.
    assert log_in(client, "olivia", PASSWORD, REMOTE_ADDR="198.51.100.7") == ""


def test_it_takes_the_client_address_from_the_local_proxy(officer: User, client: Client) -> None:
    for index in range(NETWORK_LIMIT):
        login_failure_record(username=f"guess{index}", network="203.0.113.0")
    via_proxy = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.1.1.1, 203.0.113.9"}
    assert LOCKED in log_in(client, "olivia", PASSWORD, **via_proxy)
    # A public client cannot pretend to come from elsewhere by sending the header itself.
    spoofed = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert LOCKED in log_in(client, "olivia", PASSWORD, **spoofed)


def test_it_stores_neither_usernames_nor_addresses(officer: User, client: Client) -> None:
    log_in(client, "olivia", "wrong password", REMOTE_ADDR="203.0.113.77")
    rows = list(Throttle.objects.values_list("scope", "key"))
    assert sorted(scope for scope, _ in rows) == ["login_network", "login_username"]
    for _, key in rows:
        assert len(key) == 64
        assert "olivia" not in key
        assert "203.0.113" not in key


def test_it_records_a_lock_in_the_audit_log(officer: User, client: Client) -> None:
    for _ in range(5):
        log_in(client, "olivia", "wrong password")
    event = AuditEvent.objects.get(action="console.login.locked")
    assert event.actor == f"user:{officer.pk}"
    assert event.detail == {"scope": "username", "failures": 5, "minutes": 15}


@pytest.mark.django_db
def test_it_records_a_lock_of_an_unknown_name_by_hash_only(client: Client) -> None:
    for _ in range(5):
        log_in(client, "mallory@example.jp", "wrong password")
    event = AuditEvent.objects.get(action="console.login.locked")
    assert event.actor == "system:console"
    assert "mallory" not in str(event.detail)
    assert event.detail["username_hash"] == Throttle.objects.get(scope="login_username").key


def test_a_lock_is_not_extended_by_more_attempts(officer: User, client: Client) -> None:
    for _ in range(5):
        log_in(client, "olivia", "wrong password")
    until = Throttle.objects.get(scope="login_username").locked_until
    log_in(client, "olivia", "wrong password")
    assert Throttle.objects.get(scope="login_username").locked_until == until
    assert AuditEvent.objects.filter(action="console.login.locked").count() == 1


def test_the_officer_can_lift_a_lock_in_the_admin(
    officer: User, desk_operator: User, client: Client
) -> None:
    for _ in range(5):
        log_in(client, "daniel", "wrong password")
    row = Throttle.objects.get(scope="login_username", locked_until__gt=timezone.now())
    client.force_login(officer)
    response = client.post(f"/console/admin/throttle/throttle/{row.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    client.logout()
    assert log_in(client, "daniel", PASSWORD) == ""


def test_the_async_login_path_is_locked_too(officer: User, client: Client) -> None:
    for _ in range(5):
        log_in(client, "olivia", "wrong password")
    assert async_to_sync(aauthenticate)(username="olivia", password=PASSWORD) is None


@pytest.mark.django_db
def test_it_forgets_counters_once_their_window_has_passed() -> None:
    for index in range(10):
        login_failure_record(username=f"made-up-{index}", network=None)
    move_clock(16)
    login_failure_record(username="another", network=None)
    assert Throttle.objects.count() == 1
