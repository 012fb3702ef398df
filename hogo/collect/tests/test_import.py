import csv
import io
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from hogo.audit.models import AuditEvent
from hogo.collect.directory import ImportFileError
from hogo.collect.importer import Provider, directory_import
from hogo.collect.models import ImportedRow, ImportJob, ImportStatus, ReceiptRecord
from hogo.errors import Conflict
from hogo.policy.schema import Policy
from hogo.vault.access import subjects_access
from hogo.vault.models import Acquisition, Subject

PROVIDER = Provider(
    name="株式会社名簿センター",
    address="東京都千代田区丸の内1-1-1",
    representative="代表取締役 鈴木一郎",
    obtained_by="展示会の来場者登録（来場者の同意を得て第三者提供）",
    received_on=date(2026, 11, 1),
)
HEADER = ["氏名", "会社名・団体名", "部署名", "メールアドレス", "電話番号"]
ROWS = [
    ["山田 太郎", "三星電機株式会社", "営業部", "taro@example.jp", "03-1234-5678"],
    ["佐藤 花子", "北斗工業", "", "hanako@example.jp", ""],
    ["John Smith", "Acme Automation", "R&D", "john@example.com", "+1 415 555 0100"],
]
CAMPAIGN = "campaign-invitations-surveys"


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def run(path: Path, **options: object) -> object:
    return directory_import(actor="system:test", path=path, provider=PROVIDER, **options)  # type: ignore[arg-type]


def test_it_imports_a_csv_and_keeps_the_art_30_receipt_record(
    policy: Policy, tmp_path: Path
) -> None:
    summary = run(write_csv(tmp_path / "list.csv", [HEADER, *ROWS]))
    assert (summary.rows, summary.imported, summary.rejected) == (3, 3, 0)  # type: ignore[attr-defined]
    receipt = ReceiptRecord.objects.get()
    assert receipt.provider_name == PROVIDER.name
    assert receipt.provider_address == PROVIDER.address
    assert receipt.provider_representative == PROVIDER.representative
    assert receipt.provider_obtained_by == PROVIDER.obtained_by
    assert receipt.purposes == [CAMPAIGN]
    assert ImportedRow.objects.filter(job__receipt=receipt).count() == 3
    assert set(Acquisition.objects.values_list("source", flat=True)) == {"import"}
    view = subjects_access(actor="system:test", purpose=CAMPAIGN, email="taro@example.jp")
    assert view.items[0].data == {"organization": "三星電機株式会社", "department": "営業部"}
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions[:3] == ["collect.receipt.record", "vault.ingest", "collect.import.complete"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_it_reads_utf8_with_or_without_bom_and_shift_jis(
    policy: Policy, tmp_path: Path, encoding: str
) -> None:
    run(write_csv(tmp_path / "list.csv", [HEADER, *ROWS[:2]], encoding=encoding))
    assert Subject.objects.count() == 2


def test_it_reads_excel_workbooks(policy: Policy, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["取引先名簿 2026年度"])  # a title line above the header
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    book.save(tmp_path / "list.xlsx")
    summary = run(tmp_path / "list.xlsx")
    assert summary.imported == 3  # type: ignore[attr-defined]


def test_it_refuses_excel_with_merged_header_cells(policy: Policy, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["氏名", None, "会社名", "メールアドレス"])
    sheet.merge_cells("A1:B1")
    sheet.append(["山田", "太郎", "三星電機", "taro@example.jp"])
    book.save(tmp_path / "merged.xlsx")
    with pytest.raises(ImportFileError, match=r"row 1: heading cells A1:B1 are merged"):
        run(tmp_path / "merged.xlsx")
    assert (
        ReceiptRecord.objects.count() == ImportJob.objects.count() == Subject.objects.count() == 0
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", b"name,organization\n\xff\xfe\x80,\x80\x80\n", "neither UTF-8 nor Shift_JIS"),
        ("bom.csv", b"\xef\xbb\xbfname,organization\n\xff,x\n", "byte-order mark but is not"),
        ("empty.csv", b"", "no header row"),
        ("list.txt", b"name,organization\n", "give a .csv or .xlsx file"),
        ("fake.xlsx", b"name,organization\n", "not a readable .xlsx workbook"),
        (
            "cols.csv",
            "氏名,メールアドレス\n山田,a@example.jp\n".encode(),
            "missing columns: organization",
        ),
        ("extra.csv", "氏名,会社名,備考\nA,B,C\n".encode(), "column 3: its heading names no"),
    ],
)
def test_it_refuses_unusable_files_clearly_and_writes_nothing(
    policy: Policy, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        run(path)
    assert (
        ReceiptRecord.objects.count() == ImportJob.objects.count() == Subject.objects.count() == 0
    )


def test_it_leaves_out_a_column_when_asked(policy: Policy, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "notes.csv", [[*HEADER, "備考"], [*ROWS[0], "VIP"]])
    summary = run(path, ignore_columns=("備考",))
    assert summary.imported == 1  # type: ignore[attr-defined]


def test_it_reports_bad_rows_by_number_and_reason_never_by_value(
    policy: Policy, tmp_path: Path
) -> None:
    rows = [
        HEADER,
        ROWS[0],
        ["鈴木", "北斗工業", "", "suzuki-at-example", ""],
        ["", "X社", "", "", ""],
    ]
    summary = run(write_csv(tmp_path / "list.csv", rows))
    problems = [(p.row, p.reason) for p in summary.problems]  # type: ignore[attr-defined]
    assert problems == [
        (3, "email: is not an e-mail address"),
        (4, "name: is required"),
    ]
    assert summary.imported == 1  # type: ignore[attr-defined]
    assert "suzuki" not in repr(problems)


def test_it_never_imports_rows_with_special_care_information(
    policy: Policy, tmp_path: Path
) -> None:
    rows = [HEADER, ROWS[0], ["田中 一郎", "がん患者会", "事務局", "tanaka@example.jp", ""]]
    summary = run(write_csv(tmp_path / "list.csv", rows))
    [problem] = summary.problems  # type: ignore[attr-defined]
    assert (problem.row, problem.categories) == (3, "health")
    assert problem.reason == "special-care information (health)"
    assert Subject.objects.count() == 1
    assert ImportJob.objects.get().special_care == 1


def test_a_dry_run_checks_everything_and_writes_nothing(policy: Policy, tmp_path: Path) -> None:
    rows = [HEADER, *ROWS, ["鈴木", "北斗工業", "", "bad", ""]]
    summary = run(write_csv(tmp_path / "list.csv", rows), dry_run=True)
    assert (summary.rows, summary.imported, summary.rejected) == (4, 3, 1)  # type: ignore[attr-defined]
    assert (
        ReceiptRecord.objects.count() == ImportJob.objects.count() == Subject.objects.count() == 0
    )
    assert AuditEvent.objects.count() == 0


def test_it_resumes_an_interrupted_import_without_duplicates(
    policy: Policy, tmp_path: Path
) -> None:
    rows = [HEADER] + [[f"Person {n}", "Acme", "", f"p{n}@example.jp", ""] for n in range(7)]
    path = write_csv(tmp_path / "list.csv", rows)

    def interrupt(done: int) -> None:
        if done >= 4:
            raise KeyboardInterrupt  # Ctrl-C after the second batch committed

    with pytest.raises(KeyboardInterrupt):
        run(path, batch_size=2, progress=interrupt)
    job = ImportJob.objects.get()
    assert (job.status, job.rows_done) == (ImportStatus.RUNNING, 4)
    assert Subject.objects.count() == 4

    summary = run(path, batch_size=2)
    assert summary.resumed_from == 4  # type: ignore[attr-defined]
    assert Subject.objects.count() == Acquisition.objects.count() == 7
    assert sorted(ImportedRow.objects.values_list("row", flat=True)) == list(range(2, 9))
    assert ImportJob.objects.get().status == ImportStatus.COMPLETE
    assert ReceiptRecord.objects.count() == 1


def test_it_refuses_to_import_the_same_file_twice_unless_asked(
    policy: Policy, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, *ROWS])
    run(path)
    with pytest.raises(Conflict, match="already imported"):
        run(path)
    run(path, again=True)
    assert Acquisition.objects.count() == 6
    assert Subject.objects.count() == 3


