"""A supplementary notice's page in Chromium, in Japanese and English, reached from the main
notice."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from hogo.policy.schema import Policy
from hogo.policy.tests.notice_helpers import NOTICE, NOTICE_ID, notice_policy_load

if TYPE_CHECKING:
    from playwright.sync_api import Page

SECTION = {
    "ja": "製品・ウェブサイト・イベントごとのお知らせ",
    "en": "Notices for individual products, websites and events",
}
VERSION = {"ja": "第1版（現行版）", "en": "Version 1 (current)"}
PURPOSES = {"ja": "利用目的", "en": "Purposes of use"}


@pytest.fixture
def notice_policy(transactional_db: None, tmp_path: Path) -> Policy:
    return notice_policy_load(tmp_path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_notice_page_opens_from_the_main_notice(
    page: "Page", live_server: Any, notice_policy: Policy, lang: str
) -> None:
    page.goto(f"{live_server.url}/{lang}/privacy/")
    section = page.get_by_role("region", name=SECTION[lang])
    section.get_by_role("link", name=NOTICE["title"][lang]).click()

    expect(page).to_have_url(f"{live_server.url}/{lang}/privacy/notices/{NOTICE_ID}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(NOTICE["title"][lang])
    expect(page.locator(".meta")).to_contain_text(VERSION[lang])
    purposes = page.get_by_role("region", name=PURPOSES[lang])
    campaign = notice_policy.purposes["campaign-invitations-surveys"].title.get(lang)
    expect(purposes.get_by_role("heading", level=3)).to_have_text(
        [campaign, *(p["title"][lang] for p in NOTICE["own_purposes"])]
    )
    assert page.outside_requests == []  # type: ignore[attr-defined]
