"""`hogo translations compile` and the check that warns of a catalogue not compiled."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from hogo.i18n import catalogues
from hogo.policy.checks import translations_check


def test_the_command_compiles_a_catalogue_that_changed(capsys: pytest.CaptureFixture[str]) -> None:
    po = next(p for p in catalogues() if p.parts[-5] == "policy")
    mo = po.with_suffix(".mo")
    before = mo.read_bytes()
    os.utime(mo, ns=(0, 0))  # older than its .po: to compile again
    assert [w.id for w in translations_check()] == ["policy.W002"]
    call_command("translations", "compile")
    assert mo.read_bytes() == before
    assert translations_check() == []
    assert "compiled hogo/policy/locale/ja/LC_MESSAGES/django.po" in capsys.readouterr().err


def test_the_check_is_quiet_when_everything_is_compiled() -> None:
    assert all(Path(p).with_suffix(".mo").exists() for p in catalogues())
    assert translations_check() == []
