"""The published notice (/<lang>/privacy/) in Japanese and English, and its earlier versions."""

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import (
    FEE_PAYMENT,
    by_id,
    reference_data,
    toml_dumps,
    with_disclosure_fee,
)


class Outline(HTMLParser):
    """The page's lang attribute, heading levels and any script or inline style."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[int] = []
        self.scripts = 0
        self.inline_styles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "html":
            self.lang = names.get("lang") or ""
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self.scripts += tag == "script"
        self.inline_styles += tag == "style" or "style" in names


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_notice_covers_every_purpose_the_desk_and_article_32_items(
    client: Client, active_policy: Policy, lang: str
) -> None:
    html = page(client, f"/{lang}/privacy/")
    org = active_policy.organization
    desk = org.contact
    expected = [
        org.name.get(lang),
        org.address.get(lang),
        org.representative.get(lang),
        desk.name.get(lang),
        desk.email,
        desk.phone,
        desk.hours.get(lang),
        active_policy.safety.external_environment.statement.get(lang),
        active_policy.safety.technical.get(lang),
        active_policy.complaints.text.get(lang),
        *(p.title.get(lang) for p in active_policy.purposes.values()),
        *(k.title.get(lang) for k in active_policy.requests.kinds.values()),
        *(k.title.get(lang) for k in active_policy.provision.recipient_kinds.values()),
        *(c.title.get(lang) for c in active_policy.categories.values() if c.special_care),
        *(c.title.get(lang) for c in active_policy.cookies.categories.values()),
        *(c.title.get(lang) for c in active_policy.channels.values()),
    ]
    text = unescape(re.sub(r"\s+", " ", html))
    missing = [item for item in expected if item not in text]
    assert missing == []


def test_the_japanese_notice_shows_fees_deadline_and_sections(
    client: Client, active_policy: Policy
) -> None:
    html = page(client, "/ja/privacy/")
    assert outline(html).lang == "ja"
    for text in [
        "1 個人情報の取扱いに関する基本方針",
        "7 個人情報に関するお問合せ窓口",
        "無料",
        "ご本人確認の完了（手数料が必要な場合はその受領）から、原則として14日以内",
        "電磁的記録（メールへの添付）（特にご指定がない場合）",
        "取得から3年（経過後は速やかに消去します）",
        "第1版（現行版）｜公表日：",
        "5 個人情報の第三者提供について",
        "プライバシーセンター（個人情報に関するご請求・お問合せの受付ページ）",
        'href="/en/privacy/" hreflang="en" lang="en">English</a>',
    ]:
        assert text in html, text


def test_the_english_notice_shows_fees_deadline_and_sections(
    client: Client, active_policy: Policy
) -> None:
    html = page(client, "/en/privacy/")
    assert outline(html).lang == "en"
    for text in [
        "1 Basic Policy for the Handling of Personal Information",
        "7 Customer Service Desk for Personal Information Inquiries",
        "free",
        "within 14 days of confirming your identity (or of receiving the fee, where one is due)",
        "electronically, as an e-mail attachment (unless you choose otherwise)",
        "3 years from acquisition",
        "Version 1 (current) · Published: ",
        'href="/ja/privacy/" hreflang="ja" lang="ja">日本語</a>',
    ]:
        assert text in html, text


def test_the_notice_is_accessible_html_without_scripts_or_inline_styles(
    client: Client, active_policy: Policy
) -> None:
    response = client.get("/en/privacy/")
    shape = outline(response.content.decode())
    assert shape.headings.count(1) == 1
    assert shape.headings[0] == 1
    # No heading skips a level on the way down (h2 -> h4 would confuse screen readers).
    assert all(b - a <= 1 for a, b in zip(shape.headings, shape.headings[1:], strict=False))
    assert (shape.scripts, shape.inline_styles) == (0, 0)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert 'class="skip-link" href="#main"' in response.content.decode()


def changed_policy(mutate: Any) -> str:
    data = reference_data()
    mutate(data)
    return toml_dumps(data)


@pytest.mark.parametrize(
    ("lang", "fee", "payment_label"),
    [("ja", "1,000円", "手数料のお支払い"), ("en", "JPY 1,000", "Paying fees")],
)
def test_it_states_a_fee_and_how_to_pay_only_where_the_policy_sets_one(
    client: Client, active_policy: Policy, lang: str, fee: str, payment_label: str
) -> None:
    free = page(client, f"/{lang}/privacy/")
    assert fee not in free
    assert payment_label not in free

    policy_load(text=changed_policy(with_disclosure_fee))
    charged = page(client, f"/{lang}/privacy/")
    assert fee in charged
    assert payment_label in charged
    assert FEE_PAYMENT[lang] in charged


def test_earlier_versions_stay_published(client: Client, active_policy: Policy) -> None:
    # Seen before the change (each page is rendered once per process and version): afterwards
    # neither may show the old version as the current one.
    assert "Version 1 (current)" in page(client, "/en/privacy/")
    assert "This is an earlier version." not in page(client, "/en/privacy/versions/1/")
    policy_load(
        text=changed_policy(
            lambda d: by_id(d["purposes"], "inquiry-response")["title"].update(
                en="Answering your questions"
            )
        )
    )
    current = page(client, "/en/privacy/")
    assert "Answering your questions" in current
    assert "Version 2 (current)" in current

    earlier = page(client, "/en/privacy/versions/1/")
    assert "Responding to inquiries about our certified products and services" in earlier
    assert "Answering your questions" not in earlier
    assert "This is an earlier version." in earlier

    history = page(client, "/ja/privacy/versions/")
    assert 'href="/ja/privacy/versions/1/"' in history
    assert 'href="/ja/privacy/versions/2/"' in history


def test_an_unknown_version_is_not_found(client: Client, active_policy: Policy) -> None:
    assert client.get("/en/privacy/versions/9/").status_code == 404


@pytest.mark.django_db
def test_it_answers_503_until_a_policy_is_loaded(client: Client) -> None:
    response = client.get("/ja/privacy/")
    assert response.status_code == 503
    assert "現在ご覧いただけません" in response.content.decode()
    assert client.get("/en/privacy/versions/").status_code == 503


@pytest.mark.parametrize(
    ("accept", "where"),
    [
        ("en-US,en;q=0.9", "/en/privacy/"),
        ("en", "/en/privacy/"),
        ("ja,en-US;q=0.8", "/ja/privacy/"),
        ("fr-FR,fr;q=0.9", "/ja/privacy/"),
        ("", "/ja/privacy/"),
    ],
)
def test_it_sends_the_site_root_to_the_notice_in_the_browsers_language(
    client: Client, accept: str, where: str
) -> None:
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == where
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(("lang", "period"), [("ja", "取得から5年（"), ("en", "10 years from")])
def test_it_shows_retention_in_years(
    client: Client, active_policy: Policy, lang: str, period: str
) -> None:
    html = page(client, f"/{lang}/privacy/")
    assert period in html
    assert "1825" not in html
    assert "3650" not in html


def test_the_english_notice_uses_english_punctuation(client: Client, active_policy: Policy) -> None:
    html = page(client, "/en/privacy/")
    for mark in ("、", "（", "）", "："):
        assert mark not in html, mark


def test_the_site_root_follows_a_chosen_language_over_the_browsers(
    client: Client, settings: Any
) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", headers={"Accept-Language": "ja"})
    assert response["Location"] == "/en/privacy/"


@pytest.mark.parametrize(
    ("lang", "statutory", "added"),
    [
        (
            "ja",
            "<strong>社会的身分</strong>",
            "門地および所在都道府県以外の本籍地の情報（当協会の方針により同様に取り扱う情報）",
        ),
        (
            "en",
            "<strong>Social status</strong>",
            "Family lineage, and domicile of origin other than the prefecture (treated the same "
            "way under our own policy)",
        ),
    ],
)
def test_it_marks_the_items_the_policy_adds_to_a_statutory_category(
    client: Client, active_policy: Policy, lang: str, statutory: str, added: str
) -> None:
    """門地 and 本籍地 are the policy's own additions to 社会的身分 (review row 6)."""
    html = unescape(page(client, f"/{lang}/privacy/"))
    item = html[html.index(statutory) :].split("</li>", 1)[0]
    assert added in item


def test_the_japanese_notice_dates_read_as_japanese_dates(
    client: Client, active_policy: Policy
) -> None:
    html = page(client, "/ja/privacy/")
    assert re.search(r"公表日：<time datetime=\"[^\"]+\">\d{4}年\d{1,2}月\d{1,2}日</time>", html)
    assert not re.search(r">\d{4}-\d{2}-\d{2}<", html)
