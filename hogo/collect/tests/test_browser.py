"""Every public form in Chromium, in Japanese and English: submitted, refused for special-care
information, accepted with explicit consent, and with an optional field left empty."""

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from hogo.collect.models import AcquisitionRecord, InquiryCase, Member
from hogo.consent.models import Consent, ConsentKind
from hogo.policy.schema import Policy
from hogo.tests.mail import Inbox, body
from hogo.vault.models import Item, Subject

if TYPE_CHECKING:
    from playwright.sync_api import Page

FILLED: dict[str, dict[str, str]] = {
    "event-registration": {
        "name": "山田 花子",
        "email": "hanako@example.jp",
        "organization": "三星電機",
        "event": "CC-Link IE TSN seminar",
    },
    "survey": {"email": "hanako@example.jp", "answer": "Very useful, thank you."},
    "member-registration": {
        "name": "Hanako Yamada",
        "email": "hanako@example.jp",
        "organization": "Mitsuboshi Denki",
        "country": "Japan",
    },
    "inquiry": {
        "name": "Hanako Yamada",
        "email": "hanako@example.jp",
        "message": "How long does conformance testing take?",
    },
}
DONE = {"ja": "送信しました", "en": "Thank you"}


def open_form(page: "Page", live_server: Any, channel: str, lang: str) -> None:
    page.goto(f"{live_server.url}/{lang}/forms/{channel}/")


def fill(page: "Page", values: dict[str, str]) -> None:
    for field, value in values.items():
        page.locator(f"#id_{field}").fill(value)


def consent_to_purposes(page: "Page") -> None:
    for box in page.locator('input[name="consent_purpose"]').all():
        box.check()


def submit(page: "Page", lang: str) -> None:
    page.get_by_role("button", name="送信する" if lang == "ja" else "Submit").click()


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("channel", list(FILLED))
def test_each_form_can_be_submitted(
    page: "Page", live_server: Any, active_policy: Policy, channel: str, lang: str
) -> None:
    open_form(page, live_server, channel, lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        active_policy.channels[channel].title.get(lang)
    )
    fill(page, FILLED[channel])
    consent_to_purposes(page)
    submit(page, lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(DONE[lang])
    record = AcquisitionRecord.objects.get()
    assert (record.channel, record.lang) == (channel, lang)
    if channel == "member-registration":
        assert Member.objects.count() == 1
    assert page.outside_requests == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_special_care_is_refused_then_accepted_with_explicit_consent(
    page: "Page", live_server: Any, active_policy: Policy, lang: str
) -> None:
    needs = {
        "ja": "糖尿病のため、糖質制限食をお願いします。",
        "en": "I have diabetes; a low-sugar meal, please.",
    }[lang]
    open_form(page, live_server, "event-registration", lang)
    fill(page, {**FILLED["event-registration"], "special_requirements": needs})
    consent_to_purposes(page)
    submit(page, lang)

    alert = page.locator("#special-care")
    expect(alert).to_contain_text("健康・病歴" if lang == "ja" else "Health and medical history")
    assert Subject.objects.count() == 0
    expect(page.locator("#id_special_requirements")).to_have_value(needs)

    page.locator('input[name="consent_special_care"][value="health"]').check()
    submit(page, lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(DONE[lang])
    item = Item.objects.get(field="special_requirements")
    assert item.special_care is True
    assert Consent.objects.get(kind=ConsentKind.SPECIAL_CARE).ref == item.consent_ref


def test_special_care_must_be_removed_where_it_cannot_be_accepted(
    page: "Page", live_server: Any, active_policy: Policy
) -> None:
    open_form(page, live_server, "inquiry", "en")
    fill(page, {**FILLED["inquiry"], "message": "I am HIV positive. Is the venue accessible?"})
    submit(page, "en")
    expect(page.locator("#special-care")).to_contain_text("Please remove it")
    expect(page.locator('input[name="consent_special_care"]')).to_have_count(0)
    assert Subject.objects.count() == 0

    page.locator("#id_message").fill("Is the venue accessible by train?")
    submit(page, "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")


def test_an_optional_field_can_be_left_empty(
    page: "Page", live_server: Any, active_policy: Policy
) -> None:
    open_form(page, live_server, "inquiry", "ja")
    expect(page.get_by_label("電話番号")).to_have_attribute("aria-describedby", "hint-phone")
    expect(page.locator("#hint-phone")).to_have_text("空欄の場合、回答はメールのみでお送りします。")
    fill(page, FILLED["inquiry"])
    submit(page, "ja")
    expect(page.get_by_role("heading", level=1)).to_have_text(DONE["ja"])
    assert "phone" not in AcquisitionRecord.objects.get().fields


def test_a_missing_required_field_is_explained_next_to_it(
    page: "Page", live_server: Any, active_policy: Policy
) -> None:
    """The browser's own check is bypassed (as an old browser would): the server explains."""
    open_form(page, live_server, "inquiry", "en")
    page.locator("form.channel-form").evaluate("form => form.noValidate = true")
    fill(page, {**FILLED["inquiry"], "name": ""})
    submit(page, "en")
    expect(page.locator("#error-name")).to_have_text("This field is required.")
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    assert Subject.objects.count() == 0


RECEIPT = {
    "ja": ("受付番号", "受付のお知らせ：", "プライバシーセンターを開く"),
    "en": ("Reference number", "Received: ", "Go to the privacy center"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("channel", ["event-registration", "inquiry"])
def test_the_thanks_page_and_the_mail_give_the_reference_number(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox, channel: str, lang: str
) -> None:
    number, subject, center = RECEIPT[lang]
    open_form(page, live_server, channel, lang)
    fill(page, FILLED[channel])
    consent_to_purposes(page)
    submit(page, lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(DONE[lang])
    record = AcquisitionRecord.objects.get()
    ref = InquiryCase.objects.get().ref if channel == "inquiry" else record.ref
    expect(page.locator("dl.receipt")).to_contain_text(number)
    expect(page.locator("#reference")).to_have_text(ref)
    expect(page.get_by_role("link", name=center)).to_have_attribute(
        "href", f"/{lang}/privacy-center/"
    )
    [message] = inbox.to(FILLED[channel]["email"])  # delivered on commit, before the redirect
    assert str(message["Subject"]).strip().startswith(subject)
    assert ref in str(message["Subject"])
    assert ref in body(message)
    assert record.subject.ref not in body(message)
    assert page.outside_requests == []  # type: ignore[attr-defined]
