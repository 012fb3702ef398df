"""The published notice in Chromium, in Japanese and English: the table of contents leads to
each section, every public form and the privacy center are one click away, and retention reads
in years."""

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from hogo.policy.schema import Policy

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CONTENTS = {"ja": "目次", "en": "Contents"}
CENTER = {"ja": "プライバシーセンターを開く", "en": "Go to the privacy center"}
CENTER_TITLE = {"ja": "プライバシーセンター", "en": "Privacy center"}
FORM_LINK = {"ja": "「{}」のフォームを開く", "en": "Open the form “{}”"}
RETENTION = {
    "ja": ["取得から3年（", "取得から5年（", "取得から10年（"],
    "en": ["3 years from acquisition", "5 years from acquisition", "10 years from acquisition"],
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_table_of_contents_leads_to_each_section(
    page: "Page", live_server: Any, active_policy: Policy, lang: str
) -> None:
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{live_server.url}/{lang}/privacy/")
    toc = page.get_by_role("navigation", name=CONTENTS[lang])
    links = toc.get_by_role("link").all()
    assert len(links) >= 8
    for link in links:
        anchor = link.get_attribute("href")
        assert anchor is not None
        assert anchor.startswith("#")
        link.click()
        expect(page).to_have_url(f"{live_server.url}/{lang}/privacy/{anchor}")
        target = page.locator(anchor)
        expect(target).to_be_in_viewport()
        expect(target).to_have_text(link.inner_text())
        page.evaluate("window.scrollTo(0, 0)")
    assert page.outside_requests == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_it_links_to_every_public_form_and_the_privacy_center(
    page: "Page", live_server: Any, active_policy: Policy, lang: str
) -> None:
    page.goto(f"{live_server.url}/{lang}/privacy/")
    public = [c for c in active_policy.channels.values() if c.public_form]
    for channel in public:
        section = page.locator(f"#channel-{channel.id}")
        name = FORM_LINK[lang].format(channel.title.get(lang))
        expect(section.get_by_role("link", name=name)).to_have_attribute(
            "href", f"/{lang}/forms/{channel.id}/"
        )
    for channel in active_policy.channels.values():
        if not channel.public_form:
            form_link = page.locator(f"#channel-{channel.id}").get_by_role(
                "link", name=FORM_LINK[lang]
            )
            expect(form_link).to_have_count(0)
    first = FORM_LINK[lang].format(public[0].title.get(lang))
    page.get_by_role("link", name=first).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(public[0].title.get(lang))

    page.goto(f"{live_server.url}/{lang}/privacy/")
    page.get_by_role("link", name=CENTER[lang]).first.click()
    expect(page).to_have_url(f"{live_server.url}/{lang}/privacy-center/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CENTER_TITLE[lang])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_it_shows_retention_in_years(
    page: "Page", live_server: Any, active_policy: Policy, lang: str
) -> None:
    page.goto(f"{live_server.url}/{lang}/privacy/")
    shown = page.locator("section.purpose dd").all_inner_texts()
    for period in RETENTION[lang]:
        assert any(text.startswith(period) for text in shown), period
    assert not any("1095" in text for text in shown)


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("ja-JP", "ja"), ("de-DE", "ja")])
def test_the_site_root_opens_the_notice_in_the_browsers_language(
    browser: "Browser", live_server: Any, active_policy: Policy, locale: str, lang: str
) -> None:
    context = browser.new_context(locale=locale)  # Chromium sends it as Accept-Language
    try:
        opened = context.new_page()
        opened.goto(f"{live_server.url}/")
        expect(opened).to_have_url(f"{live_server.url}/{lang}/privacy/")
        expect(opened.locator("html")).to_have_attribute("lang", lang)
    finally:
        context.close()
