"""Education in the console: the officer creates courses and records completions, everyone
sees their own trainings, the officer the overdue list (words and local dates, Japanese and
English), and the officer and auditors export the completions as xlsx."""

import io
from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook

from hogo.audit.models import AuditEvent
from hogo.roles import Role
from hogo.safety.clocks import JST
from hogo.safety.models import Completion, Course
from hogo.safety.services import completion_record
from hogo.tests.education import OFFICER, course

pytestmark = pytest.mark.django_db
CREATED = datetime(2025, 1, 10, 9, tzinfo=JST)


def browser_for(user: User, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def test_the_officer_creates_a_course_and_records_a_completion(
    officer: User, desk_operator: User
) -> None:
    client = browser_for(officer)
    response = client.post(
        "/console/safety/trainings/courses/new/",
        {
            "title": "Yearly handling training",
            "material": "Read the rules.",
            "material_url": "",
            "roles": [Role.DESK_OPERATOR.value],
            "cadence_months": "12",
        },
    )
    assert response.status_code == 302, response.content.decode()
    created = Course.objects.get()
    assert (created.roles, created.cadence_months) == (["desk_operator"], 12)
    page = client.get("/console/safety/trainings/").content.decode()
    assert "daniel" in page
    assert "not taken yet: due now" in page
    response = client.post(
        "/console/safety/trainings/record/",
        {
            "course": created.pk,
            "user": desk_operator.pk,
            "completed_on": "2025-03-01",
            "acknowledged": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    completion = Completion.objects.get()
    assert completion.recorded_by == f"user:{officer.pk}"
    assert AuditEvent.objects.filter(action="safety.completion.record").count() == 1


def test_a_completion_without_the_acknowledgment_is_refused(
    officer: User, desk_operator: User
) -> None:
    c = course(CREATED)
    response = browser_for(officer).post(
        "/console/safety/trainings/record/",
        {"course": c.pk, "user": desk_operator.pk, "completed_on": "2025-03-01"},
    )
    assert response.status_code == 200
    assert not Completion.objects.exists()


def test_staff_see_their_own_trainings_in_japanese_and_not_the_overdue_list(
    desk_operator: User, marketing_user: User
) -> None:
    c = course(CREATED)
    completion_record(
        actor=OFFICER,
        course=c,
        user=desk_operator,
        completed_on=date(2025, 2, 1),
        acknowledged=True,
    )
    page = browser_for(desk_operator, "ja").get("/console/safety/trainings/").content.decode()
    assert "自分の研修" in page
    assert "2025年2月1日" in page  # last taken
    assert "2026年2月1日" in page  # next due or overdue since, in words
    assert "overdue-trainings" not in page
    other = browser_for(marketing_user).get("/console/safety/trainings/").content.decode()
    assert "No course for your roles." in other
    assert browser_for(desk_operator).get("/console/safety/trainings/record/").status_code == 403
    assert (
        browser_for(desk_operator).get("/console/safety/trainings/completions.xlsx").status_code
        == 403
    )


def test_the_officer_sees_the_overdue_list_in_words(officer: User, desk_operator: User) -> None:
    c = course(CREATED, cadence=1)
    completion_record(
        actor=OFFICER,
        course=c,
        user=desk_operator,
        completed_on=date(2025, 1, 31),
        acknowledged=True,
    )
    page = browser_for(officer, "ja").get("/console/safety/trainings/").content.decode()
    assert "受講期限を過ぎた研修" in page
    assert "2025年2月28日から受講期限切れ" in page
    page = browser_for(officer).get("/console/safety/trainings/").content.decode()
    assert "overdue since February 28, 2025" in page


def test_the_export_reads_back_with_formulas_neutralised(
    officer: User, auditor: User, desk_operator: User
) -> None:
    c = course(CREATED)
    Course.objects.filter(pk=c.pk).update(title='=HYPERLINK("http://evil")')
    c.refresh_from_db()
    completion_record(
        actor=OFFICER,
        course=c,
        user=desk_operator,
        completed_on=date(2025, 2, 1),
        acknowledged=True,
    )
    response = browser_for(auditor).get("/console/safety/trainings/completions.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("course", "title", "user", "username", "completed_on")
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    assert rows[1][2:4] == (f"user:{desk_operator.pk}", "daniel")
    assert rows[1][4].date() == date(2025, 2, 1)  # a date cell
    assert rows[1][5] == "yes"
    assert len(rows) == 2


def test_the_officer_retires_a_course_and_it_leaves_the_overdue_list(
    officer: User, desk_operator: User
) -> None:
    c = course(CREATED)
    client = browser_for(officer)
    form = client.get(f"/console/safety/trainings/courses/{c.pk}/").content.decode()
    assert 'name="active"' in form
    assert "checked" in form
    response = client.post(
        f"/console/safety/trainings/courses/{c.pk}/",
        {
            "title": c.title,
            "material": c.material,
            "material_url": "",
            "roles": c.roles,
            "cadence_months": "6",
        },  # "active" left unticked
    )
    assert response.status_code == 302, response.content.decode()
    c.refresh_from_db()
    assert (c.active, c.cadence_months) == (False, 6)
    assert "Nobody is overdue." in client.get("/console/safety/trainings/").content.decode()
    assert AuditEvent.objects.filter(action="safety.course.update").count() == 1
    assert client.get("/console/safety/trainings/courses/999999/").status_code == 404
    assert (
        browser_for(desk_operator).get(f"/console/safety/trainings/courses/{c.pk}/").status_code
        == 403
    )
