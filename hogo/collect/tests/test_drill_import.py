"""Drill: `hogo import directory` killed with SIGKILL mid-way, then run again, resumes where the
last committed batch ended: every row imported once (README, "Drills")."""

from pathlib import Path

import pytest

from hogo.collect.models import ImportedRow, ImportJob, ImportStatus, ReceiptRecord
from hogo.collect.tests.test_import import HEADER, PROVIDER, write_csv
from hogo.drills import drill_env, hogo_run, hogo_start, kill9, read_until
from hogo.policy.schema import Policy
from hogo.vault.models import Acquisition, Subject

ROWS = 40


@pytest.mark.drill
@pytest.mark.django_db(transaction=True)
def test_it_resumes_an_import_killed_mid_way_without_duplicates(
    policy: Policy, tmp_path: Path
) -> None:
    rows = [[f"Person {n}", "Acme", "", f"p{n}@example.jp", ""] for n in range(ROWS)]
    path = write_csv(tmp_path / "list.csv", [HEADER, *rows])
    command = (
        "import",
        "directory",
        str(path),
        f"--provider={PROVIDER.name}",
        f"--provider-address={PROVIDER.address}",
        f"--provider-representative={PROVIDER.representative}",
        f"--obtained-by={PROVIDER.obtained_by}",
        "--batch-size=2",
        "--helpers=0",  # their own kill -9 has its test in test_import.py
    )
    env = drill_env(tmp_path)

    importing = hogo_start(env, *command)
    read_until(importing, lambda line: " rows " in line)  # a batch is committed
    kill9(importing)

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.RUNNING
    assert 0 < Subject.objects.count() < ROWS, "the kill did not land mid-way"
    assert Subject.objects.count() == job.rows_done  # nothing half-written

    hogo_run(env, *command)

    assert Subject.objects.count() == Acquisition.objects.count() == ROWS
    assert sorted(ImportedRow.objects.values_list("row", flat=True)) == list(range(2, ROWS + 2))
    assert ImportJob.objects.get().status == ImportStatus.COMPLETE
    assert ReceiptRecord.objects.count() == 1
