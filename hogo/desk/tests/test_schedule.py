"""The desk schedules its tasks by their dotted paths (hogo/desk/schedule.py), so that no module
below the task module imports it."""

import grimp

from hogo.desk import schedule, tasks


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
