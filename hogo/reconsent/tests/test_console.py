"""Re-consent in the staff console: the campaigns per policy version with the people they
concern, the mail previewed in both languages, and the officer's send action; auditors look,
other staff are kept out."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.policy.schema import Policy
from hogo.reconsent.models import ConsentRequest, RequestStatus
from hogo.tests.mail import Inbox, committed
from hogo.tests.reconsent import ADDED, HANAKO, JOHN, MEMBER_SITE, contract

LIST = "/console/reconsent/"
DETAIL = f"/console/reconsent/2/{ADDED}/"


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def changed(version_1: Policy, load_version_2: Callable[[], Policy]) -> list[str]:
    people = [contract(HANAKO), contract(JOHN)]
    load_version_2()
    return people


def test_it_lists_each_campaign_with_what_changed_and_whom_it_concerns(
    changed: list[str], officer: User
) -> None:
    page = login(officer).get(LIST).content.decode()
    assert ADDED in page
    assert MEMBER_SITE in page
    assert "purpose_added" in page
    assert "categories_widened (postal_address)" in page
    assert HANAKO not in page


def test_it_previews_the_mail_in_both_languages(changed: list[str], officer: User) -> None:
    page = login(officer).get(DETAIL).content.decode()
    assert 'id="preview-ja"' in page
    assert 'id="preview-en"' in page
    assert "認証製品に関する新着情報のご案内" in page
    assert "News about certified products" in page
    assert '<dd id="waiting">2</dd>' in page


def test_it_sends_the_requests_when_the_officer_asks(
    changed: list[str], officer: User, inbox: Inbox
) -> None:
    client = login(officer)
    with committed():
        response = client.post(f"{DETAIL}send/")
    assert response.status_code == 302
    assert len(inbox.messages) == 2
    assert set(ConsentRequest.objects.values_list("status", flat=True)) == {RequestStatus.SENT}
    page = client.get(DETAIL).content.decode()
    assert '<dd id="waiting">0</dd>' in page
    assert '<dd id="sent">2</dd>' in page
    with committed():
        client.post(f"{DETAIL}send/")
    assert len(inbox.messages) == 2


def test_it_lets_auditors_look_but_not_send(changed: list[str], auditor: User) -> None:
    client = login(auditor)
    assert client.get(DETAIL).status_code == 200
    assert 'id="send"' not in client.get(DETAIL).content.decode()
    assert client.post(f"{DETAIL}send/").status_code == 403
    assert not ConsentRequest.objects.exists()


@pytest.mark.parametrize("role", ["desk_operator", "marketing_user", "outsider"])
def test_it_keeps_other_staff_out(
    changed: list[str], role: str, request: pytest.FixtureRequest
) -> None:
    client = login(request.getfixturevalue(role))
    assert client.get(LIST).status_code == 403
    assert client.post(f"{DETAIL}send/").status_code == 403


def test_it_answers_404_for_a_version_that_changed_nothing_for_the_purpose(
    changed: list[str], officer: User
) -> None:
    client = login(officer)
    assert client.get(f"/console/reconsent/1/{ADDED}/").status_code == 404
    assert client.post("/console/reconsent/2/no-such-purpose/send/").status_code == 404
