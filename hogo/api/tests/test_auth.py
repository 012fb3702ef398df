from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from hogo.policy.schema import Policy


@pytest.mark.django_db
def test_it_refuses_a_request_without_a_token(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200  # the schema is public
    response = client.get("/api/v1/policy/")
    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "unauthorized", "message": "A valid bearer token is required"}
    }


@pytest.mark.django_db
def test_it_refuses_a_bad_token(client: Client) -> None:
    response = client.get("/api/v1/policy/", headers={"Authorization": "Bearer hogo_nope"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_it_accepts_a_good_token(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    response = api_as(officer).get("/api/v1/policy/")
    assert response.status_code == 200


def test_it_refuses_a_token_of_a_deactivated_user(
    officer: User, api_as: Callable[[User], Client]
) -> None:
    client = api_as(officer)
    officer.is_active = False
    officer.save()
    assert client.get("/api/v1/policy/").status_code == 401


def test_token_create_prints_a_token_that_works(
    officer: User, capsys: pytest.CaptureFixture[str], active_policy: Policy
) -> None:
    call_command("token", "create", "olivia")
    token = capsys.readouterr().out.strip()
    assert token.startswith("hogo_")
    response = Client().get("/api/v1/policy/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_token_create_names_an_unknown_user() -> None:
    with pytest.raises(CommandError, match="no user named 'nobody'"):
        call_command("token", "create", "nobody")


@pytest.mark.django_db
def test_token_create_refuses_a_non_staff_user() -> None:
    User.objects.create_user("customer")
    with pytest.raises(CommandError, match="only for active staff users"):
        call_command("token", "create", "customer")
