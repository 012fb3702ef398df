"""Scheduling the desk's background work, below every module that schedules it.

The task module sits on top: its tasks run the fulfilment, the outbox and the sweep, which in
turn schedule tasks (a delivered answer advances its case; a case's step sends mail). They reach
the tasks here, through Django's task lookup (the task's dotted path, as the database worker
finds it too), so no module below imports the task module and the desk reads top-down.
`hogo/desk/tests/test_schedule.py` checks that each path names its task.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.tasks import Task
from django.utils.module_loading import import_string

MAIL_SEND = "hogo.desk.tasks.mail_send"
MAILS_SEND = "hogo.desk.tasks.mails_send"
CASE_RUN = "hogo.desk.tasks.case_run"


def _task(path: str) -> Task[Any, Any]:
    found = import_string(path)
    if not isinstance(found, Task):
        raise TypeError(f"{path} is not a task")
    return found


def mails_send(refs: Sequence[str]) -> None:
    """Queues the sending of these outbox messages now (call it once they are committed)."""
    send = _task(MAIL_SEND)
    for ref in refs:
        send.enqueue(ref)


def mail_send_on_commit(ref: str) -> None:
    """Queues the sending of one outbox message once the caller's transaction commits."""
    _with_commit(lambda: mails_send([ref]))


def mail_batch_send_on_commit(refs: Sequence[str]) -> None:
    """Queues one task sending a whole batch of outbox messages (notices to everyone an
    incident affects) once the caller's transaction commits."""
    batch = list(refs)
    _with_commit(lambda: _task(MAILS_SEND).enqueue(batch))


def case_run_on_commit(case_ref: str) -> None:
    """Queues the advance of a case once the caller's transaction commits."""
    _with_commit(lambda: _task(CASE_RUN).enqueue(case_ref))


def _with_commit(enqueue: Callable[[], object]) -> None:
    """Runs `enqueue` so that its task starts only once the caller's transaction committed.

    With the database queue (`HOGO_TASKS=database`) the task's row is written inside that
    transaction: no worker sees it before the commit, it commits or rolls back with what it
    follows (a crash between the two can no longer lose it), and it needs no commit of its
    own (on PostgreSQL one durable commit fewer per transaction that schedules work). Any other
    backend starts the task when it is enqueued, so that waits for the commit."""
    queued_in_database = settings.TASKS["default"]["BACKEND"] == settings.TASK_BACKENDS["database"]
    if queued_in_database and transaction.get_connection().in_atomic_block:
        enqueue()
    else:
        transaction.on_commit(enqueue)
