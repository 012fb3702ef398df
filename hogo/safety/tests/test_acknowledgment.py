"""Staff acknowledge the active policy version and its handling rules before using the
console; a new version asks again; the records are kept and exported (issue 14, item 7)."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_text
from hogo.safety.models import Acknowledgment

pytestmark = pytest.mark.django_db
RULES = (
    "\n[handling_rules]\n"
    'text = { ja = "第1条 個人データは業務に必要な範囲でのみ扱う。", '
    'en = "Art. 1 Handle personal data only as far as the work needs." }\n'
)


def load(extra: str = "") -> int:
    return policy_load(text=reference_text() + RULES + extra, note="test").version.number


def signed_in(user: User, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def test_the_console_asks_first_and_lets_in_once_acknowledged(
    acknowledgment_gate: None, officer: User
) -> None:
    version = load()
    client = signed_in(officer)
    response = client.get("/console/safety/")
    assert response.status_code == 302
    assert response["Location"] == "/console/safety/acknowledge/?next=%2Fconsole%2Fsafety%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Art. 1 Handle personal data only as far as the work needs." in page
    assert f"/en/privacy/versions/{version}/" in page
    refused = client.post(
        "/console/safety/acknowledge/", {"version": version, "next": "/console/safety/"}
    )
    assert refused.status_code == 200  # the box was not ticked
    assert not Acknowledgment.objects.exists()
    done = client.post(
        "/console/safety/acknowledge/",
        {"version": version, "understood": "on", "next": "/console/safety/"},
    )
    assert done["Location"] == "/console/safety/"
    assert client.get("/console/safety/").status_code == 200
    record = Acknowledgment.objects.get()
    assert (record.user, record.policy_version) == (officer, version)
    assert len(record.rules_digest) == 64
    event = AuditEvent.objects.get(action="safety.acknowledgment.record")
    assert event.detail == {"user": f"user:{officer.pk}", "policy_version": version}


def test_a_new_version_asks_again_in_the_staff_members_language(
    acknowledgment_gate: None, desk_operator: User
) -> None:
    first = load()
    client = signed_in(desk_operator, "ja")
    client.post("/console/safety/acknowledge/", {"version": first, "understood": "on"})
    assert client.get("/console/desk/").status_code == 200
    load("\n[incidents]\npreliminary_report_days = 4\n")
    again = client.get("/console/desk/")
    assert again.status_code == 302
    page = client.get(again["Location"]).content.decode()
    assert "第1条 個人データは業務に必要な範囲でのみ扱う。" in page
    assert "取扱規程" in page


def test_an_old_version_cannot_be_acknowledged(acknowledgment_gate: None, officer: User) -> None:
    old = load()
    load("\n[incidents]\npreliminary_report_days = 4\n")
    response = signed_in(officer).post(
        "/console/safety/acknowledge/", {"version": old, "understood": "on"}
    )
    assert response.status_code == 200
    assert f"policy version {old} is not the active one" in response.content.decode()
    assert not Acknowledgment.objects.exists()


def test_log_in_log_out_and_the_api_are_not_gated(
    acknowledgment_gate: None, officer: User, api_as: Any
) -> None:
    load()
    assert Client().get("/console/admin/login/").status_code == 200
    assert signed_in(officer).post("/console/admin/logout/").status_code in (200, 302)
    assert api_as(officer).get("/api/v1/incidents/inc_aaaaaaaaaaaaaaaa").status_code == 404


def test_staff_without_a_role_acknowledge_too(acknowledgment_gate: None, outsider: User) -> None:
    version = load()
    client = signed_in(outsider)
    assert client.get("/console/admin/")["Location"].startswith("/console/safety/acknowledge/")
    client.post("/console/safety/acknowledge/", {"version": version, "understood": "on"})
    assert Acknowledgment.objects.filter(user=outsider).exists()


def test_the_officer_exports_the_records(
    acknowledgment_gate: None, officer: User, outsider: User
) -> None:
    version = load()
    for user in (officer, outsider):
        signed_in(user).post(
            "/console/safety/acknowledge/", {"version": version, "understood": "on"}
        )
    export = signed_in(officer).get("/console/safety/acknowledgments.csv")
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "user,username,policy_version,rules_digest,acknowledged_at"
    assert [line.split(",")[1] for line in lines[1:]] == ["olivia", "oscar"]
    assert signed_in(outsider).get("/console/safety/acknowledgments.csv").status_code == 403
