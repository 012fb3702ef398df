"""The console's page of the other systems: each declared system in words (kind, who is
responsible, country), whether it can be reached now (never showing its URL or credentials),
and its latest scan, with undeclared special-care information as a finding for the officer,
who may start a scan after a confirmation."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems
from hogo.systems.models import ReachOutcome, SystemReach, SystemScan
from hogo.tests.systems import ALICE, URL_ENV

pytestmark = pytest.mark.django_db
PAGE = "/console/systems/"


@pytest.fixture
def every_kind(db: None) -> None:
    data = reference_data()
    data["systems"] = example_systems()
    policy_load(text=toml_dumps(data), note="test: one system of each kind")
    # The example's webhook host is on the internet: a kept result, so the page probes nothing
    # there (hogo/systems/tests/test_reach_probe.py probes a receiver on loopback).
    SystemReach.objects.create(
        system="event-system", checked_at=timezone.now(), outcome=ReachOutcome.UNKNOWN_HOST
    )


def staff(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.usefixtures("every_kind")
def test_it_shows_each_system_in_words_and_whether_it_is_reachable(
    shop_url: str, officer: User
) -> None:
    page = staff(officer).get(PAGE).content.decode()
    assert "会員データベース" in page
    assert "SQLデータベース（hogoが直接接続）" in page
    assert "接続できました" in page
    assert "宣言されたホスト：events.cc-link.org" in page
    assert "接続できません（ホスト名が見つかりません）" in page
    assert "手作業（担当者の作業）" in page
    assert "作業担当：窓口担当者" in page
    assert "未走査" in page
    assert shop_url not in page
    assert "/console/systems/" in staff(officer).get("/console/").content.decode()


@pytest.mark.usefixtures("every_kind")
def test_an_unreachable_database_is_shown_without_its_url_or_password(
    officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, "postgresql://hogo:s3cretpw@127.0.0.1:1/members")
    page = staff(officer).get(PAGE).content.decode()
    assert "接続できません" in page
    assert "s3cretpw" not in page
    assert "127.0.0.1:1" not in page


@pytest.mark.usefixtures("every_kind")
def test_the_officer_scans_after_a_confirmation_and_sees_the_finding(
    shop_url: str, officer: User
) -> None:
    client = staff(officer)
    asked = client.post("/console/systems/member-db/scan/")
    assert "走査" in asked.content.decode()
    assert not SystemScan.objects.exists()  # nothing before the confirmation
    page = client.post(
        "/console/systems/member-db/scan/", {"confirmed": "yes"}, follow=True
    ).content.decode()
    scan = SystemScan.objects.get()
    assert scan.ran_by == f"user:{officer.pk}"
    assert "個人情報保護管理者への指摘事項" in page
    assert "customers.notes：病歴・健康状態（要配慮個人情報。方針に宣言なし。" in page
    assert "olivia" in page  # who ran it, by name
    assert str(ALICE["notes"]) not in page


@pytest.mark.usefixtures("every_kind")
def test_an_auditor_reads_the_page_but_cannot_scan(shop_url: str, auditor: User) -> None:
    client = staff(auditor)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "今すぐ走査する" not in page.content.decode()
    assert client.post("/console/systems/member-db/scan/").status_code == 403


@pytest.mark.usefixtures("every_kind")
def test_staff_without_the_role_are_refused(desk_operator: User, outsider: User) -> None:
    assert staff(desk_operator).get(PAGE).status_code == 403
    assert staff(outsider).get(PAGE).status_code == 403
