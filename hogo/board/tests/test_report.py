"""The period report: PDF text read back with pdftotext, xlsx opened with openpyxl, the
`hogo report` command, and the download from the dashboard."""

import io
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone, translation
from openpyxl import load_workbook

from hogo.board.tests.scenario import scenario_create
from hogo.periods import months_until
from hogo.policy.schema import Policy


def _this_month() -> str:
    month = months_until(now=timezone.now(), count=1)[0]
    return month.key


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.django_db
def test_the_command_writes_a_japanese_pdf_and_xlsx_with_the_months_counts(
    active_policy: Policy, tmp_path: Path
) -> None:
    scenario_create()
    key = _this_month()
    out = io.StringIO()
    call_command("report", "--month", key, "--output", str(tmp_path), stdout=out)
    pdf, xlsx = tmp_path / f"hogo-report-{key}.pdf", tmp_path / f"hogo-report-{key}.xlsx"
    assert f"wrote {pdf}" in out.getvalue()
    assert f"wrote {xlsx}" in out.getvalue()
    text = _pdf_text(pdf.read_bytes(), tmp_path)
    assert "個人情報に関する月次報告" in text
    assert "CC-Link協会" in text
    assert "回答までの日数" in text
    book = load_workbook(xlsx)
    sheet = book["Cookieの選択（月別）"]
    assert [c.value for c in sheet[1]] == [
        "月",
        "すべて許可",
        "任意のCookieをすべて拒否",
        "設定画面で選択",
        "GPCの送信あり",
    ]
    assert [c.value for c in sheet[2]][1:] == [3, 2, 1, 3]
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["B"].width >= 10


@pytest.mark.django_db
def test_the_yearly_report_has_twelve_months(active_policy: Policy, tmp_path: Path) -> None:
    scenario_create()
    year = _this_month()[:4]
    call_command(
        "report",
        "--year",
        year,
        "--output",
        str(tmp_path),
        "--format",
        "xlsx",
        stdout=io.StringIO(),
    )
    book = load_workbook(tmp_path / f"hogo-report-{year}.xlsx")
    sheet = book["Cookieの選択（月別）"]
    assert sheet.max_row == 13
    assert sheet["A2"].value == f"{year}年1月"
    assert sum(row[1].value for row in sheet.iter_rows(min_row=2)) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "month must be YYYY-MM"),
        (["--month", "November"], "month must be YYYY-MM"),
        (["--year", "26"], "year must be YYYY"),
    ],
)
def test_the_command_refuses_a_bad_period(args: list[str], message: str, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, "--output", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_the_officer_downloads_the_english_pdf_from_the_dashboard(
    client: Client, officer: User, active_policy: Policy, tmp_path: Path
) -> None:
    scenario_create()
    client.force_login(officer)
    response = client.get(
        f"/console/reports/report.pdf?month={_this_month()}", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    assert "Monthly report on personal information" in text
    assert "Time to answer per month (days)" in text


@pytest.mark.django_db
def test_reports_are_for_the_officer_and_auditors_only(
    client: Client, desk_operator: User, marketing_user: User
) -> None:
    for user in (desk_operator, marketing_user):
        client.force_login(user)
        assert client.get("/console/reports/report.xlsx?year=2026").status_code == 403


@pytest.mark.django_db
def test_a_bad_period_on_the_dashboard_is_a_clear_400(client: Client, auditor: User) -> None:
    client.force_login(auditor)
    response = client.get("/console/reports/report.xlsx?month=2026-13")
    assert response.status_code == 400
    assert "YYYY-MM" in response.content.decode()
    assert client.get("/console/reports/report.doc?year=2026").status_code == 404
    with translation.override("en"):
        assert client.get("/console/reports/report.pdf").status_code == 400
