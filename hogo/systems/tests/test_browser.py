"""The systems page and a manual system's task in Chromium, in Japanese and English: one system
of each kind (a SQLite shop database, the reference webhook receiver over TLS on loopback, a
spreadsheet kept by hand), reachability in words with the local time, the latest scan's
finding, and the desk's case page with the upload for the spreadsheet; axe-core finds no
serious violation and nothing is fetched from elsewhere. With HOGO_SCREENSHOTS=1 the pages are
saved to docs/screenshots/ (systems-<lang>.png, systems-manual-task-<lang>.png)."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import expect

from hogo.desk.services import case_approve
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems
from hogo.systems.selectors import systems_declared
from hogo.systems.services import system_scan_run
from hogo.tests.axe import axe_violations
from hogo.tests.desk import verified
from hogo.tests.mail import Inbox, committed
from hogo.tests.systems import URL_ENV, database, driver_engine, shop_fill
from hogo.tests.webhooks import Tls, db_file, receiver, serving, tls

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.usefixtures("master_key")
__all__ = ["db_file", "tls"]  # the fixtures
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
WORDS = {
    "ja": {
        "sql": "接続できました",
        "webhook": "接続できました（TLSハンドシェイク完了、証明書は信頼済み）",
        "manual": "確認対象外（担当者が手作業で対応）",
        "zone": "（JST）",
        "task": "セミナー参加者一覧（表計算）での手作業",
    },
    "en": {
        "sql": "Yes: connected",
        "webhook": "Yes: TLS handshake completed, certificate trusted",
        "manual": "Not probed: the work is done by hand",
        "zone": " JST",
        "task": "To do by hand in Seminar attendee spreadsheet",
    },
}


@pytest.fixture
def every_kind(
    db: None, tls: Tls, db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The example's three systems, all on this machine, the shop scanned once."""
    with database("sqlite", tmp_path) as url, serving(receiver.Receiver, db_file, tls) as server:
        engine = driver_engine(url)
        shop_fill(engine)
        engine.dispose()
        monkeypatch.setenv(URL_ENV, url)
        data = reference_data()
        data["organization"]["website"] = "https://localhost/"
        data["systems"] = example_systems()
        data["systems"][1]["webhook"]["url"] = f"https://localhost:{server.server_address[1]}/"
        policy_load(text=toml_dumps(data), note="test: one system of each kind, on loopback")
        shop = next(s for s in systems_declared() if s.kind == "sql")
        system_scan_run(actor="system:cli", system=shop)
        yield


def signed_in(page: "Page", live_server: Any, user: User, lang: str) -> "Page":
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.context.set_extra_http_headers({"Accept-Language": lang})
    page.set_viewport_size({"width": 1280, "height": 900})
    return page


def shot(page: "Page", name: str) -> None:
    if os.environ.get("HOGO_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.mark.usefixtures("every_kind")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_officer_reads_each_system_reachability_and_scan_in_words(
    page: "Page", live_server: Any, officer: User, lang: str
) -> None:
    signed_in(page, live_server, officer, lang)
    page.goto(f"{live_server.url}/console/systems/")
    words = WORDS[lang]
    expect(page.locator("#system-member-db .reach")).to_contain_text(words["sql"])
    expect(page.locator("#system-event-system .reach")).to_contain_text(words["webhook"])
    expect(page.locator("#system-event-system .reach")).to_contain_text(words["zone"])
    expect(page.locator("#system-seminar-sheet .reach")).to_contain_text(words["manual"])
    expect(page.locator("#special-care-finding")).to_be_visible()
    assert axe_violations(page) == []
    shot(page, f"systems-{lang}.png")
    page.locator("#reach-now button").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert page.outside_requests == []  # type: ignore[attr-defined]


@pytest.mark.usefixtures("every_kind")
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_desk_sees_the_manual_task_with_its_upload_on_the_case(
    page: "Page", live_server: Any, inbox: Inbox, desk_operator: User, lang: str, tmp_path: Path
) -> None:
    case = verified(inbox, "disclosure", "alice@example.jp", language=lang)
    with committed():
        case_approve(actor="user:1", case_ref=case.ref)
    signed_in(page, live_server, desk_operator, lang)
    page.goto(f"{live_server.url}/console/desk/{case.ref}/")
    expect(page.locator("body")).to_contain_text(WORDS[lang]["task"])
    found = tmp_path / "found.csv"
    found.write_text("氏名,メール\r\n佐藤 アリス,alice@example.jp\r\n", encoding="utf-8")
    page.locator('input[name="file"]').set_input_files(str(found))
    page.locator('input[name="file"]').locator("xpath=ancestor::form").locator(
        "button[type=submit]"
    ).click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert axe_violations(page) == []
    shot(page, f"systems-manual-task-{lang}.png")
    assert page.outside_requests == []  # type: ignore[attr-defined]
