"""Python's cycle collector is process-wide: only a command that is a process of its own (the
directory import) may pause it, never a web or worker process."""

import gc
import importlib
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from hogo.collect.importer import ImportSummary
from hogo.vault.bulk import gc_paused, gc_pauses_allowed


def test_a_batch_leaves_the_collector_on_unless_pauses_are_allowed() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert gc.isenabled()
    with gc_pauses_allowed():
        with gc_paused():
            assert not gc.isenabled()
            with gc_paused():  # a nested batch leaves it to the outer one
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
    assert gc.isenabled()
    with gc_paused():
        assert gc.isenabled()


def test_the_import_command_lets_its_batches_pause_the_collector(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[bool] = []

    def directory_import(**kwargs: Any) -> ImportSummary:
        with gc_paused():
            seen.append(gc.isenabled())
        return ImportSummary(job_id=None, receipt_id=None, dry_run=True)

    command = importlib.import_module("hogo.collect.management.commands.import")
    monkeypatch.setattr(command, "directory_import", directory_import)
    path = tmp_path / "directory.csv"
    path.write_text("name,email\n", encoding="utf-8")
    call_command(
        "import",
        "directory",
        str(path),
        "--purpose",
        "x",
        "--provider",
        "p",
        "--provider-address",
        "a",
        "--provider-representative",
        "r",
        "--obtained-by",
        "o",
        "--no-progress",
    )
    assert seen == [False]
    assert gc.isenabled()
