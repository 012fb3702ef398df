"""Drill: worker mode (`HOGO_TASKS=database`) with two real `hogo db_worker` processes. A
privacy-center disclosure goes through them; the worker handing the answer to the mail server is
killed with SIGKILL. The task goes back in the queue (hogo/desk/requeue.py) and completes once
on the other worker: one answer, one package, nothing done twice (README, "Drills")."""

import re
from collections import Counter
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from django.db.models import F
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hogo.audit.models import AuditEvent
from hogo.desk.intake import case_confirm, case_start
from hogo.desk.models import Case, CaseStatus, MailStatus, OutboundMail, Package
from hogo.desk.requeue import TASK_STALE, tasks_requeue_stale
from hogo.desk.services import case_approve
from hogo.drills import Mailbox, drill_env, hogo_start, kill9, stop, wait_for
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, ORIGIN, person

STAFF = "user:1"


def is_answer(message: EmailMessage) -> bool:
    return any(True for _ in message.iter_attachments())


def code_in(message: EmailMessage) -> str:
    match = re.search(r"\b(\d{6})\b", str(message["Subject"]))
    assert match, "no code in the mail"
    return match.group(1)


def queue_empty() -> bool:
    return not DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    ).exists()


@pytest.mark.drill
@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_was_killed_completes_once_on_another(
    policy: Policy, settings: Any, tmp_path: Path
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    person()
    with Mailbox(hold=is_answer) as mailbox:
        env = drill_env(tmp_path, HOGO_TASKS="database", HOGO_EMAIL_URL=mailbox.url)
        options = ("--interval", "0.2", "--no-reload", "--no-startup-delay")
        workers = {
            worker_id: hogo_start(env, "db_worker", "--worker-id", worker_id, *options)
            for worker_id in ("worker-a", "worker-b")
        }
        try:
            started = case_start(
                kind="disclosure", email=HANAKO, language="ja", details={}, origin=ORIGIN
            )
            wait_for(lambda: bool(mailbox.to(HANAKO)), "the code mail, sent by a worker")
            case = case_confirm(
                verification_ref=started.verification_ref, code=code_in(mailbox.to(HANAKO)[0])
            )
            case_approve(actor=STAFF, case_ref=case.ref)
            wait_for(mailbox.held.is_set, "the answer on its way to the mail server")
            [task] = DBTaskResult.objects.filter(
                status=TaskResultStatus.RUNNING, task_path="hogo.desk.tasks.mail_send"
            )
            victim = task.worker_ids[-1]
            kill9(workers.pop(victim))
            mailbox.released.set()

            # Half an hour on: the dead worker's task and its claim on the mail are stale.
            DBTaskResult.objects.filter(pk=task.pk).update(started_at=F("started_at") - TASK_STALE)
            OutboundMail.objects.filter(claimed_until__isnull=False).update(
                claimed_until=F("claimed_until") - TASK_STALE - timedelta(minutes=5)
            )
            assert tasks_requeue_stale() == 1
            wait_for(queue_empty, "the surviving worker to finish the queue")
        finally:
            for worker in workers.values():
                stop(worker)

    task.refresh_from_db()
    [survivor] = workers
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == [victim, survivor]
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    answers = [m for m in mailbox.to(HANAKO) if is_answer(m)]
    assert len(answers) == 1
    assert len(mailbox.accepted) == 2  # the code, then the answer: nothing twice
    assert Case.objects.get(ref=case.ref).status == CaseStatus.COMPLETED
    assert Package.objects.count() == 1
    assert set(OutboundMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}
    actions = Counter(AuditEvent.objects.values_list("action", flat=True))
    for once in ("desk.case.approve", "vault.disclose", "desk.package.build", "desk.case.close"):
        assert actions[once] == 1, once
