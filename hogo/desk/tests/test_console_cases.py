"""A case as the desk reads it, the confirmations before irreversible actions, bulk
assignment and the export, through the console's pages (the browser tests are in
test_console_browser.py)."""

import io

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from hogo.audit.models import AuditEvent
from hogo.desk.intake import Evidence, case_record
from hogo.desk.models import Case, CaseStatus
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, ORIGIN, inquirer, person, verified
from hogo.tests.mail import Inbox, committed
from hogo.vault.models import Subject, SubjectStatus

pytestmark = pytest.mark.django_db


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_of(client: Client, url: str, lang: str = "en") -> str:
    return client.get(url, headers={"accept-language": lang}).content.decode()


def test_the_case_says_who_is_asking_and_what_they_asked_in_words(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    subject = inquirer()
    case = verified(
        inbox,
        "correction",
        details={"changes": [{"category": "organization", "action": "set", "value": "星空電機"}]},
    )
    html = page_of(login(desk_operator), f"/console/desk/{case.ref}/")
    assert "山田 花子" in html
    assert HANAKO in html
    assert "Company or organization: correct or add it as “星空電機”." in html
    assert "{&#x27;" not in html
    assert "{'" not in html
    assert f"vault record {subject}" in html  # the id only as a secondary line
    # The name through the purpose-bound access, with the purpose of the request records.
    access = AuditEvent.objects.filter(action="vault.access").latest("seq")
    assert (access.actor, access.purpose) == (f"user:{desk_operator.pk}", "inquiry-response")
    assert access.subjects == [subject]


def test_it_says_why_no_name_is_shown(policy: Policy, inbox: Inbox, desk_operator: User) -> None:
    """A person whose data was not acquired for the desk's purpose: no name is opened."""
    person()
    case = verified(inbox, "purpose_notification")
    html = page_of(login(desk_operator), f"/console/desk/{case.ref}/")
    assert "山田" not in html
    assert "No acquisition allows this purpose" in html


def test_auditors_see_the_case_without_who_is_asking(
    policy: Policy, inbox: Inbox, auditor: User
) -> None:
    inquirer()
    case = verified(inbox, "purpose_notification")
    html = page_of(login(auditor), f"/console/desk/{case.ref}/")
    assert "山田" not in html
    assert HANAKO not in html
    assert "Shown to the desk only." in html


def test_it_shows_the_agent_and_the_documents_checked(policy: Policy, desk_operator: User) -> None:
    case = case_record(
        actor=f"user:{desk_operator.pk}",
        kind="purpose_notification",
        email="",
        language="ja",
        details={},
        received_at=__import__("django.utils.timezone").utils.timezone.now(),
        evidence=Evidence(
            document="passport",
            agent="legal_representative",
            authority_document="family_register",
            copy_destroyed=True,
        ),
        origin=ORIGIN,
    )
    html = page_of(login(desk_operator), f"/console/desk/{case.ref}/", "ja")
    assert "法定代理人" in html
    assert "旅券" in html or "パスポート" in html
    assert "確認者：daniel" in html
    assert "legal_representative" not in html


def test_steps_read_in_words(policy: Policy, inbox: Inbox, desk_operator: User) -> None:
    inquirer()
    case = verified(inbox, "purpose_notification")
    client = login(desk_operator)
    with committed():
        client.post(f"/console/desk/{case.ref}/approve/", {"confirmed": "yes"})
    html = page_of(client, f"/console/desk/{case.ref}/")
    assert "The purposes of 1 acquisition record: Responding to inquiries" in html
    assert "&#x27;acquisitions&#x27;" not in html


def test_approving_asks_first_and_says_what_will_happen(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    subject = inquirer()
    case = verified(inbox, "correction", details={"delete_all": True})
    client = login(desk_operator)
    asked = client.post(f"/console/desk/{case.ref}/approve/", headers={"accept-language": "en"})
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "The erasure of 山田 花子&#x27;s data in 1 acquisition records cannot be undone" in html
    assert 'name="confirmed" value="yes"' in html
    assert Case.objects.get(pk=case.pk).status == CaseStatus.OPEN  # nothing done yet
    japanese = client.post(f"/console/desk/{case.ref}/approve/").content.decode()
    assert "山田 花子さんの個人情報（取得記録1件）を消去します。" in japanese
    with committed():
        client.post(f"/console/desk/{case.ref}/approve/", {"confirmed": "yes"})
    assert Subject.objects.get(ref=subject).status == SubjectStatus.ERASED


def test_refusing_needs_a_chosen_ground_and_a_confirmation(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    case = verified(inbox, "disclosure")
    client = login(desk_operator)
    html = page_of(client, f"/console/desk/{case.ref}/")
    assert '<option value="" selected>— choose a ground —</option>' in html
    missing = client.post(f"/console/desk/{case.ref}/refuse/", {"reason": ""}, follow=True)
    assert "一覧から理由を選んでください。" in missing.content.decode()
    asked = client.post(
        f"/console/desk/{case.ref}/refuse/",
        {"reason": "identity", "explanation": "書類が不鮮明"},
        headers={"accept-language": "en"},
    ).content.decode()
    assert "Art. 37: identity or authority could not be confirmed" in asked
    assert "A refused request cannot be reopened." in asked
    assert 'name="explanation" value="書類が不鮮明"' in asked  # carried to the confirmation
    assert Case.objects.get(pk=case.pk).refusal_reason == ""
    with committed():
        client.post(
            f"/console/desk/{case.ref}/refuse/",
            {"reason": "identity", "explanation": "書類が不鮮明", "confirmed": "yes"},
        )
    assert Case.objects.get(pk=case.pk).refusal_reason == "identity"


def test_a_reply_asks_first_but_a_note_does_not(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    case = verified(inbox, "complaint", details={"topic": "question", "text": "?"})
    client = login(desk_operator)
    note = client.post(f"/console/desk/{case.ref}/note/", {"text": "Called back."})
    assert note.status_code == 302
    asked = client.post(f"/console/desk/{case.ref}/note/", {"text": "お答えします", "reply": "on"})
    assert "取り消せません" in asked.content.decode()
    assert case.notes.count() == 1


def test_action_pages_refuse_outsiders_and_unknown_cases(
    policy: Policy, inbox: Inbox, auditor: User, desk_operator: User
) -> None:
    case = verified(inbox, "purpose_notification")
    for url in ("approve", "refuse", "fee", "posted", "note"):
        assert login(auditor).post(f"/console/desk/{case.ref}/{url}/").status_code == 403
    lost = login(desk_operator).post("/console/desk/req_aaaaaaaaaaaaaaaa/approve/", follow=True)
    assert "req_aaaaaaaaaaaaaaaa" in lost.content.decode()
    assert lost.redirect_chain == [("/console/desk/", 302)]


def test_bulk_assignment_assigns_each_ticked_case(
    policy: Policy, inbox: Inbox, desk_operator: User, officer: User
) -> None:
    one = verified(inbox, "purpose_notification")
    two = verified(inbox, "purpose_notification", "b@example.jp")
    client = login(desk_operator)
    response = client.post(
        "/console/desk/assign/",
        {"cases": [one.ref, two.ref], "assignee": str(officer.pk), "back": "?kind=disclosure"},
    )
    assert response["Location"] == "/console/desk/?kind=disclosure"
    assert set(Case.objects.values_list("assignee", flat=True)) == {officer.pk}
    assert AuditEvent.objects.filter(action="desk.case.assign").count() == 2
    mine = page_of(login(officer), "/console/desk/?mine=on")
    assert one.ref in mine
    assert two.ref in mine
    assert "my cases" in mine
    nothing = client.post("/console/desk/assign/", {"assignee": ""}, follow=True)
    assert "先に請求を1件以上選択してください。" in nothing.content.decode()
    assert login(officer).get("/console/desk/assign/").status_code == 405


def test_the_email_search_is_posted_and_audited(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    case = verified(inbox, "purpose_notification")
    client = login(desk_operator)
    html = client.post("/console/desk/", {"email": HANAKO}).content.decode()
    assert case.ref in html
    found = AuditEvent.objects.filter(action="desk.case.find").latest("seq")
    assert found.detail == {"cases": 1}
    bad = client.post("/console/desk/", {"email": "not an address"}).content.decode()
    assert "not an address" not in bad.split('name="email"')[0]


def export(client: Client, **form: str) -> tuple[int, bytes]:
    data = {"start": "2000-01-01", "end": "2000-12-31", "file_format": "csv", **form}
    response = client.post("/console/desk/export/", data)
    return response.status_code, response.content


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_holds_no_personal_value_unless_the_officer_states_why(
    policy: Policy, inbox: Inbox, officer: User, desk_operator: User, file_format: str
) -> None:
    inquirer()
    case = verified(inbox, "purpose_notification")
    today = timezone.localdate(case.created_at).isoformat()
    period = {"start": today, "end": today, "file_format": file_format}

    def cells(content: bytes) -> str:
        if file_format == "csv":
            return content.decode("utf-8-sig")
        sheet = load_workbook(io.BytesIO(content)).active
        assert sheet is not None
        return "\n".join(
            ",".join(str(c or "") for c in row) for row in sheet.iter_rows(values_only=True)
        )

    status, plain = export(login(desk_operator), **period)
    assert status == 200
    text = cells(plain)
    assert case.ref in text
    assert HANAKO not in text
    assert "山田" not in text
    status, personal = export(login(officer), **period, purpose="audit")
    text = cells(personal)
    assert HANAKO in text
    assert "山田 花子" in text
    event = AuditEvent.objects.filter(action="desk.cases.export").latest("seq")
    assert event.detail["purpose"] == "audit"
    assert event.detail["personal"] is True
    refused = export(login(desk_operator), **period, purpose="audit")[1].decode()
    assert "only the privacy officer may export personal values" in refused


def test_the_export_refuses_a_backwards_period(policy: Policy, officer: User) -> None:
    status, content = export(login(officer), start="2026-05-02", end="2026-05-01")
    assert status == 200
    assert "end: must be on or after the start" in content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_neutralises_formulas(
    policy: Policy, inbox: Inbox, officer: User, file_format: str
) -> None:
    """A cell a spreadsheet would run (here a staff name starting with "=") stays text."""
    sly = User.objects.create_user("=HYPERLINK(1)", is_staff=True)
    case = verified(inbox, "purpose_notification")
    Case.objects.filter(pk=case.pk).update(assignee=sly)
    today = timezone.localdate(case.created_at).isoformat()
    status, content = export(login(officer), start=today, end=today, file_format=file_format)
    assert status == 200
    if file_format == "csv":
        assert "'=HYPERLINK(1)" in content.decode("utf-8-sig")
        return
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    cell = next(c for c in sheet[2] if "HYPERLINK" in str(c.value))
    assert (cell.data_type, cell.value) == ("s", "'=HYPERLINK(1)")
