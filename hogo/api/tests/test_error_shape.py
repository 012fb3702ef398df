"""Errors Django answers outside the API's handlers keep the API's JSON error shape."""

from django.contrib.auth.models import User
from django.test import Client

from hogo.api.services import token_create


def auth(user: User) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token_create(actor='system:test', user=user)}"}


def test_it_answers_an_unknown_api_path_with_a_json_404(officer: User) -> None:
    response = Client().get("/api/v1/no-such-thing", **auth(officer))  # type: ignore[arg-type]
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"error": {"code": "not_found", "message": "Not Found"}}


def test_it_answers_a_method_the_path_does_not_take_with_a_json_405(officer: User) -> None:
    response = Client().put(
        "/api/v1/subjects",
        "{}",
        content_type="application/json",
        **auth(officer),  # type: ignore[arg-type]
    )
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_it_leaves_pages_outside_the_api_alone(db: None) -> None:
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
