"""The TOTP second factor: enrolment confirmed by a first code, the code asked after the
password, wrong and replayed codes refused and throttled, the officer's reset, and the policy
that requires it of the privacy officer. Codes are computed here with pyotp, as an app does."""

import re
import time

import pyotp
import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.console.models import SecondFactor
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
SETUP = "/console/staff/second-factor/"
LOGIN = "/console/admin/login/"
CODE = "/console/staff/login/code/"


def _client(user: User | None = None) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    if user is not None:
        client.force_login(user)
    return client


def _enrol(user: User) -> pyotp.TOTP:
    client = _client(user)
    page = client.get(SETUP)
    assert "<svg" in page.text
    secret = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', page.text)
    assert secret is not None
    totp = pyotp.TOTP(secret.group(1).replace(" ", ""))
    assert client.post(SETUP, {"code": totp.now()}).status_code == 302
    return totp


def _next_code(totp: pyotp.TOTP) -> str:
    """The code of the next 30-second step (within the drift allowed): the current one was
    used by the enrolment, and a code works once."""
    return totp.at(time.time() + 30)


def _password(client: Client, username: str) -> str:
    response = client.post(LOGIN, {"username": username, "password": PASSWORD, "next": "/console/"})
    assert response.status_code == 302
    return str(response["Location"])


def test_enrolment_needs_a_right_code_and_is_audited(desk_operator: User) -> None:
    client = _client(desk_operator)
    page = client.get(SETUP)
    assert "Secret for typing by hand" in page.text
    assert "Content-Security-Policy" not in page.text  # nothing but markup and the svg
    wrong = client.post(SETUP, {"code": "000000"})
    assert "The code is not right" in wrong.text
    assert not SecondFactor.objects.get(user=desk_operator).confirmed
    _enrol(desk_operator)  # the same pending secret is shown again until confirmed
    assert SecondFactor.objects.get(user=desk_operator).confirmed
    event = AuditEvent.objects.filter(action="console.second_factor.enrolled").get()
    assert event.detail == {"user": f"user:{desk_operator.pk}"}
    assert "is set up" in client.get(SETUP).text


def test_staff_without_a_second_factor_log_in_with_the_password(desk_operator: User) -> None:
    client = _client()
    assert _password(client, "daniel") == "/console/"
    assert client.get("/console/admin/").status_code == 200


def test_log_in_asks_for_the_code_after_the_password(desk_operator: User) -> None:
    totp = _enrol(desk_operator)
    client = _client()
    assert _password(client, "daniel") == CODE
    assert client.get("/console/admin/").status_code == 302  # not logged in yet
    wrong = client.post(CODE, {"code": "123456" if totp.now() != "123456" else "654321"})
    assert "The code is not right" in wrong.text
    code = _next_code(totp)
    assert client.post(CODE, {"code": code})["Location"] == "/console/"
    assert client.get("/console/admin/").status_code == 200
    again = _client()
    _password(again, "daniel")
    assert "already used" in again.post(CODE, {"code": code}).text  # a code works once


def test_the_code_step_is_throttled_per_user(desk_operator: User) -> None:
    totp = _enrol(desk_operator)
    client = _client()
    _password(client, "daniel")
    for _ in range(5):
        page = client.post(CODE, {"code": "999999" if totp.now() != "999999" else "111111"})
    assert "Too many wrong codes" in page.text
    assert "Too many wrong codes" in client.post(CODE, {"code": _next_code(totp)}).text
    assert client.get("/console/admin/").status_code == 302
    assert AuditEvent.objects.filter(action="console.second_factor.locked").count() == 1


def test_the_code_page_without_a_password_goes_back_to_the_login(db: None) -> None:
    assert _client().get(CODE)["Location"] == LOGIN


def test_the_officer_resets_a_lost_second_factor(officer: User, desk_operator: User) -> None:
    _enrol(desk_operator)
    client = _client(officer)
    url = f"/console/staff/{desk_operator.pk}/second-factor/reset/"
    assert "logs in with the password alone" in client.get(url).text
    assert SecondFactor.objects.filter(user=desk_operator).exists()
    client.post(url)
    assert not SecondFactor.objects.filter(user=desk_operator).exists()
    event = AuditEvent.objects.filter(action="console.second_factor.reset").get()
    assert event.detail == {"user": f"user:{desk_operator.pk}"}
    assert _password(_client(), "daniel") == "/console/"
    assert _client(desk_operator).get(url).status_code == 403


def test_the_policy_can_require_it_of_the_privacy_officer(officer: User) -> None:
    data = reference_data()
    data["staff"]["officer_second_factor"] = True
    policy_load(text=toml_dumps(data), note="test")
    client = _client(officer)
    assert client.get("/console/ledger/")["Location"] == SETUP
    page = client.get(SETUP)
    assert "The policy requires a second factor" in page.text
    _enrol(officer)
    assert client.get("/console/ledger/").status_code == 200


def test_the_reference_policy_does_not_require_it(officer: User, policy: object) -> None:
    assert _client(officer).get("/console/ledger/").status_code == 200


def test_the_command_line_resets_a_lost_second_factor(officer: User) -> None:
    from io import StringIO

    from django.core.management import call_command

    _enrol(officer)
    out = StringIO()
    call_command("staff", "second-factor-reset", "olivia", stdout=out)
    assert "second factor of staff user olivia removed" in out.getvalue()
    assert not SecondFactor.objects.filter(user=officer).exists()
    assert AuditEvent.objects.filter(action="console.second_factor.reset").get().actor == (
        "system:cli"
    )
