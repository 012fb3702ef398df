"""A disclosure package shows where the person's data came from: the Art. 30 receipt records
(who provided it, when, how they obtained it), in the JSON, the CSV and the PDF, with titles
in the person's language rather than ids."""

import csv
import io
import json
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest

from hogo.collect.importer import Provider, directory_import
from hogo.desk.package import package_content, package_files
from hogo.desk.tests.test_package import case_for
from hogo.policy.schema import Policy
from hogo.tests.desk import HANDLE, person
from hogo.vault.models import Subject

pytestmark = pytest.mark.django_db

BROKER = Provider(
    name="株式会社名簿センター",
    address="東京都千代田区丸の内1-1-1",
    representative="代表取締役 鈴木一郎",
    obtained_by="展示会の来場者登録（来場者の同意を得て第三者提供）",
    received_on=date(2026, 11, 1),
)


def imported(tmp_path: Path) -> str:
    directory = tmp_path / "list.csv"
    directory.write_text(
        "氏名,会社名・団体名,メールアドレス\r\n山田 太郎,三星電機,taro@example.jp\r\n"
    )
    directory_import(actor=HANDLE, path=directory, provider=BROKER)
    return Subject.objects.get().ref


def pdf_text(content: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "d.pdf"
        pdf.write_bytes(content)
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("ja", "第三者から提供を受けた記録"),
        ("en", "Records of receipt from other businesses"),
    ],
)
def test_it_shows_the_receipt_records_in_json_csv_and_pdf(
    policy: Policy, tmp_path: Path, lang: str, heading: str
) -> None:
    subject_id = imported(tmp_path)
    content = package_content(case=case_for(subject_id, lang), actor=HANDLE)
    files = package_files(content, language=lang)

    [record] = json.loads(files["disclosure.json"])["receipt_records"]
    assert record["provider_name"] == BROKER.name
    assert record["provider_obtained_by"] == BROKER.obtained_by
    assert record["received_on"] == "2026-11-01"
    titles = [policy.purposes[p].title.get(lang) for p in record["purpose_ids"]]
    assert titles
    for title in titles:
        assert title in record["purposes"]
        assert title not in record["purpose_ids"]

    [row] = csv.DictReader(io.StringIO(files["receipt_records.csv"].decode("utf-8-sig")))
    assert (row["provider_name"], row["provider_representative"]) == (
        BROKER.name,
        BROKER.representative,
    )
    assert row["purposes"] == record["purposes"]  # titles, not ids
    assert row["provider_obtained_by"] == BROKER.obtained_by

    text = pdf_text(files[f"disclosure-{lang}.pdf"])
    assert heading in text
    assert BROKER.name in text
    assert "名簿センター" in text.replace("\n", "")


def test_it_says_none_when_the_data_came_directly_from_the_person(policy: Policy) -> None:
    content = package_content(case=case_for(person()), actor=HANDLE)
    assert content.receipt_records == []
    files = package_files(content, language="ja", pdf=False)
    assert files["receipt_records.csv"].decode("utf-8-sig").splitlines() == [
        "received_on,record_id,provider_name,provider_address,provider_representative,"
        "provider_obtained_by,purposes"
    ]
