"""A form whose channel names a supplementary notice, in Chromium: the notice is on the page
before the submit button, and the record keeps the version shown."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from hogo.collect.models import AcquisitionRecord
from hogo.collect.tests.test_browser import DONE, FILLED, consent_to_purposes, fill, submit
from hogo.policy.schema import Policy
from hogo.policy.tests.notice_helpers import CHANNEL, NOTICE, NOTICE_ID, notice_policy_load

if TYPE_CHECKING:
    from playwright.sync_api import Page


@pytest.fixture
def notice_policy(transactional_db: None, tmp_path: Path) -> Policy:
    return notice_policy_load(tmp_path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_form_shows_the_notice_before_the_submit_button(
    page: "Page", live_server: Any, notice_policy: Policy, lang: str
) -> None:
    page.goto(f"{live_server.url}/{lang}/forms/{CHANNEL}/")
    notice = page.get_by_role("region", name=NOTICE["title"][lang])
    expect(notice).to_be_visible()
    for purpose in NOTICE["own_purposes"]:
        expect(notice).to_contain_text(purpose["title"][lang])
    link = notice.get_by_role("link")
    expect(link).to_have_attribute("href", f"/{lang}/privacy/notices/{NOTICE_ID}/versions/1/")
    # The notice comes before the button in the page (and so in reading and tab order).
    button = page.get_by_role("button", name="送信する" if lang == "ja" else "Submit")
    order = notice.evaluate(
        "(notice, button) => notice.compareDocumentPosition(button)"
        " & Node.DOCUMENT_POSITION_FOLLOWING",
        button.element_handle(),
    )
    assert order

    fill(page, FILLED[CHANNEL])
    consent_to_purposes(page)
    submit(page, lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(DONE[lang])
    record = AcquisitionRecord.objects.get()
    assert (record.supplementary_notice, record.supplementary_notice_version) == (NOTICE_ID, 1)

    page.goto(f"{live_server.url}/{lang}/forms/{CHANNEL}/")
    page.get_by_role("region", name=NOTICE["title"][lang]).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NOTICE["title"][lang])
    assert page.outside_requests == []  # type: ignore[attr-defined]
