"""The safety pages of the staff console: any staff member with a role reports; the officer
sees the clocks, triages and decides with a confirmation step; Japanese and English."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.models import Incident
from hogo.tests.safety import reported

pytestmark = pytest.mark.django_db


def browser_for(user: User, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def test_a_desk_operator_reports_an_incident_and_sees_no_other_incident(
    active_policy: Policy, desk_operator: User
) -> None:
    other = reported(timezone.now() - timedelta(hours=3), property_damage=True)
    client = browser_for(desk_operator)
    page = client.get("/console/safety/")
    assert page.status_code == 200
    assert other.ref not in page.content.decode()
    form = client.get("/console/safety/new/")
    assert "When the organization became aware (Japan time)" in form.content.decode()
    response = client.post(
        "/console/safety/new/",
        {
            "discovered_at": "2026-01-31T23:30",
            "summary": "A USB stick with the survey answers is missing.",
            "categories": ["email"],
            "other_categories": "survey answers",
            "systems": "survey tool",
            "people_estimate": "",
            "special_care": "unknown",
            "property_damage": "no",
            "unjust_purpose": "unknown",
        },
    )
    assert response.status_code == 302
    incident = Incident.objects.exclude(pk=other.pk).get()
    assert incident.discovered_at == datetime(2026, 1, 31, 23, 30, tzinfo=JST)
    assert incident.categories == ["email", "survey answers"]
    assert incident.people_estimate is None
    assert incident.reported_by == f"user:{desk_operator.pk}"
    assert incident.triggers() == ["special_care", "unjust_purpose", "over_1000"]


def test_staff_without_a_role_get_403(active_policy: Policy, outsider: User) -> None:
    client = browser_for(outsider)
    assert client.get("/console/safety/").status_code == 403
    assert client.get("/console/safety/new/").status_code == 403


def test_the_officer_sees_each_open_incidents_clock_in_words_and_local_time(
    active_policy: Policy, officer: User
) -> None:
    incident = reported(timezone.now() - timedelta(days=6), special_care=True)
    page = browser_for(officer).get("/console/safety/").content.decode()
    assert incident.ref in page
    assert "preliminary report: " in page
    assert "overdue by 1 day" in page  # day 1 was six days ago: the fifth ended a day ago
    assert "JST" in page
    assert "Special-care information is involved (Rule 7(i))" in page
    assert "special_care" not in page  # words, not ids
    japanese = browser_for(officer, "ja").get("/console/safety/").content.decode()
    assert "速報" in japanese
    assert "期限を1日超過" in japanese
    assert "（JST）" in japanese
    assert "要配慮個人情報が含まれる（規則第7条第1号）" in japanese


def test_the_override_asks_for_confirmation_then_records_and_audits(
    active_policy: Policy, officer: User
) -> None:
    incident = reported(timezone.now() - timedelta(days=1), people_estimate=None)
    client = browser_for(officer)
    answer = {"reportable": "no", "reason": "The laptop's disk is encrypted."}
    confirm = client.post(f"/console/safety/{incident.ref}/override/", answer)
    assert confirm.status_code == 200
    assert "Confirm the decision" in confirm.content.decode()
    assert "Reason: The laptop&#x27;s disk is encrypted." in confirm.content.decode()
    incident.refresh_from_db()
    assert incident.reportable_override is None  # nothing decided yet
    done = client.post(f"/console/safety/{incident.ref}/override/", {**answer, "confirmed": "1"})
    assert done.status_code == 302
    incident.refresh_from_db()
    assert incident.reportable is False
    assert AuditEvent.objects.filter(action="safety.incident.override").count() == 1
    detail = client.get(f"/console/safety/{incident.ref}/").content.decode()
    assert "decided by the officer" in detail
    assert "reportability decided by the officer (olivia)" in detail  # the timeline, in words
    assert "E-mail address" in detail  # the policy's title, not the category id


def test_the_triage_previews_the_classification_before_saving(
    active_policy: Policy, officer: User
) -> None:
    incident = reported(timezone.now() - timedelta(days=1), people_estimate=None)
    client = browser_for(officer)
    facts = {
        "categories": ["email"],
        "people_estimate": "30",
        "special_care": "no",
        "property_damage": "no",
        "unjust_purpose": "no",
        "cause": "Sent to the wrong address.",
    }
    confirm = client.post(f"/console/safety/{incident.ref}/triage/", facts)
    assert "Reportable to the PPC: no" in confirm.content.decode()
    assert Incident.objects.get(pk=incident.pk).cause == ""
    client.post(f"/console/safety/{incident.ref}/triage/", {**facts, "confirmed": "1"})
    saved = Incident.objects.get(pk=incident.pk)
    assert saved.cause == "Sent to the wrong address."
    assert saved.reportable is False


def test_the_auditor_looks_but_does_not_act(active_policy: Policy, auditor: User) -> None:
    incident = reported(timezone.now() - timedelta(days=1), property_damage=True)
    client = browser_for(auditor)
    assert client.get(f"/console/safety/{incident.ref}/").status_code == 200
    response = client.post(
        f"/console/safety/{incident.ref}/override/",
        {"reportable": "no", "reason": "x", "confirmed": "1"},
    )
    assert response.status_code == 403
    assert client.get(f"/console/safety/{incident.ref}/report/?stage=final").status_code == 403


def test_the_officer_downloads_the_draft_and_records_the_filing(
    active_policy: Policy, officer: User
) -> None:
    incident = reported(timezone.now() - timedelta(days=1), property_damage=True)
    client = browser_for(officer)
    text = client.get(f"/console/safety/{incident.ref}/report/?stage=preliminary&format=text")
    assert "（1）概要" in text.content.decode()
    client.post(f"/console/safety/{incident.ref}/file/", {"stage": "preliminary"})
    page = client.get("/console/safety/").content.decode()
    assert "filed " in page
    assert client.get("/console/safety/inc_aaaaaaaaaaaaaaaa/").status_code == 404
