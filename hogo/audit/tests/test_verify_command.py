from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hogo.audit.models import AuditEvent


def run_verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        call_command("audit", "verify")
    except SystemExit as exit_:
        return int(exit_.code or 0), capsys.readouterr().out
    return 0, capsys.readouterr().out


@pytest.mark.django_db
def test_it_exits_0_on_an_empty_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_verify(capsys) == (0, f"ok: 0 events, head {'0' * 64}\n")


def test_it_exits_0_and_prints_the_head(
    record_events: Callable[[int], list[AuditEvent]], capsys: pytest.CaptureFixture[str]
) -> None:
    events = record_events(5)
    assert run_verify(capsys) == (0, f"ok: 5 events, head {events[-1].hash}\n")


def test_it_exits_1_naming_the_first_bad_event(
    record_events: Callable[[int], list[AuditEvent]],
    tampering: Callable[[], AbstractContextManager[None]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    record_events(20)
    with tampering(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET subjects = '[]' WHERE seq = 17")
    assert run_verify(capsys) == (1, "event 17: hash mismatch (altered)\n")


@pytest.mark.django_db
def test_it_requires_the_verify_subcommand() -> None:
    with pytest.raises(CommandError, match="verify"):
        call_command("audit")
