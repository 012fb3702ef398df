"""Staff accounts and the second factor in Chromium: the officer adds a staff member (the
password shown once), resets a password and disables an account after confirmations; a staff
member sets up TOTP from the QR page and logs in with password then code (computed here with
pyotp, as an authenticator app does)."""

import time
from typing import Any

import pyotp
import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User

PASSWORD = "correct horse battery staple"


def _log_in(page: Any, live_server: Any, username: str, password: str, then: str) -> None:
    page.goto(live_server.url + then)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_the_officer_manages_staff_accounts_with_confirmations(
    page: Any, live_server: Any, officer: User, desk_operator: User
) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "ja", "url": live_server.url}])
    _log_in(page, live_server, "olivia", PASSWORD, "/console/staff/")
    page.wait_for_url("**/console/staff/")
    page.click("#staff-new")
    page.fill("#id_username", "aoi")
    page.select_option("#id_role", "auditor")
    page.click("#staff-form input[type=submit]")
    password = page.inner_text("#password")
    assert authenticate(username="aoi", password=password) is not None

    page.goto(live_server.url + "/console/staff/")
    row = page.locator(f'#staff tr[data-user="{desk_operator.pk}"]')
    row.locator("a.reset-password").click()
    assert "パスワードを再設定" in page.inner_text("#content")
    assert authenticate(username="daniel", password=PASSWORD) is not None  # nothing yet
    page.click("#confirm input[type=submit]")
    new = page.inner_text("#password")
    assert authenticate(username="daniel", password=new) is not None

    page.goto(live_server.url + "/console/staff/")
    row.locator("a.disable").click()
    assert "ログインできなくなり" in page.inner_text("#happens")
    page.click("#confirm input[type=submit]")
    page.wait_for_url("**/console/staff/")
    assert "無効" in row.inner_text()
    desk_operator.refresh_from_db()
    assert not desk_operator.is_active
    assert page.outside_requests == []


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_sets_up_totp_and_logs_in_with_a_code(
    page: Any, live_server: Any, auditor: User
) -> None:
    _log_in(page, live_server, "aiko", PASSWORD, "/console/staff/second-factor/")
    page.wait_for_url("**/console/staff/second-factor/")
    assert page.locator("#qr svg").count() == 1
    totp = pyotp.TOTP(page.inner_text("#secret").replace(" ", ""))
    page.fill("#id_code", totp.now())
    page.click("#confirm-code input[type=submit]")
    page.wait_for_url("**/console/admin/")

    page.context.clear_cookies()
    _log_in(page, live_server, "aiko", PASSWORD, "/console/admin/")
    page.wait_for_url("**/console/staff/login/code/")
    page.fill("#id_code", "000000" if totp.now() != "000000" else "111111")
    page.click("#code-form input[type=submit]")
    assert "The code is not right" in page.inner_text("#content")
    page.fill("#id_code", totp.at(time.time() + 30))
    page.click("#code-form input[type=submit]")
    page.wait_for_url("**/console/admin/")
    assert page.outside_requests == []
