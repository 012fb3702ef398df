"""A manual system (a spreadsheet kept by hand) in a disclosure: the task waits in the console
with its due date, the desk uploads what it found there (sealed with the case, never a plain
file), records it done after a confirmation, and the file goes into the package; the role is
reminded of tasks due soon and overdue."""

import json
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hogo.desk.models import Case, CaseStatus, MailKind, OutboundMail, StepName, StepStatus
from hogo.desk.package import package_open
from hogo.desk.services import case_approve
from hogo.desk.system_reminders import system_tasks_remind
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems
from hogo.tests.desk import verified
from hogo.tests.mail import Inbox, committed
from hogo.vault.models import Note

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("master_key")]
SHEET = "seminar-sheet"
FOUND = (
    "氏名,メール,参加セミナー\r\n山田 花子,hanako.yamada@example.jp,2026-10 個人情報保護研修\r\n"
)


@pytest.fixture
def sheet_policy(db: None) -> None:
    data = reference_data()
    data["systems"] = [s for s in example_systems() if s["id"] == SHEET]
    policy_load(text=toml_dumps(data), note="test: a manual system")


def approved(inbox: Inbox) -> Case:
    case = verified(inbox, "disclosure")
    with committed():
        case_approve(actor="user:1", case_ref=case.ref)
    case.refresh_from_db()
    return case


def staff(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(client: Client, case: Case, name: str, content: bytes) -> str:
    answer = client.post(
        f"/console/desk/{case.ref}/system-upload/",
        {"system": SHEET, "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    return answer.content.decode()


@pytest.mark.usefixtures("sheet_policy")
def test_the_file_found_in_a_manual_system_goes_into_the_package(
    inbox: Inbox, desk_operator: User
) -> None:
    case = approved(inbox)
    assert case.status == CaseStatus.IN_PROGRESS
    step = case.steps.get(system=SHEET)
    assert (step.name, step.status) == (StepName.SYSTEM_FIND, StepStatus.WAITING)
    assert datetime.fromisoformat(step.result["due"]) <= case.due_at  # type: ignore[operator]
    client = staff(desk_operator)
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert "セミナー参加者一覧（表計算）での手作業" in page
    assert 'name="file"' in page

    shown = upload(client, case, "山田花子さんの行.csv", FOUND.encode())
    assert "CSV" in shown
    step.refresh_from_db()
    assert step.status == StepStatus.WAITING  # uploaded, not yet done
    kept = json.dumps(step.result, ensure_ascii=False)
    assert "山田" not in kept
    assert "hanako" not in kept
    sealed = Note.objects.filter(owner=case.ref, kind="system-upload")
    assert sealed.count() == 1
    assert b"hanako" not in bytes(sealed.get().sealed)

    with committed():
        client.post(
            f"/console/desk/{case.ref}/system-done/",
            {"system": SHEET, "note": "参加者一覧で1行見つけた", "confirmed": "yes"},
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    files = package_open(case.packages.get())
    assert files[f"system-{SHEET}-found.csv"] == FOUND.encode()
    section = json.loads(files[f"system-{SHEET}.json"])
    assert (section["title"], section["file"]) == (
        "セミナー参加者一覧（表計算）",
        f"system-{SHEET}-found.csv",
    )


@pytest.mark.usefixtures("sheet_policy")
def test_a_second_upload_replaces_the_first(inbox: Inbox, desk_operator: User) -> None:
    case = approved(inbox)
    client = staff(desk_operator)
    upload(client, case, "a.csv", FOUND.encode())
    upload(client, case, "b.json", json.dumps({"rows": 1}).encode())
    assert Note.objects.filter(owner=case.ref, kind="system-upload").count() == 1
    assert case.steps.get(system=SHEET).result["upload"]["type"] == "json"


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("found.pdf", b"just text", "PDF"),
        ("found.xlsx", b"PK\x03\x04 not a workbook", "XLSX"),
        ("found.json", b"{not json", "JSON"),
        ("found.exe", b"MZ", "CSV, xlsx, PDF or JSON"),
        ("found.csv", b"a" * 2_000_001, "2 MB"),
    ],
)
@pytest.mark.usefixtures("sheet_policy")
def test_it_refuses_a_file_that_is_not_what_it_says_and_keeps_nothing(
    inbox: Inbox, desk_operator: User, name: str, content: bytes, said: str
) -> None:
    case = approved(inbox)
    shown = upload(staff(desk_operator), case, name, content)
    assert said in shown
    assert "upload" not in case.steps.get(system=SHEET).result
    assert not Note.objects.filter(owner=case.ref, kind="system-upload").exists()


@pytest.mark.usefixtures("sheet_policy")
def test_done_without_a_file_says_the_package_holds_nothing_from_the_system(
    inbox: Inbox, desk_operator: User, outsider: User
) -> None:
    case = approved(inbox)
    asked = {"system": SHEET, "note": "該当なし"}
    page = staff(desk_operator).post(f"/console/desk/{case.ref}/system-done/", asked)
    assert "ファイルがアップロードされていません" in page.content.decode()
    assert case.steps.get(system=SHEET).status == StepStatus.WAITING  # nothing done yet
    refused = staff(outsider).post(
        f"/console/desk/{case.ref}/system-upload/",
        {"system": SHEET, "file": SimpleUploadedFile("a.csv", FOUND.encode())},
    )
    assert refused.status_code == 403


@pytest.mark.usefixtures("sheet_policy")
def test_the_role_is_reminded_of_a_task_due_soon_and_once_more_when_overdue(
    inbox: Inbox, desk_operator: User, officer: User
) -> None:
    desk_operator.email = "daniel@example.jp"
    desk_operator.save()
    officer.email = "olivia@example.jp"
    officer.save()
    case = approved(inbox)
    due = datetime.fromisoformat(case.steps.get(system=SHEET).result["due"])
    far = due - timedelta(days=3)
    assert system_tasks_remind(now=far) == 0  # not yet due soon

    soon = due - timedelta(days=1)
    assert system_tasks_remind(now=soon) == 1
    mail = OutboundMail.objects.get(kind=MailKind.REMINDER)
    assert mail.to == "daniel@example.jp"  # the declared role only: not the officer
    assert case.ref in mail.body
    assert "セミナー参加者一覧（表計算）" in mail.body
    assert "hanako" not in mail.body
    assert system_tasks_remind(now=soon + timedelta(hours=1)) == 0  # once a day

    late = due + timedelta(hours=1)
    assert system_tasks_remind(now=late) == 1
    overdue = OutboundMail.objects.filter(kind=MailKind.REMINDER).order_by("pk").last()
    assert overdue is not None
    assert "期限超過" in overdue.body
