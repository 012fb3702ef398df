"""Receipt records (APPI Art. 30, the directory import's): a disclosure of third-party records
shows under which receipt a person's data came in (Art. 33(5)); the retention task disposes of
a receipt record three years after its last receipt (Rule 25)."""

from datetime import date, timedelta
from pathlib import Path

from hogo.collect.importer import Provider, directory_import
from hogo.collect.models import ImportJob, ReceiptRecord
from hogo.policy.schema import Policy
from hogo.share.retention import records_dispose
from hogo.share.selectors import receipt_records_for
from hogo.share.services import years_after
from hogo.tests.share import ACTOR, person
from hogo.vault.models import Subject

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
    directory_import(actor=ACTOR, path=directory, provider=BROKER)
    return Subject.objects.get().ref


def test_it_shows_the_receipt_a_persons_data_came_under(policy: Policy, tmp_path: Path) -> None:
    subject_id = imported(tmp_path)
    [receipt] = receipt_records_for(subject_id=subject_id)
    assert receipt.record_id == ReceiptRecord.objects.get().ref
    assert (receipt.provider_name, receipt.provider_representative) == (
        BROKER.name,
        BROKER.representative,
    )
    assert receipt.provider_obtained_by == BROKER.obtained_by
    assert receipt.received_on == BROKER.received_on
    assert receipt_records_for(subject_id=person("direct@example.jp")) == []


def test_it_disposes_of_receipt_records_three_years_after_the_last_receipt(
    policy: Policy, tmp_path: Path
) -> None:
    subject_id = imported(tmp_path)
    last = ImportJob.objects.get().started_at
    assert records_dispose(now=years_after(last, 3) - timedelta(seconds=1)).receipts == 0
    summary = records_dispose(now=years_after(last, 3) + timedelta(seconds=1))
    assert summary.receipts == 1
    assert not ReceiptRecord.objects.exists()
    assert not ImportJob.objects.exists()
    assert receipt_records_for(subject_id=subject_id) == []
    assert Subject.objects.filter(ref=subject_id).exists()  # the data keeps its own retention
