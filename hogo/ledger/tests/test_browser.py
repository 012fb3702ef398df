"""The ledger in Chromium, in both languages: the page, its filters and its workbook (opened
with openpyxl: headers, frozen header row and counts against the data the test made).

With HOGO_SCREENSHOTS=DIR set, the page is also saved as DIR/ledger-<lang>.png (how the
screenshots in docs/screenshots/ are made)."""

import os
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from openpyxl import load_workbook

from hogo.policy.schema import Policy
from hogo.tests.ledger import EVENT_CHANNEL, INQUIRY_CHANNEL, population
from hogo.tests.vault import CAMPAIGN, INQUIRY

HEADERS = {
    "ja": {
        "利用目的別": ["利用目的", "個人情報の項目", "要配慮個人情報", "取得経路",
                       "保管するシステム", "保管場所（国）", "提供先・委託先", "保存期間",
                       "利用できる役割", "安全管理措置", "人数", "件数"],
        "項目別": ["個人情報の項目", "要配慮個人情報", "利用目的", "取得経路",
                   "保管するシステム", "保管場所（国）", "提供先・委託先", "保存期間",
                   "利用できる役割", "人数", "件数"],
        "取得経路別": ["取得経路", "取得方法", "利用目的", "個人情報の項目", "人数", "件数"],
        "提供先・委託先": ["提供先・委託先", "区分", "国", "根拠", "利用目的",
                           "個人情報の項目"],
        "安全管理措置": ["区分", "内容（個人情報保護方針の記載）"],
    },
    "en": {
        "By purpose": ["Purpose of use", "Personal information item", "Special-care",
                       "Channels that collect it", "Systems that hold it",
                       "Storage location (country)", "Recipients and contractors", "Retention",
                       "Roles that may read it", "Safety measures", "People held", "Items held"],
        "By category": ["Personal information item", "Special-care", "Purposes of use",
                        "Channels that collect it", "Systems that hold it",
                        "Storage location (country)", "Recipients and contractors", "Retention",
                        "Roles that may read it", "People held", "Items held"],
        "By channel": ["Channel", "How it collects", "Purposes of use",
                       "Personal information items", "People held", "Items held"],
        "Recipients": ["Recipient", "Kind", "Country", "On what basis", "Purposes of use",
                       "Personal information items"],
        "Safety measures": ["Measure", "As the policy states it"],
    },
}  # fmt: skip


def _log_in(page: Any, live_server: Any, lang: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    page.goto(live_server.url + "/console/ledger/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/console/ledger/")


def _cell(page: Any, table: str, key: str, column: str) -> int:
    return int(page.locator(f"#{table} tr[{key}] td.{column}").first.inner_text())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_officer_reads_the_ledger_and_downloads_its_workbook(
    lang: str, page: Any, live_server: Any, officer: User, policy: Policy, tmp_path: Path
) -> None:
    made = population()
    _log_in(page, live_server, lang)
    assert page.locator("h1").first.inner_text() == (
        "個人情報管理台帳" if lang == "ja" else "Personal information ledger"
    )
    row = f'data-purpose="{CAMPAIGN}"][data-category="email"'
    assert _cell(page, "by-purpose", row, "people") == made.campaign_people
    assert made.contractor in page.locator(f"#by-purpose tr[{row}]").inner_text()
    assert _cell(page, "by-channel", f'data-channel="{EVENT_CHANNEL}"', "items") == 9
    shots = os.environ.get("HOGO_SCREENSHOTS")
    if shots:
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.screenshot(path=str(Path(shots) / f"ledger-{lang}.png"), full_page=False)

    page.select_option("#id_purpose", INQUIRY)
    page.click("#ledger-filters input[type=submit]")
    page.wait_for_url("**purpose=" + INQUIRY + "*")
    purposes = {page.locator("#by-purpose tbody tr").nth(i).get_attribute("data-purpose")
                for i in range(page.locator("#by-purpose tbody tr").count())}  # fmt: skip
    assert purposes == {INQUIRY}
    page.select_option("#id_purpose", "")
    page.click("#ledger-filters input[type=submit]")

    with page.expect_download() as download:
        page.click("#ledger-download")
    path = tmp_path / "ledger.xlsx"
    download.value.save_as(path)
    book = load_workbook(path)
    assert book.sheetnames == list(HEADERS[lang])
    for name, headers in HEADERS[lang].items():
        sheet = book[name]
        assert [c.value for c in sheet[1]] == headers
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width >= 10
    by_purpose = book.worksheets[0]
    title = policy.purposes[CAMPAIGN].title.get(lang)
    email = policy.categories["email"].title.get(lang)
    [found] = [
        r for r in by_purpose.iter_rows(min_row=2, values_only=True) if r[:2] == (title, email)
    ]
    assert (found[10], found[11]) == (made.campaign_people, made.campaign_people)
    assert made.contractor in found[6]
    by_channel = book.worksheets[2]
    counts = {r[0]: (r[4], r[5]) for r in by_channel.iter_rows(min_row=2, values_only=True)}
    assert counts[policy.channels[EVENT_CHANNEL].title.get(lang)] == (3, 9)
    assert counts[policy.channels[INQUIRY_CHANNEL].title.get(lang)] == (2, 6)
    assert page.outside_requests == []