@pytest.fixture
def spawnable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Helper processes start from a fresh interpreter with this sys.path: pytest puts the
    `hogo` package directory on it, where `hogo/logging.py` would shadow the standard library
    (the `hogo` command never does)."""
    package = str(Path(__file__).resolve().parents[2])
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != package])


def test_helper_processes_give_the_same_result(
    policy: Policy, tmp_path: Path, spawnable: None
) -> None:
    rows = [HEADER] + [
        [f"Person {n}", "Acme", "前科あり" if n == 5 else "", f"p{n}@example.jp", ""]
        for n in range(9)
    ]
    path = write_csv(tmp_path / "list.csv", rows)
    alone = run(path, dry_run=True, batch_size=2)
    helped = run(path, batch_size=2, helpers=2)
    assert (helped.imported, helped.rejected) == (alone.imported, alone.rejected) == (8, 1)  # type: ignore[attr-defined]
    assert helped.problems == alone.problems  # type: ignore[attr-defined]
    assert sorted(ImportedRow.objects.values_list("row", flat=True)) == [2, 3, 4, 5, 6, 8, 9, 10]


def test_the_command_prints_the_report_and_exits_2_on_unusable_files(
    policy: Policy, tmp_path: Path, capsys: pytest.CaptureFixture[str], spawnable: None
) -> None:
    path = write_csv(tmp_path / "list.csv", [HEADER, *ROWS, ["鈴木", "北斗", "", "bad", ""]])
    arguments = [
        "import",
        "directory",
        str(path),
        "--provider",
        PROVIDER.name,
        "--provider-address",
        PROVIDER.address,
        "--provider-representative",
        PROVIDER.representative,
        "--obtained-by",
        PROVIDER.obtained_by,
    ]
    call_command(*arguments)
    out, err = capsys.readouterr()
    assert "row 5: email: is not an e-mail address" in out
    assert "3 imported, 1 refused" in out
    assert "rows/s" in err
    (tmp_path / "bad.csv").write_bytes(b"\xff\xfe\x80\x80")
    arguments[2] = str(tmp_path / "bad.csv")
    with pytest.raises(CommandError) as caught:
        call_command(*arguments)
    assert caught.value.returncode == 2


ENDLESS_IMPORT = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
django.setup()
from django.conf import settings
from hogo.collect.directory import Row
from hogo.collect.importer import _parsed
from hogo.policy.schema import policy_parse
policy = policy_parse(settings.POLICY_FILE.read_text())
channel = next(iter(policy.channels.values()))
def batches():
    n = 0
    while True:
        n += 1
        yield n, [Row(n, {"name": "Person", "email": f"p{n}@example.jp"})]
for done, _ in _parsed(policy, channel, batches(), 2):
    if done == 3:
        print("running", flush=True)
"""


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_helper_processes_exit_when_the_import_is_killed(tmp_path: Path) -> None:
    """kill -9 of an import used to leave its helpers waiting for work for ever."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    parent = subprocess.Popen(
        [sys.executable, "-c", ENDLESS_IMPORT], env=env, cwd=tmp_path, stdout=subprocess.PIPE
    )
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline() == b"running\n"
        helpers = children_of(parent.pid)
        assert len(helpers) >= 2
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in helpers if alive(pid)]
