"""The dashboard in Chromium, in Japanese and in English: every chart is drawn and has its
numbers as a table that matches the rows the test made, nothing is fetched from elsewhere, and
axe-core (bundled by axe-playwright-python, injected by the test: no CDN) finds no serious or
critical violation.

Set HOGO_SCREENSHOT_DIR to keep full-page screenshots (docs/screenshots/ holds the ones the
README links)."""

import os
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from hogo.board.tests.scenario import scenario_create
from hogo.policy.schema import Policy
from hogo.tests.axe import axe_violations

MONTH_ROW = {"ja": r"\d{4}年\d{1,2}月", "en": r"[A-Z][a-z]+ \d{4}"}
TITLES = {
    "ja": ("ダッシュボード", "Cookieの選択（月別）", "回答までの日数（月別）"),
    "en": ("Dashboard", "Cookie choices per month", "Time to answer per month (days)"),
}


def _log_in(page: Any, live_server: Any, lang: str) -> None:
    # The first page of a session imports every app's URLs: slow on a busy two-core machine.
    page.set_default_timeout(30000)
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    page.goto(live_server.url + "/console/")
    page.fill("#id_username", "olivia")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/console/")


def _rows(page: Any, figure: str) -> list[list[str]]:
    rows: list[list[str]] = page.eval_on_selector_all(
        f"#{figure} table tbody tr",
        "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))",
    )
    return rows


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_dashboard_draws_charts_with_tables_matching_the_data(
    page: Any, live_server: Any, officer: User, active_policy: Policy, quick_argon2: None, lang: str
) -> None:
    scenario_create()
    _log_in(page, live_server, lang)
    title, cookies, times = TITLES[lang]
    assert page.locator("h1").first.inner_text() == title
    figures = page.locator("figure.board-figure")
    assert figures.count() >= 10
    for i in range(figures.count()):
        figure = figures.nth(i)
        # No provision was made: that chart shows its empty table only.
        drawn = 0 if figure.get_attribute("id") == "chart-provisions" else 1
        assert figure.locator("svg[role=img] > title").count() == drawn
        assert figure.locator("table caption").text_content() == figure.locator("h3").inner_text()
        assert figure.locator("thead th[scope=col]").count() >= 2
    assert page.locator("#chart-cookies h3").inner_text() == cookies
    assert page.locator("#chart-answer-times h3").inner_text() == times
    # The chart's text is drawn in the page's language and font, from the machine's own fonts.
    assert (
        page.locator("#chart-cookies svg text")
        .first.evaluate("t => getComputedStyle(t).fontFamily")
        .startswith('"Noto Sans CJK JP"')
    )
    month, *cookie_cells = _rows(page, "chart-cookies")[-1]
    assert re.fullmatch(MONTH_ROW[lang], month)
    assert cookie_cells == ["3", "2", "1", "3"]
    assert _rows(page, "chart-answer-times")[-1][1:] == ["3", "2.0", "10.0"]
    assert _rows(page, "chart-rights")[-1][1:] == ["2", "0", "3", "1"]
    assert page.locator("#headline-open dd").inner_text() == "3"
    assert page.locator("#headline-overdue dd").inner_text() == "1"
    # Eleven bars of zero and this month's bars: three methods plus GPC.
    assert page.locator("#chart-cookies svg.board-chart rect:not([height='0.0'])").count() == 4
    shots = os.environ.get("HOGO_SCREENSHOT_DIR")
    if shots:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(Path(shots) / f"dashboard-{lang}.png"), full_page=True)
    assert axe_violations(page) == []
    assert page.outside_requests == []


@pytest.mark.django_db(transaction=True)
def test_the_officer_downloads_the_monthly_xlsx_from_the_dashboard(
    page: Any,
    live_server: Any,
    officer: User,
    active_policy: Policy,
    quick_argon2: None,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    scenario_create()
    _log_in(page, live_server, "ja")
    with page.expect_download() as download:
        page.click("#report-month button[formaction$='.xlsx']")
    assert re.fullmatch(r"hogo-report-\d{4}-\d{2}\.xlsx", download.value.suggested_filename)
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    book = load_workbook(path)
    sheet = book["Cookieの選択（月別）"]
    assert sheet["A1"].value == "月"
    assert [c.value for c in sheet[2]][1:] == [3, 2, 1, 3]
