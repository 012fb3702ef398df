"""A task left RUNNING by a worker that died goes back in the queue; a live one is left alone."""

from datetime import timedelta
from typing import Any

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hogo.desk.requeue import TASK_STALE, tasks_requeue_stale
from hogo.desk.tasks import case_run

pytestmark = pytest.mark.django_db


def test_it_queues_again_only_a_task_running_for_longer_than_any_task_takes(
    settings: Any,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = case_run.enqueue("case_x")
    task = DBTaskResult.objects.get(id=result.id)
    task.claim("worker-that-dies")
    started = timezone.now()

    assert tasks_requeue_stale(now=started + TASK_STALE - timedelta(minutes=1)) == 0
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.RUNNING

    assert tasks_requeue_stale(now=started + TASK_STALE + timedelta(minutes=1)) == 1
    again = DBTaskResult.objects.ready().get()
    assert again.id == task.id
    assert again.worker_ids == ["worker-that-dies"]  # the history stays
