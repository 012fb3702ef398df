"""The erasure journal: every destroyed data key is written, fsync'ed, beside the KEK before
its deletion commits, so that `hogo restore` can destroy it again (test_backup.py)."""

import stat
from pathlib import Path
from typing import Any

import pytest

from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, register
from hogo.vault.erasure import subject_erase
from hogo.vault.journal import JournalError, journal_path, journal_read
from hogo.vault.models import DataKey, Subject, SubjectStatus


def test_it_journals_an_erased_subjects_key_beside_the_master_key(
    policy: Policy, master_key: Path
) -> None:
    subject_id = register().subject_id
    key_id = DataKey.objects.get(subject_ref=subject_id).pk

    subject_erase(actor=ACTOR, subject_id=subject_id, reason="consent_withdrawn")

    assert journal_path() == master_key.with_name("master.key.erasures")
    entries, unreadable = journal_read()
    assert [(e.subject, e.key_id, e.reason) for e in entries] == [
        (subject_id, key_id, "consent_withdrawn")
    ]
    assert unreadable == 0
    assert stat.S_IMODE(journal_path().stat().st_mode) == 0o600
    assert "hanako" not in journal_path().read_text()


def test_it_keeps_the_key_when_the_journal_cannot_be_written(
    policy: Policy, settings: Any, tmp_path: Path
) -> None:
    subject_id = register().subject_id
    settings.ERASURE_JOURNAL = tmp_path  # a directory: the append fails

    with pytest.raises(JournalError, match="no key was destroyed"):
        subject_erase(actor=ACTOR, subject_id=subject_id)

    assert DataKey.objects.filter(subject_ref=subject_id).exists()
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ACTIVE


def test_it_skips_a_line_torn_by_a_crash(policy: Policy) -> None:
    subject_id = register().subject_id
    subject_erase(actor=ACTOR, subject_id=subject_id)
    with journal_path().open("a") as f:
        f.write('{"at": "2026-')

    entries, unreadable = journal_read()

    assert [e.subject for e in entries] == [subject_id]
    assert unreadable == 1
