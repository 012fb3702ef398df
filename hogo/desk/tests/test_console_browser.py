"""The desk's console pages in Chromium, in Japanese and English: the case with who is asking,
approving and refusing through their confirmation pages, the search by address (posted, never
in a URL or a log), bulk assignment and the operator's own queue, the export opened with
openpyxl, and an accessibility check (axe-core) of the queue and a case. With
HOGO_SCREENSHOTS=1 the accessibility and approval tests also save the pages to
docs/screenshots/."""

import csv
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from openpyxl import load_workbook
from playwright.sync_api import expect

from hogo.desk.models import Case, CaseStatus
from hogo.policy.schema import Policy
from hogo.tests.axe import axe_violations
from hogo.tests.desk import HANAKO, inquirer, verified
from hogo.tests.mail import Inbox
from hogo.vault.models import Subject, SubjectStatus

if TYPE_CHECKING:
    from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
WORDS = {
    "ja": {
        "erasure": "山田 花子さんの個人情報（取得記録1件）を消去します。",
        "refused": "拒否した請求は再開できません。",
        "choose": "― 理由を選択してください ―",
        "header": "受付番号",
        "mine": "請求デスク：自分の担当案件",
    },
    "en": {
        "erasure": "The erasure of 山田 花子's data in 1 acquisition records cannot be undone",
        "refused": "A refused request cannot be reopened.",
        "choose": "— choose a ground —",
        "header": "Request number",
        "mine": "Request desk: my cases",
    },
}


