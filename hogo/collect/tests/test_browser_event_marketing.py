"""Registering for an event does not depend on agreeing to marketing (issue 21, item 9).

Under the Specified Electronic Mail Act's opt-in rule, consent to invitations and surveys must
not be a condition of registering: the event-registration form offers it as a separate,
optional, unticked box. In Chromium, one person registers without it and another with it; both
acquisitions record what was chosen, and marketing use is refused for the first person and
allowed for the second.
"""

from typing import TYPE_CHECKING, Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import expect

from hogo.collect.models import AcquisitionRecord
from hogo.collect.tests.test_browser import DONE, fill, open_form, submit
from hogo.consent.models import Consent, ConsentKind
from hogo.policy.schema import Policy

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

CHANNEL = "event-registration"
MARKETING = "campaign-invitations-surveys"
WITHOUT = {
    "name": "山田 花子",
    "email": "hanako@example.jp",
    "organization": "三星電機",
    "event": "CC-Link IE TSN セミナー 東京",
}
WITH = {
    "name": "佐藤 太郎",
    "email": "taro@example.jp",
    "organization": "三星電機",
    "event": "CC-Link IE TSN セミナー 東京",
}


def register(page: "Page", live_server: Any, values: dict[str, str], *, marketing: bool) -> None:
    open_form(page, live_server, CHANNEL, "ja")
    box = page.locator(f'input[name="consent_purpose"][value="{MARKETING}"]')
    expect(box).not_to_be_checked()  # never pre-ticked
    expect(page.locator(f'label[for="consent-{MARKETING}"]')).to_contain_text("任意")
    fill(page, values)
    if marketing:
        box.check()
    submit(page, "ja")
    expect(page.get_by_role("heading", level=1)).to_have_text(DONE["ja"])


def marketing_search(client: Client, email: str) -> dict[str, Any]:
    response = client.post(
        "/api/v1/subjects/search",
        {"email": email},
        content_type="application/json",
        headers={"X-Hogo-Purpose": MARKETING},
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_registering_works_without_marketing_consent_and_records_what_was_chosen(
    page: "Page",
    live_server: Any,
    active_policy: Policy,
    marketing_user: User,
    api_as: "Callable[[User], Client]",
) -> None:
    channel = active_policy.channels[CHANNEL]
    registering = [p for p in channel.purposes if not active_policy.purposes[p].consent_required]
    assert registering, "the channel needs a purpose that takes no consent"
    assert active_policy.purposes[MARKETING].marketing_mail

    register(page, live_server, WITHOUT, marketing=False)
    register(page, live_server, WITH, marketing=True)

    first, second = AcquisitionRecord.objects.order_by("id")
    assert first.purposes == registering
    assert first.consents == []
    assert second.purposes == [*registering, MARKETING]
    consent = Consent.objects.get()
    assert second.consents == [consent.ref]
    assert (consent.kind, consent.target) == (ConsentKind.PURPOSE, MARKETING)

    client = api_as(marketing_user)
    refused = marketing_search(client, WITHOUT["email"])
    assert refused["items"] == []
    assert [r["reason"] for r in refused["refused"]] == ["purpose_not_allowed"]
    allowed = marketing_search(client, WITH["email"])
    assert allowed["refused"] == []
    assert [i["identifiers"]["email"] for i in allowed["items"]] == [WITH["email"]]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_marketing_box_is_marked_optional(
    page: "Page", live_server: Any, active_policy: Policy, lang: str
) -> None:
    open_form(page, live_server, CHANNEL, lang)
    label = page.locator(f'label[for="consent-{MARKETING}"]')
    expect(label).to_contain_text("任意" if lang == "ja" else "Optional")
    # A channel whose only purpose needs consent keeps the box without the mark.
    open_form(page, live_server, "survey", lang)
    expect(page.locator(f'label[for="consent-{MARKETING}"] .tag')).to_have_count(0)
