"""The staff page in the console: statistics for readers, records only for a typed consent id."""

from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.tests.site import Post

URL = "/console/admin/site/cookieconsent/"


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_officer_sees_statistics_but_no_list_of_visitors(
    post_choice: Post, officer: User
) -> None:
    consent_id = post_choice().json()["consent_id"]
    response = logged_in(officer).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cookie同意の統計" in page  # the console in its default language, Japanese
    assert "方法：すべて許可" in page  # each method in words, not its stored value
    assert "accept_all" not in page
    assert response.context["stats_all"].records == 1
    assert consent_id not in page


def test_the_officer_finds_a_visitors_choices_by_consent_id(
    post_choice: Post, officer: User
) -> None:
    consent_id = post_choice().json()["consent_id"]
    response = logged_in(officer).get(URL, {"q": consent_id})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list.values_list("consent_id", flat=True)) == [
        consent_id
    ]
    assert AuditEvent.objects.filter(action="site.consent.lookup").count() == 1


def test_a_malformed_or_unknown_id_shows_why_nothing_was_found(
    post_choice: Post, officer: User
) -> None:
    post_choice()
    client = logged_in(officer)
    bad = client.get(URL, {"q": "nope"}, follow=True)
    assert "同意IDは、英字、数字、-または_の22文字です。" in bad.content.decode()
    unknown = client.get(URL, {"q": "C" * 22}, follow=True)
    assert "この同意IDで記録されたCookieの選択はありません。" in unknown.content.decode()


def test_marketing_sees_statistics_but_cannot_look_up_visitors(
    post_choice: Post, marketing_user: User
) -> None:
    consent_id = post_choice().json()["consent_id"]
    response = logged_in(marketing_user).get(URL, {"q": consent_id})
    assert response.status_code == 200
    assert not response.context["cl"].result_list.exists()
    assert "同意IDの検索は、個人情報保護管理者" in response.content.decode()


def test_nobody_can_add_change_or_delete_records(post_choice: Post, officer: User) -> None:
    post_choice()
    client = logged_in(officer)
    assert client.get(f"{URL}add/").status_code == 403
    response = client.get(URL)
    assert response.context["has_add_permission"] is False


def test_the_outsider_is_refused(post_choice: Post, outsider: User) -> None:
    assert logged_in(outsider).get(URL).status_code == 403
