"""The consent page in Chromium, in Japanese and English, opened from the mailed link: agree
(then withdraw through the link the page gives), and decline; the purpose opens and closes
for the vault's reads accordingly, and nothing is requested from any other host."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from hogo.policy.schema import Policy
from hogo.reconsent.services import requests_queue
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.reconsent import ACTOR, ADDED, HANAKO, ORIGIN, contract, speaks
from hogo.vault.access import subjects_access
from hogo.vault.records import RefusalReason

if TYPE_CHECKING:
    from playwright.sync_api import Page

BUTTON = {
    "agree": {"ja": "同意する", "en": "I agree"},
    "decline": {"ja": "同意しない", "en": "I do not agree"},
    "withdraw": {"ja": "同意を撤回する", "en": "Withdraw my consent"},
}
STATE = {
    "agreed": {"ja": "同意をいただきました", "en": "You agreed on"},
    "declined": {"ja": "「同意しない」とのご回答", "en": "you told us you do not agree"},
    "withdrawn": {"ja": "同意を撤回されました", "en": "You withdrew your consent"},
}
TITLE = {"ja": "認証製品に関する新着情報のご案内", "en": "News about certified products"}


def open_mailed_link(
    page: "Page", live_server: Any, inbox: Inbox, lang: str, load: Callable[[], Policy]
) -> str:
    subject_id = contract(HANAKO)
    speaks(subject_id, lang)
    load()
    with committed():
        requests_queue(actor=ACTOR, version=2, purpose=ADDED, origin=ORIGIN)
    link = next(w for w in body(inbox.last(HANAKO)).split() if "/consent/" in w)
    assert f"/{lang}/consent/" in link
    page.goto(link.replace(ORIGIN, live_server.url))
    expect(page.locator("#purpose-title")).to_contain_text(TITLE[lang])
    return subject_id


def refused(subject_id: str) -> list[RefusalReason]:
    result = subjects_access(actor=ACTOR, purpose=ADDED, subject_ids=[subject_id])
    return [r.reason for r in result.refused]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_person_agrees_and_later_withdraws(
    page: "Page",
    live_server: Any,
    inbox: Inbox,
    version_1: Policy,
    load_version_2: Callable[[], Policy],
    lang: str,
) -> None:
    subject_id = open_mailed_link(page, live_server, inbox, lang, load_version_2)
    assert refused(subject_id) == [RefusalReason.CONSENT_MISSING]
    page.get_by_role("button", name=BUTTON["agree"][lang]).click()
    expect(page.locator("#state")).to_contain_text(STATE["agreed"][lang])
    assert refused(subject_id) == []
    withdraw_link = page.locator("#keep a").get_attribute("href")
    assert withdraw_link
    assert f"/{lang}/consent/" in withdraw_link
    page.goto(withdraw_link)
    expect(page.get_by_role("button", name=BUTTON["agree"][lang])).to_have_count(0)
    page.get_by_role("button", name=BUTTON["withdraw"][lang]).click()
    expect(page.locator("#state")).to_contain_text(STATE["withdrawn"][lang])
    assert refused(subject_id) == [RefusalReason.CONSENT_MISSING]
    assert page.outside_requests == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_person_declines(
    page: "Page",
    live_server: Any,
    inbox: Inbox,
    version_1: Policy,
    load_version_2: Callable[[], Policy],
    lang: str,
) -> None:
    subject_id = open_mailed_link(page, live_server, inbox, lang, load_version_2)
    page.get_by_role("button", name=BUTTON["decline"][lang]).click()
    expect(page.locator("#state")).to_contain_text(STATE["declined"][lang])
    # Changing one's mind stays possible; declining again does not.
    expect(page.get_by_role("button", name=BUTTON["decline"][lang])).to_have_count(0)
    expect(page.get_by_role("button", name=BUTTON["agree"][lang])).to_be_visible()
    assert refused(subject_id) == [RefusalReason.CONSENT_MISSING]
    assert page.outside_requests == []  # type: ignore[attr-defined]
