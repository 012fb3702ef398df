"""The draft of the PPC report: Rule 8(1)'s nine items from the record, in Japanese, as a PDF
(read back with pdftotext) and as plain text."""

import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.models import ReportStage
from hogo.safety.report import ITEM_HEADINGS, report_draft, report_text
from hogo.safety.services import Narrative, incident_triage
from hogo.tests.safety import OFFICER, facts, reported

pytestmark = pytest.mark.django_db
AWARE = datetime(2026, 1, 31, 23, 30, tzinfo=JST)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def test_the_preliminary_draft_fills_what_is_known_and_says_what_is_not(
    active_policy: Policy,
) -> None:
    incident = reported(AWARE, categories=("email", "health"), people_estimate=None)
    text = report_text(report_draft(incident=incident, stage=ReportStage.PRELIMINARY))
    for number, heading in enumerate(ITEM_HEADINGS, start=1):
        assert f"（{number}）{heading}" in text
    assert "個人データの漏えい等の報告（速報）下書き" in text
    assert active_policy.organization.name.ja in text
    assert "事態を知った日時：2026年1月31日 23:30（JST）" in text
    assert "報告期限：2026年2月4日 23:59（JST）" in text
    assert "要配慮個人情報が含まれる（規則第7条第1号）：該当" in text
    assert "本人の数が1,000人を超える（規則第7条第4号）：該当のおそれ" in text
    health = active_policy.categories["health"].title.ja
    assert f"{health}（要配慮個人情報）" in text
    assert "調査中（本人の数は未確定）" in text
    assert "（4）原因\n調査中" in text


def test_the_final_draft_after_triage_reads_back_from_the_pdf(
    active_policy: Policy, officer: User, api_as: Callable[[User], Client], tmp_path: Path
) -> None:
    incident = reported(AWARE, unjust_purpose=True, people_estimate=1200)
    incident_triage(
        actor=OFFICER,
        ref=incident.ref,
        facts=facts(unjust_purpose=True, people_estimate=1234),
        narrative=Narrative(
            cause="外部からの不正アクセスにより会員サイトの管理画面に侵入された。",
            secondary_harm="現時点で二次被害は確認されていない。",
            prevention="管理画面への接続元を制限し、多要素認証を導入した。",
        ),
    )
    response = api_as(officer).get(f"/api/v1/incidents/{incident.ref}/report?stage=final")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    squeezed = "".join(text.split())
    assert "個人データの漏えい等の報告（確報）下書き" in squeezed
    assert "報告期限2026年3月31日23:59（JST）" in squeezed  # 60 days: an unjust purpose
    assert "外部からの不正アクセスにより会員サイトの管理画面に侵入された。" in squeezed
    assert "1,234人（見込み）" in squeezed
    assert "（6）本人への対応の実施状況（未記入：確報には記載が必要です）" in squeezed
    assert "不正の目的をもって行われたおそれがある（規則第7条第3号）：該当" in squeezed


def test_the_text_draft_comes_from_the_api_too(
    active_policy: Policy, officer: User, api_as: Callable[[User], Client]
) -> None:
    incident = reported(AWARE, property_damage=True)
    client = api_as(officer)
    response = client.get(f"/api/v1/incidents/{incident.ref}/report?stage=preliminary&format=text")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "（9）その他参考となる事項" in response.content.decode()
    bad = client.get(f"/api/v1/incidents/{incident.ref}/report?stage=interim")
    assert bad.status_code == 422
    assert bad.json()["error"]["message"].startswith("query.stage: Input should be")


def test_only_the_officer_gets_the_draft(
    active_policy: Policy, auditor: User, api_as: Callable[[User], Client]
) -> None:
    incident = reported(AWARE, property_damage=True)
    response = api_as(auditor).get(f"/api/v1/incidents/{incident.ref}/report?stage=final")
    assert response.status_code == 403
