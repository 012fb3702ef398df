"""The desk schedules its tasks by their dotted paths (hogo/desk/schedule.py), so that no module
below the task module imports it."""

from typing import Any

import grimp
import pytest
from django.core.management import call_command
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from hogo.desk import schedule, tasks
from hogo.desk.models import Case, CaseStatus
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body
from hogo.vault.models import Subject, SubjectStatus


def test_each_scheduled_path_names_its_task() -> None:
    """A renamed or moved task fails here, not in a worker that cannot find it."""
    assert tasks.mail_send.module_path == schedule.MAIL_SEND
    assert tasks.case_run.module_path == schedule.CASE_RUN
    assert tasks.mails_send.module_path == schedule.MAILS_SEND


def test_no_desk_module_imports_the_task_module() -> None:
    """The task module is on top: only commands (and tests) import it."""
    graph = grimp.build_graph("hogo")
    importers = {
        m
        for m in graph.find_modules_that_directly_import("hogo.desk.tasks")
        if m.startswith("hogo.desk.") and ".tests." not in m and ".management." not in m
    }
    assert importers == set()
    assert not graph.find_shortest_chain(importer="hogo.desk.mail", imported="hogo.desk.tasks")
    assert not graph.find_shortest_chain(importer="hogo.desk.services", imported="hogo.desk.tasks")


@pytest.mark.django_db(transaction=True)
def test_a_deletion_queued_in_the_database_is_carried_out_by_db_worker(
    policy: Policy, inbox: Inbox, settings: Any
) -> None:
    """With `HOGO_TASKS=database` the desk writes its task rows itself (one INSERT, not the
    library's `create`): `hogo db_worker` still finds and runs them, the case's run and then the
    result mail it queues, and each row is the one django-tasks-db's own `enqueue` writes."""
    subject_id = person()
    case = verified(inbox, "correction", details={"delete_all": True}, language="en")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    case_approve(actor=HANDLE, case_ref=case.ref)
    [queued] = DBTaskResult.objects.all()
    assert Case.objects.get(ref=case.ref).status != CaseStatus.COMPLETED  # nothing ran yet
    with transaction.atomic():
        by_library = tasks.case_run.enqueue(case.ref).id
        transaction.set_rollback(True)
    assert by_library != str(queued.id)

    call_command(
        "db_worker", "--batch", "--interval", "0", "--no-startup-delay", "--worker-id", "t"
    )

    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ERASED
    assert Case.objects.get(ref=case.ref).status == CaseStatus.COMPLETED
    assert "We deleted all your personal information" in body(inbox.last(HANAKO))
    ran = DBTaskResult.objects.order_by("enqueued_at")
    assert [(t.task_path, t.status) for t in ran] == [
        (schedule.CASE_RUN, TaskResultStatus.SUCCESSFUL),
        (schedule.MAIL_SEND, TaskResultStatus.SUCCESSFUL),
    ]
    assert ran[0].args_kwargs == {"args": [case.ref], "kwargs": {}}
    assert (ran[0].priority, ran[0].queue_name, ran[0].backend_name) == (0, "default", "default")
    assert ran[0].run_after == get_date_max()  # "at once", as the library's own rows say it


@pytest.mark.django_db
def test_the_row_is_the_one_the_library_writes(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        schedule.case_run_on_commit("c_ref")
    tasks.case_run.enqueue("c_ref")
    ours, library = DBTaskResult.objects.order_by("enqueued_at").values()
    for row in (ours, library):
        del row["id"], row["enqueued_at"]
    assert ours == library