def signed_in(page: "Page", live_server: Any, user: User, lang: str) -> "Page":
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.context.set_extra_http_headers({"Accept-Language": lang})
    return page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_approving_an_erasure_goes_through_its_confirmation(
    page: "Page",
    live_server: Any,
    active_policy: Policy,
    inbox: Inbox,
    desk_operator: User,
    lang: str,
) -> None:
    subject = inquirer()
    case = verified(inbox, "correction", details={"delete_all": True}, language=lang)
    signed_in(page, live_server, desk_operator, lang)
    page.goto(f"{live_server.url}/console/desk/{case.ref}/")
    expect(page.locator("#requester-name")).to_contain_text("山田 花子")
    expect(page.locator("#requester-email")).to_have_text(HANAKO)
    page.locator("#approve").click()
    expect(page.locator("#consequences")).to_contain_text(WORDS[lang]["erasure"])
    if os.environ.get("HOGO_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOTS / f"desk-confirm-{lang}.png"))
    page.locator("#cancel").click()
    assert Case.objects.get(pk=case.pk).status == CaseStatus.OPEN
    page.locator("#approve").click()
    page.locator("#confirm-button").click()
    expect(page.locator("#status")).to_contain_text({"ja": "完了", "en": "Completed"}[lang])
    assert Subject.objects.get(ref=subject).status == SubjectStatus.ERASED
    assert page.outside_requests == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_refusing_needs_a_ground_and_a_confirmation(
    page: "Page",
    live_server: Any,
    active_policy: Policy,
    inbox: Inbox,
    desk_operator: User,
    lang: str,
) -> None:
    case = verified(inbox, "disclosure")
    signed_in(page, live_server, desk_operator, lang)
    page.goto(f"{live_server.url}/console/desk/{case.ref}/")
    reason = page.locator("#id_reason")
    expect(reason).to_have_value("")
    expect(reason.locator("option").first).to_have_text(WORDS[lang]["choose"])
    page.locator("#refuse").click()  # the browser asks for a ground first (required)
    assert page.url.endswith(f"/console/desk/{case.ref}/")
    reason.select_option("identity")
    page.locator("#refuse").click()
    expect(page.locator("#consequences")).to_contain_text(WORDS[lang]["refused"])
    assert Case.objects.get(pk=case.pk).refusal_reason == ""
    page.locator("#confirm-button").click()
    expect(page.locator("#refusal")).to_be_visible()
    assert Case.objects.get(pk=case.pk).refusal_reason == "identity"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_search_by_address_is_posted_and_leaves_no_trace_in_urls(
    page: "Page",
    live_server: Any,
    active_policy: Policy,
    inbox: Inbox,
    desk_operator: User,
    lang: str,
) -> None:
    """The address goes in a POST body only: no request URL carries it, and no log record
    either (the autouse `no_personal_data_in_logs` check reads the live server's logs)."""
    case = verified(inbox, "purpose_notification")
    verified(inbox, "purpose_notification", "b@example.jp")
    signed_in(page, live_server, desk_operator, lang)
    sent: list[tuple[str, str]] = []
    page.on("request", lambda r: sent.append((r.method, r.url)))
    page.goto(f"{live_server.url}/console/desk/")
    page.locator("#id_email").fill(HANAKO)
    with page.expect_request(lambda r: r.method == "POST") as posted:
        page.locator("#find button").click()
    assert "hanako" in (posted.value.post_data or "")
    rows = page.locator("#queue tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-ref", case.ref)
    assert sent
    assert not [url for _, url in sent if "hanako" in url.lower()]
    assert "hanako" not in page.url.lower()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_bulk_assignment_fills_the_operators_own_queue(
    page: "Page",
    live_server: Any,
    active_policy: Policy,
    inbox: Inbox,
    desk_operator: User,
    lang: str,
) -> None:
    one = verified(inbox, "purpose_notification")
    two = verified(inbox, "purpose_notification", "b@example.jp")
    verified(inbox, "purpose_notification", "c@example.jp")
    signed_in(page, live_server, desk_operator, lang)
    page.goto(f"{live_server.url}/console/desk/")
    page.locator(f"#pick-{one.ref}").check()
    page.locator(f"#pick-{two.ref}").check()
    page.locator("#bulk-assignee").select_option(str(desk_operator.pk))
    page.locator("#bulk-assign").click()
    expect(page.locator("ul.messagelist")).to_be_visible()
    page.locator("#my-cases").click()
    page.wait_for_url("**/console/desk/?mine=on")  # a loaded CI machine takes its time
    expect(page.locator("h1")).to_have_text(WORDS[lang]["mine"])
    refs = page.locator("#queue tbody tr").evaluate_all("rows => rows.map(r => r.dataset.ref)")
    assert sorted(refs) == sorted([one.ref, two.ref])


def download(page: "Page", file_format: str, purpose: str = "") -> bytes:
    page.locator(f"input[name=file_format][value={file_format}]").check()
    if purpose:
        page.locator("#id_purpose").select_option(purpose)
    with page.expect_download() as made:
        page.locator("#export").click()
    return Path(made.value.path()).read_bytes()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_export_opens_with_and_without_personal_values(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox, officer: User, lang: str
) -> None:
    inquirer()
    case = verified(inbox, "purpose_notification")
    signed_in(page, live_server, officer, lang)
    page.goto(f"{live_server.url}/console/desk/export/")
    plain = list(csv.reader(io.StringIO(download(page, "csv").decode("utf-8-sig"))))
    assert plain[0][0] == WORDS[lang]["header"]
    assert [row[0] for row in plain[1:]] == [case.ref]
    assert HANAKO not in str(plain)
    book = load_workbook(io.BytesIO(download(page, "xlsx", purpose="audit")))
    sheet = book.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == WORDS[lang]["header"]
    assert sheet.freeze_panes == "A2"
    assert rows[1][0] == case.ref
    assert HANAKO in rows[1]
    assert "山田 花子" in rows[1]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_queue_and_a_case_pass_the_accessibility_check(
    page: "Page",
    live_server: Any,
    active_policy: Policy,
    inbox: Inbox,
    desk_operator: User,
    lang: str,
) -> None:
    inquirer()
    case = verified(
        inbox,
        "correction",
        details={"changes": [{"category": "organization", "action": "set", "value": "星空電機"}]},
    )
    verified(inbox, "complaint", "b@example.jp", {"topic": "question", "text": "退会の方法は？"})
    signed_in(page, live_server, desk_operator, lang)
    page.set_viewport_size({"width": 1280, "height": 900})
    for name, path in (("queue", "/console/desk/"), ("case", f"/console/desk/{case.ref}/")):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], name
        if os.environ.get("HOGO_SCREENSHOTS"):
            page.screenshot(path=str(SCREENSHOTS / f"desk-{name}-{lang}.png"), full_page=True)


def test_the_accessibility_check_catches_a_violation(page: "Page", live_server: Any) -> None:
    """The helper itself: an image without a text alternative is a critical violation."""
    page.goto(f"{live_server.url}/console/")
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
