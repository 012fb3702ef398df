import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.tests.vault import CAMPAIGN, INQUIRY, register
from hogo.vault.models import Subject

ADMIN = "/console/admin/vault/subject/"


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def subject(policy: Policy) -> Subject:
    register("tanaka@example.co.jp", name="田中 一郎")
    return Subject.objects.get()


def test_it_lists_subjects_masked(subject: Subject, officer: User) -> None:
    page = logged_in(officer).get(ADMIN).content.decode()
    assert subject.ref in page
    assert "t***@e***.co.jp" in page
    assert "田***" in page
    assert "tanaka" not in page
    assert "一郎" not in page


def test_it_shows_a_subject_without_values(subject: Subject, desk_operator: User) -> None:
    page = logged_in(desk_operator).get(f"{ADMIN}{subject.pk}/change/").content.decode()
    assert "organization" in page
    assert "Mitsuboshi" not in page
    assert "tanaka" not in page
    assert "利用目的を示して表示" in page  # the console speaks Japanese unless asked otherwise
    client = logged_in(desk_operator)
    english = client.get(f"{ADMIN}{subject.pk}/change/", headers={"accept-language": "en"})
    assert "Reveal for a stated purpose" in english.content.decode()


def test_it_reveals_values_for_a_stated_purpose_and_audits_it(
    subject: Subject, officer: User
) -> None:
    response = logged_in(officer).post(f"{ADMIN}{subject.pk}/reveal/", {"purpose": CAMPAIGN})
    assert response.status_code == 200
    assert "tanaka@example.co.jp" in response.content.decode()
    event = AuditEvent.objects.filter(action="vault.access").get()
    assert (event.purpose, event.subjects, event.detail["via"]) == (
        CAMPAIGN,
        [subject.ref],
        "console",
    )
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_it_refuses_a_reveal_the_records_do_not_allow(subject: Subject, officer: User) -> None:
    response = logged_in(officer).post(f"{ADMIN}{subject.pk}/reveal/", {"purpose": INQUIRY})
    page = response.content.decode()
    assert "purpose_not_allowed" in page
    assert "tanaka" not in page


def test_it_offers_only_the_purposes_of_the_role(subject: Subject, desk_operator: User) -> None:
    response = logged_in(desk_operator).post(f"{ADMIN}{subject.pk}/reveal/", {"purpose": CAMPAIGN})
    assert "tanaka" not in response.content.decode()
    assert not AuditEvent.objects.filter(action="vault.access").exists()
    page = logged_in(desk_operator).get(f"{ADMIN}{subject.pk}/reveal/").content.decode()
    assert INQUIRY in page
    assert CAMPAIGN not in page


def test_it_keeps_outsiders_and_marketing_out(
    subject: Subject, outsider: User, marketing_user: User
) -> None:
    for user in (outsider, marketing_user):
        client = logged_in(user)
        assert client.get(ADMIN).status_code == 403
        assert client.post(f"{ADMIN}{subject.pk}/reveal/", {"purpose": CAMPAIGN}).status_code == 403
