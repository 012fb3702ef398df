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
from django.db import router, transaction
from django.db.models.signals import post_save, pre_save
from django.tasks import Task
from django.tasks.signals import task_enqueued
from django.utils.json import normalize_json
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from hogo.rows import instances_insert

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
        _enqueue(send, ref)


def mail_send_on_commit(ref: str) -> None:
    """Queues the sending of one outbox message once the caller's transaction commits."""
    _with_commit(lambda: mails_send([ref]))


def mail_batch_send_on_commit(refs: Sequence[str]) -> None:
    """Queues one task sending a whole batch of outbox messages (notices to everyone an
    incident affects) once the caller's transaction commits."""
    batch = list(refs)
    _with_commit(lambda: _enqueue(_task(MAILS_SEND), batch))


def case_run_on_commit(case_ref: str) -> None:
    """Queues the advance of a case once the caller's transaction commits."""
    _with_commit(lambda: _enqueue(_task(CASE_RUN), case_ref))


def _with_commit(enqueue: Callable[[], object]) -> None:
    """Runs `enqueue` so that its task starts only once the caller's transaction committed.

    With the database queue (`HOGO_TASKS=database`) the task's row is written inside that
    transaction: no worker sees it before the commit, it commits or rolls back with what it
    follows (a crash between the two can no longer lose it), and it needs no commit of its
    own (on PostgreSQL one durable commit fewer per transaction that schedules work). Any other
    backend starts the task when it is enqueued, so that waits for the commit."""
    if _queued_in_database() and transaction.get_connection().in_atomic_block:
        enqueue()
    else:
        transaction.on_commit(enqueue)


def _queued_in_database() -> bool:
    return bool(settings.TASKS["default"]["BACKEND"] == settings.TASK_BACKENDS["database"])


def _enqueue(task: Task[Any, Any], *args: object) -> None:
    """`task.enqueue(*args)`; with the database queue, its row written by one plain INSERT.

    django-tasks-db's `enqueue` writes the row with `DBTaskResult.objects.create`, the ORM
    compiling a 15-column INSERT on every call: 0.23 ms of CPU a row against 0.12 here, and a
    verified deletion writes two (bench/README.md, `h20del3`). The same row is written here
    from the library's own model and public fields, as its `enqueue` fills them, with the same
    signals around it (`pre_save`, where the library sets a task without a start time to run
    at once; `post_save`; `task_enqueued`), so `hogo db_worker` runs it as any other
    (`hogo/desk/tests/test_schedule.py` runs one)."""
    backend = task.get_backend()
    if not _queued_in_database() or backend.options.get("id_function"):
        task.enqueue(*args)  # another backend, or ids the library makes (hogo sets none)
        return
    backend.validate_task(task)
    row: DBTaskResult[Any, Any] = DBTaskResult(
        args_kwargs=normalize_json({"args": args, "kwargs": {}}),
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after,  # type: ignore[misc]  # None: pre_save below fills it, as there
        backend_name=backend.alias,
    )
    using = router.db_for_write(DBTaskResult)
    pre_save.send(DBTaskResult, instance=row, raw=False, using=using, update_fields=None)
    instances_insert([row])
    post_save.send(
        DBTaskResult, instance=row, created=True, raw=False, using=using, update_fields=None
    )
    task_enqueued.send(type(backend), task_result=row.task_result)
