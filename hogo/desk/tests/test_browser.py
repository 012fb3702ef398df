"""The privacy center in Chromium, in Japanese and English: a disclosure from the first page to
the password that opens the mailed attachment, a suspension that must be understood first, and
a correction; nothing is requested from any other host."""

import io
import json
from typing import TYPE_CHECKING, Any

import pikepdf
import pytest
from playwright.sync_api import expect

from hogo.desk.models import Case, CaseStatus
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, asked, person
from hogo.tests.mail import Inbox
from hogo.vault.models import Suspension

if TYPE_CHECKING:
    from playwright.sync_api import Page

BUTTON = {
    "start": {"ja": "請求する", "en": "Make this request"},
    "send": {"ja": "確認コードを送信", "en": "Send the confirmation code"},
    "verify": {"ja": "確認する", "en": "Confirm"},
}


def request_and_confirm(
    page: "Page", live_server: Any, inbox: Inbox, lang: str, kind: str, fill: dict[str, str]
) -> str:
    page.goto(f"{live_server.url}/{lang}/privacy-center/")
    page.locator(f"#kind-{kind}").get_by_role("link", name=BUTTON["start"][lang]).click()
    for field, value in fill.items():
        page.locator(f"#id_{field}").fill(value)
    page.get_by_role("button", name=BUTTON["send"][lang]).click()
    page.locator("#id_code").fill(inbox.code(HANAKO))
    page.get_by_role("button", name=BUTTON["verify"][lang]).click()
    expect(page.locator("#case-status")).to_have_attribute("data-status", "open")
    return Case.objects.get().ref


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_disclosure_goes_from_the_first_page_to_an_opened_attachment(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox, lang: str
) -> None:
    person()
    ref = request_and_confirm(page, live_server, inbox, lang, "disclosure", {"email": HANAKO})
    expect(page.locator("#case-status")).to_have_text(
        {"ja": "受付済み・確認中", "en": "Received, being reviewed"}[lang]
    )
    case_approve(actor=HANDLE, case_ref=ref)
    page.reload()
    expect(page.locator("#case-status")).to_have_attribute("data-status", "completed")
    expect(page.locator("li.step-succeeded")).to_have_count(2)
    password = page.locator("#zip-password").inner_text()
    [attachment] = list(inbox.last(HANAKO).iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    with pikepdf.open(io.BytesIO(attachment.get_content()), password=password) as document:
        data = json.loads(document.attachments["disclosure.json"].get_file().read_bytes())
    assert {i["value"] for i in data["items"]} == {HANAKO, "山田 花子", "三ツ星電機"}
    assert page.outside_requests == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_suspension_is_taken_only_once_the_person_understands(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox, lang: str
) -> None:
    subject_id = person()
    page.goto(f"{live_server.url}/{lang}/privacy-center/request/suspension/")
    expect(page.locator(".what-stops")).to_contain_text(
        active_policy.purposes["campaign-invitations-surveys"].title.get(lang)
    )
    page.locator("#id_email").fill(HANAKO)
    page.locator("#id_all_purposes").check()
    page.get_by_role("button", name=BUTTON["send"][lang]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert not inbox.messages

    page.locator("#id_understood").check()
    page.get_by_role("button", name=BUTTON["send"][lang]).click()
    page.locator("#id_code").fill(inbox.code(HANAKO))
    page.get_by_role("button", name=BUTTON["verify"][lang]).click()
    ref = Case.objects.get().ref
    case_approve(actor=HANDLE, case_ref=ref)
    page.reload()
    expect(page.locator("#case-status")).to_have_attribute("data-status", "completed")
    assert Suspension.objects.get(subject__ref=subject_id).purpose is None


def test_a_correction_is_asked_for_row_by_row(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox
) -> None:
    person()
    page.goto(f"{live_server.url}/en/privacy-center/request/correction/")
    page.locator("#id_email").fill(HANAKO)
    page.locator("#id_category_0").select_option("organization")
    page.locator("#id_value_0").fill("Hoshizora Denki")
    page.locator("#id_category_1").select_option("department")
    page.locator("#id_action_1_1").check()  # delete
    page.get_by_role("button", name=BUTTON["send"]["en"]).click()
    page.locator("#id_code").fill(inbox.code(HANAKO))
    page.get_by_role("button", name=BUTTON["verify"]["en"]).click()
    case = Case.objects.get()
    assert case.status == CaseStatus.OPEN
    assert asked(case)["changes"] == [
        {"category": "organization", "action": "set", "value": "Hoshizora Denki"},
        {"category": "department", "action": "delete", "value": ""},
    ]
