"""Tasks whose worker died: put back in the queue.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed mid-task (kill -9, out of memory, a lost machine) left its task RUNNING for ever,
never retried, and whatever it was doing (an answer mail, a case step) silently stopped. The
desk's sweep (`hogo desk tick`, every minute) puts a task that has been RUNNING longer than
TASK_STALE back to READY, where the next free worker takes it.

Every hogo task is safe to run again: a mail is claimed before it is handed to the server and
marked sent after (hogo/desk/mail.py), a case advances step by step from what is recorded. A
task still alive after TASK_STALE would run twice at the same time, so the limit is far above
what any hogo task takes (seconds; a disclosure package, a few).
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

TASK_STALE = timedelta(minutes=30)

logger = logging.getLogger(__name__)


@transaction.atomic
def tasks_requeue_stale(*, now: datetime | None = None) -> int:
    """Puts tasks RUNNING for longer than TASK_STALE back in the queue; returns how many."""
    now = now or timezone.now()
    stale = DBTaskResult.objects.select_for_update().filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - TASK_STALE
    )
    found = list(stale.values_list("id", "task_path"))
    if not found:
        return 0
    requeued = DBTaskResult.objects.filter(
        id__in=[task_id for task_id, _ in found], status=TaskResultStatus.RUNNING
    ).update(status=TaskResultStatus.READY)
    for task_id, path in found:
        # The task's id and function only: its arguments are references, but they stay out.
        logger.warning("task %s (%s) outlived its worker: queued again", task_id, path)
    return requeued
