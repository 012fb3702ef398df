"""The console's home is the dashboard: by role, with numbers that match what happened."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from lxml import html  # type: ignore[import-untyped]  # (installed with pikepdf)

from hogo.board.tests.scenario import scenario_create
from hogo.policy.schema import Policy


def _page(client: Client, user: User, lang: str = "en") -> html.HtmlElement:
    client.force_login(user)
    response = client.get("/console/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def _row(tree: html.HtmlElement, chart: str, header: str) -> list[str]:
    """The cells of one row of a chart's table."""
    for row in tree.xpath(f'//figure[@id="{chart}"]//table/tbody/tr'):
        if row.xpath("string(th)").strip() == header:
            return [td.text_content().strip() for td in row.xpath("td")]
    raise AssertionError(f"no row {header} in {chart}")


def _columns(tree: html.HtmlElement, chart: str) -> list[str]:
    return [th.text_content().strip() for th in tree.xpath(f'//figure[@id="{chart}"]//thead/tr/th')]


def _headline(tree: html.HtmlElement, name: str) -> str:
    return str(tree.xpath(f'string(//*[@id="headline-{name}"]/dd)')).strip()


@pytest.mark.django_db
def test_the_console_home_is_the_dashboard_with_a_link_to_the_admin(
    client: Client, officer: User, active_policy: Policy
) -> None:
    """/console/ shows the dashboard; the admin stays at /console/admin/."""
    tree = _page(client, officer)
    assert tree.xpath('//nav[@class="board-links"]//a[@href="/console/admin/"]')
    assert client.get("/console/admin/").status_code == 200


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_log_in(client: Client) -> None:
    response = client.get("/console/")
    assert response.status_code == 302
    assert response["Location"].startswith("/console/admin/login/")


@pytest.mark.django_db
def test_the_officer_sees_numbers_matching_what_happened(
    client: Client, officer: User, active_policy: Policy
) -> None:
    scenario_create()
    tree = _page(client, officer)
    month = tree.xpath('string(//figure[@id="chart-cookies"]//tbody/tr[last()]/th)').strip()
    assert re.fullmatch(r"[A-Z][a-z]+ \d{4}", month)
    assert _headline(tree, "open") == "3"
    assert _headline(tree, "due-soon") == "1"
    assert _headline(tree, "overdue") == "1"
    assert _columns(tree, "chart-answer-times") == [
        "Month", "Answered", "Median", "90th percentile"
    ]  # fmt: skip
    assert _row(tree, "chart-answer-times", month) == ["3", "2.0", "10.0"]
    assert _row(tree, "chart-cookies", month) == ["3", "2", "1", "3"]
    assert _columns(tree, "chart-acquisitions")[1:] == ["Event and seminar registration", "Survey"]
    assert _row(tree, "chart-acquisitions", month) == ["4", "2"]
    assert _row(tree, "chart-withdrawals", month)[0] == "1"
    assert _row(tree, "chart-rights", month) == ["2", "0", "3", "1"]
    assert tree.xpath('//svg[@role="img"]/title')


@pytest.mark.django_db
def test_it_shows_japanese_by_default_with_month_rows_in_japanese(
    client: Client, officer: User, active_policy: Policy
) -> None:
    scenario_create()
    tree = _page(client, officer, lang="ja")
    month = tree.xpath('string(//figure[@id="chart-cookies"]//tbody/tr[last()]/th)').strip()
    assert re.fullmatch(r"\d{4}年\d{1,2}月", month)
    assert _row(tree, "chart-cookies", month) == ["3", "2", "1", "3"]
    assert "イベント・セミナー参加申込" in _columns(tree, "chart-acquisitions")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("desk_operator", ["requests"]),
        ("marketing_user", ["collection", "consent"]),
        ("auditor", ["requests", "collection", "consent", "rights", "provision", "safety"]),
        ("outsider", []),
    ],
)
def test_each_role_sees_its_sections(
    client: Client,
    request: pytest.FixtureRequest,
    persona: str,
    shown: list[str],
    active_policy: Policy,
) -> None:
    tree = _page(client, request.getfixturevalue(persona))
    sections = [
        s.get("id")[len("section-") :] for s in tree.xpath('//section[@class="board-section"]')
    ]
    assert [s for s in sections if s != "reports"] == shown
    assert ("reports" in sections) == (persona == "auditor")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "month"), [("ja", r"\d{4}年\d{1,2}月"), ("en", r"[A-Z][a-z]+ \d{4}")]
)
def test_the_report_month_is_chosen_in_the_page_language(
    client: Client, officer: User, active_policy: Policy, lang: str, month: str
) -> None:
    """A list of months written in the page's language, this month first and chosen (a browser
    draws an <input type=month> in its own language, whatever the page's)."""
    tree = _page(client, officer, lang)
    options = tree.xpath('//form[@id="report-month"]//select[@name="month"]/option')
    assert len(options) == 60
    assert all(re.fullmatch(month, o.text_content()) for o in options)
    assert all(re.fullmatch(r"\d{4}-\d{2}", o.get("value")) for o in options)
    assert options[0].get("selected") is not None
    this_month = tree.xpath('string(//figure[@id="chart-cookies"]//tbody/tr[last()]/th)').strip()
    assert options[0].text_content() == this_month


@pytest.mark.django_db
def test_long_english_kinds_of_request_are_not_cut_under_their_bars(
    client: Client, officer: User, active_policy: Policy
) -> None:
    """Each label under the open-requests bars, its lines joined, is the kind's whole name."""
    tree = _page(client, officer, "en")
    labels = [
        " ".join(t.text_content() for t in text.xpath("tspan"))
        for text in tree.xpath('//figure[@id="chart-open"]//svg/text[tspan]')
    ]
    assert "Correction, addition or deletion (7.1(c))" in labels
    assert "Question, complaint or consultation (7.2)" in labels
    assert not any("…" in label for label in labels)
