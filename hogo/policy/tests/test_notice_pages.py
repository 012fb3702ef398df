"""Supplementary notices published at /<lang>/privacy/notices/<id>/, linked from the main
notice, with their own version history."""

import copy
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_text
from hogo.policy.tests.notice_helpers import (
    CHANNEL,
    NOTICE,
    NOTICE_ID,
    notice_policy_load,
    notice_policy_text,
)
from hogo.policy.tests.test_notice import outline, page

pytestmark = pytest.mark.django_db
URL = f"/{{lang}}/privacy/notices/{NOTICE_ID}/"


@pytest.fixture
def notice_policy(tmp_path: Path) -> Policy:
    return notice_policy_load(tmp_path)


def text_of(client: Client, url: str) -> str:
    return unescape(page(client, url))


def test_the_japanese_page_shows_the_notice_its_purposes_and_version(
    client: Client, notice_policy: Policy
) -> None:
    html = text_of(client, URL.format(lang="ja"))
    assert "<h1>TSN展示会のご案内</h1>" in html
    assert "第1版（現行版）" in html
    assert "対象</dt>\n    <dd>イベント" in html
    assert "展示会のご来場登録でいただいた情報の取扱いについて" in html
    main = notice_policy.purposes["campaign-invitations-surveys"]
    assert main.title.ja in html
    assert 'href="/ja/privacy/#purpose-campaign-invitations-surveys"' in html
    assert "ご来場ブースからのご連絡" in html
    assert f"「{main.title.ja}」と関連する利用目的です。" in html
    # Related to a purpose used only with consent, it is used only with consent too.
    booth = html[html.index("ご来場ブースからのご連絡") : html.index("展示会ニュースの配信")]
    assert "ご本人の同意をいただいた場合に限り利用します" in booth
    assert "展示会ニュースの配信" in html
    assert "ご本人の同意をいただいた場合に限り利用します。" in html
    assert "取得から1年" in html
    assert outline(html).lang == "ja"


def test_the_english_page_shows_the_notice_its_purposes_and_version(
    client: Client, notice_policy: Policy
) -> None:
    html = text_of(client, URL.format(lang="en"))
    assert "<h1>The TSN Expo</h1>" in html
    assert "Version 1 (current)" in html
    assert "an event" in html
    assert "Follow-up from booths you visited" in html
    assert "Beyond the purposes of our main notice: used only with your consent." in html
    assert "6 months from acquisition" in html
    assert 'href="/en/privacy/"' in html
    page_outline = outline(html)
    assert page_outline.lang == "en"
    assert page_outline.headings[0] == 1
    assert page_outline.scripts == page_outline.inline_styles == 0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_main_notice_links_to_each_notice(
    client: Client, notice_policy: Policy, lang: str
) -> None:
    html = text_of(client, f"/{lang}/privacy/")
    assert f'href="/{lang}/privacy/notices/{NOTICE_ID}/"' in html
    assert NOTICE["title"][lang] in html
    heading = {"ja": "製品・ウェブサイト・イベントごとのお知らせ", "en": "Notices for individual"}
    assert heading[lang] in html


def test_the_main_notice_lists_no_notices_when_the_policy_declares_none(
    client: Client, active_policy: Policy
) -> None:
    html = text_of(client, "/ja/privacy/")
    assert "/privacy/notices/" not in html
    assert "ごとのお知らせ" not in html


def test_an_unknown_notice_is_not_found(client: Client, notice_policy: Policy) -> None:
    assert client.get("/ja/privacy/notices/no-such-notice/").status_code == 404
    assert client.get("/en/privacy/notices/no-such-notice/versions/").status_code == 404
    assert client.get(f"/en/privacy/notices/{NOTICE_ID}/versions/7/").status_code == 404


def test_earlier_versions_of_a_notice_stay_published(client: Client, notice_policy: Policy) -> None:
    changed: dict[str, Any] = copy.deepcopy(NOTICE)
    changed.update(version=2, title={"ja": "TSN展示会2027のご案内", "en": "The TSN Expo 2027"})
    policy_load(text=notice_policy_text(changed))
    current = text_of(client, URL.format(lang="en"))
    assert "<h1>The TSN Expo 2027</h1>" in current
    assert "Version 2 (current)" in current
    earlier = text_of(client, f"/en/privacy/notices/{NOTICE_ID}/versions/1/")
    assert "<h1>The TSN Expo</h1>" in earlier
    assert "This is an earlier version of this notice." in earlier
    # Its purposes link to the main notice it was published with.
    assert 'href="/en/privacy/versions/1/#purpose-campaign-invitations-surveys"' in earlier
    history = text_of(client, f"/ja/privacy/notices/{NOTICE_ID}/versions/")
    assert f'href="/ja/privacy/notices/{NOTICE_ID}/versions/1/"' in history
    assert f'href="/ja/privacy/notices/{NOTICE_ID}/versions/2/"' in history
    # The main notice's earlier version links to the notice version it carried.
    main_earlier = text_of(client, "/ja/privacy/versions/1/")
    assert f'href="/ja/privacy/notices/{NOTICE_ID}/versions/1/"' in main_earlier


def test_a_withdrawn_notice_keeps_its_versions_but_has_no_current_page(
    client: Client, notice_policy: Policy
) -> None:
    policy_load(text=reference_text())
    assert client.get(URL.format(lang="ja")).status_code == 404
    earlier = text_of(client, f"/ja/privacy/notices/{NOTICE_ID}/versions/1/")
    assert "このお知らせは現在の方針には含まれていません。" in earlier


def test_the_policy_api_returns_the_notices_and_the_channel_naming_one(
    notice_policy: Policy, officer: User, api_as: Callable[[User], Client]
) -> None:
    policy = api_as(officer).get("/api/v1/policy/").json()["policy"]
    notice = policy["notices"][NOTICE_ID]
    assert (notice["kind"], notice["version"]) == ("event", 1)
    assert notice["purposes"] == ["campaign-invitations-surveys"]
    assert notice["own_purposes"]["expo-newsletter"]["beyond_main"] is True
    assert notice["own_purposes"]["booth-follow-up"]["related_to"] == [
        "campaign-invitations-surveys"
    ]
    assert policy["channels"][CHANNEL]["notice"] == NOTICE_ID
    assert policy["channels"]["inquiry"]["notice"] is None
