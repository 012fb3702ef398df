"""The ledger's page and workbook over HTTP: who may see them, filters, bad input."""

import io

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from hogo.policy.schema import Policy
from hogo.tests.ledger import population
from hogo.tests.vault import INQUIRY

pytestmark = pytest.mark.django_db
PAGE = "/console/ledger/"
XLSX = "/console/ledger/ledger.xlsx"


def _client(user: User, lang: str = "ja") -> Client:
    client = Client(headers={"Accept-Language": lang})
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", ["officer", "auditor"])
def test_the_officer_and_auditors_see_the_ledger(
    persona: str, request: pytest.FixtureRequest, policy: Policy
) -> None:
    user = request.getfixturevalue(persona)
    response = _client(user).get(PAGE)
    assert response.status_code == 200
    assert "個人情報管理台帳" in response.text
    assert policy.purposes[INQUIRY].title.ja in response.text


@pytest.mark.parametrize("persona", ["desk_operator", "marketing_user", "outsider"])
def test_other_staff_are_refused(
    persona: str, request: pytest.FixtureRequest, policy: Policy
) -> None:
    user = request.getfixturevalue(persona)
    assert _client(user).get(PAGE).status_code == 403
    assert _client(user).get(XLSX).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(policy: Policy) -> None:
    response = Client().get(PAGE)
    assert response.status_code == 302
    assert "/console/admin/login/" in response["Location"]


def test_an_unknown_filter_is_refused_without_echoing_it(officer: User, policy: Policy) -> None:
    page = _client(officer, "en").get(PAGE, {"purpose": "shoe-sizes"})
    assert page.status_code == 400
    assert "Unknown filter" in page.text
    assert "shoe-sizes" not in page.text
    download = _client(officer, "en").get(XLSX, {"purpose": "shoe-sizes"})
    assert download.status_code == 400
    assert "shoe-sizes" not in download.text


def test_the_workbook_follows_the_filters(officer: User, policy: Policy) -> None:
    population()
    response = _client(officer, "en").get(XLSX, {"purpose": INQUIRY})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["By purpose"]
    purposes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert purposes == {policy.purposes[INQUIRY].title.en}
    assert 'filename="ledger-' in response["Content-Disposition"]


def test_without_a_policy_the_page_says_so(officer: User) -> None:
    response = _client(officer, "en").get(PAGE)
    assert response.status_code == 200
    assert "No policy is loaded yet." in response.text
