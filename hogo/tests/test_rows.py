"""hogo/rows.py: plain statements built from a model's metadata read, update and insert rows
exactly as the ORM does, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, connection, models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.test.utils import CaptureQueriesContext

from hogo.desk.models import (
    Case,
    CaseKind,
    CaseStatus,
    DisclosurePackage,
    MailKind,
    OutboundMail,
    Step,
    StepStatus,
)
from hogo.rows import (
    instances_insert,
    row_read,
    row_update,
    rows_delete,
    rows_read,
    rows_update,
    rows_values,
)
from hogo.vault.models import BlindIndex, Note, Subject

pytestmark = pytest.mark.django_db

AT = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)


def columns(instance: models.Model) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def new_case(**values: Any) -> Case:
    return Case.objects.create(
        kind=CaseKind.CORRECTION,
        intake="web",
        origin="https://example.org/privacy",
        policy_version=1,
        **values,
    )


CASES: list[dict[str, Any]] = [
    {},  # defaults: empty JSON, NULL datetimes and numbers, no assignee
    {
        "status": CaseStatus.IN_PROGRESS,
        "received_at": AT,
        "due_at": AT + timedelta(days=14),
        "fee_jpy": 300,
        "fee_paid_jpy": 300,
        "fee_received_on": AT.date(),
        "verification_evidence": {"method": "link", "n": [1, 2, None], "日本": True},
        "subject_ref": "sub_abc",
    },
]


@pytest.mark.parametrize("values", CASES)
def test_it_reads_a_case_column_for_column_as_the_orm(values: dict[str, Any]) -> None:
    case = new_case(**values)
    orm = Case.objects.get(pk=case.pk)
    for lock in (False, True):
        read = row_read(Case, where={"ref": case.ref}, lock=lock)
        assert read is not None
        assert columns(read) == columns(orm)
        assert read._state.db == orm._state.db
        assert not read._state.adding
        assert read.created_at.tzinfo is not None


def test_it_reads_aware_datetimes_json_and_nulls_of_steps_in_order() -> None:
    case = new_case()
    Step.objects.create(case=case, name="result_notify", position=2, result={"mail": "m"})
    Step.objects.create(
        case=case,
        name="corrections_apply",
        position=1,
        status=StepStatus.FAILED,
        retry_at=AT,
        result={"held": True, "deleted": 20, "list": ["a"]},
    )
    read = rows_read(Step, where={"case_id": case.pk}, order_by=("position",))
    orm = list(Step.objects.filter(case=case).order_by("position"))
    assert [columns(s) for s in read] == [columns(s) for s in orm]
    assert read[0].retry_at == AT
    assert read[0].retry_at.tzinfo is not None
    assert read[1].finished_at is None
    assert read[0].result == {"held": True, "deleted": 20, "list": ["a"]}


def test_it_reads_bytes_booleans_and_foreign_keys_as_the_orm() -> None:
    case = new_case(contact_note="note_1")
    mail = OutboundMail.objects.create(
        ref="mail_x",
        case=case,
        kind=MailKind.ANSWER,
        attachment=b"\x00\x01zip",
        forget_body=True,
        headers={"List-Unsubscribe": "<https://example.org/u>"},
        next_attempt_at=AT,
    )
    read = row_read(OutboundMail, where={"ref": "mail_x"})
    assert read is not None
    assert columns(read) == columns(OutboundMail.objects.get(pk=mail.pk))
    assert read.attachment is not None
    assert bytes(read.attachment) == b"\x00\x01zip"
    assert read.forget_body is True


def test_it_finds_no_row_and_refuses_two_for_one() -> None:
    assert row_read(Case, where={"ref": "case_none"}) is None
    case = new_case()
    Step.objects.create(case=case, name="fee", position=1)
    Step.objects.create(case=case, name="reply", position=2)
    with pytest.raises(Step.MultipleObjectsReturned):
        row_read(Step, where={"case_id": case.pk})


def test_an_update_writes_only_the_named_columns() -> None:
    case = new_case(subject_ref="sub_before")
    read = row_read(Case, where={"ref": case.ref})
    assert read is not None
    read.status = CaseStatus.IN_PROGRESS
    read.decided_at = AT
    read.subject_ref = "sub_not_written"
    row_update(read, ["status", "decided_at"])
    stored = Case.objects.get(pk=case.pk)
    assert (stored.status, stored.decided_at) == (CaseStatus.IN_PROGRESS, AT)
    assert stored.subject_ref == "sub_before"
    assert columns(stored) | {"subject_ref": "sub_not_written"} == columns(read)


def test_an_update_stamps_auto_now_only_when_named() -> None:
    step = Step.objects.create(case=new_case(), name="fee", position=1)
    before = Step.objects.get(pk=step.pk).updated_at
    step.result = {"fee_jpy": 300}
    row_update(step, ["result"])
    assert Step.objects.get(pk=step.pk).updated_at == before
    row_update(step, ["status", "updated_at"])
    stored = Step.objects.get(pk=step.pk)
    assert stored.updated_at > before
    assert stored.updated_at == step.updated_at
    assert stored.result == {"fee_jpy": 300}


def test_an_update_fails_on_a_missing_row_and_an_unknown_column() -> None:
    case = new_case()
    Case.objects.filter(pk=case.pk).delete()
    with pytest.raises(DatabaseError, match="did not affect any rows"), transaction.atomic():
        row_update(case, ["status"])
    with pytest.raises(ValueError, match="not all of"):
        row_update(case, ["status", "no_such_column"])


def test_an_insert_stores_what_save_and_bulk_create_store() -> None:
    case = new_case(contact_note="note_1")
    steps = [Step(case=case, name="fee", position=1), Step(case=case, name="reply", position=2)]
    instances_insert(steps)
    assert all(s.pk and not s._state.adding for s in steps)
    assert [columns(s) for s in steps] == [
        columns(s) for s in Step.objects.filter(case=case).order_by("position")
    ]
    mail = OutboundMail(
        ref="mail_y", case=case, step=steps[0], kind=MailKind.ANSWER, next_attempt_at=AT
    )
    instances_insert([mail])
    stored = OutboundMail.objects.get(ref="mail_y")
    assert columns(mail) == columns(stored)
    assert stored.headers == {}
    assert stored.attachment is None
    assert stored.created_at.tzinfo


def test_an_insert_takes_a_user_foreign_key_and_reads_it_back() -> None:
    user = User.objects.create(username="desk")
    case = new_case(assignee=user)
    read = row_read(Case, where={"ref": case.ref})
    assert read is not None
    assert read.assignee_id == user.pk
    assert read.assignee == user


@pytest.mark.parametrize("model", [Case, Step, OutboundMail, Subject, Note, DisclosurePackage])
def test_the_models_written_here_have_no_save_receivers(model: type[models.Model]) -> None:
    """rows.py sends no save signals: a receiver added for these models must see it."""
    assert not pre_save.has_listeners(model)
    assert not post_save.has_listeners(model)


def test_a_list_matches_any_of_its_values_and_an_empty_one_nothing() -> None:
    case = new_case()
    for n, name in enumerate(["fee", "reply", "result_notify"], start=1):
        Step.objects.create(case=case, name=name, position=n)
    read = rows_read(
        Step, where={"case_id": case.pk, "name": ["reply", "fee"]}, order_by=("position",)
    )
    assert [s.name for s in read] == ["fee", "reply"]
    with CaptureQueriesContext(connection) as queries:
        assert rows_read(Step, where={"case_id": case.pk, "name": []}) == []
    assert not queries.captured_queries


def test_a_delete_removes_the_matching_rows_only() -> None:
    case, other = new_case(), new_case()
    Step.objects.create(case=case, name="fee", position=1)
    Step.objects.create(case=case, name="reply", position=2)
    Step.objects.create(case=other, name="fee", position=1)
    assert rows_delete(Step, where={"case_id": case.pk, "name": ["fee", "reply"]}) == 2
    assert list(Step.objects.values_list("case_id", flat=True)) == [other.pk]
    assert rows_delete(Step, where={"name": []}) == 0


def test_a_locked_read_asks_for_the_lock_where_the_database_has_one() -> None:
    case = new_case()
    with CaptureQueriesContext(connection) as queries:
        row_read(Case, where={"ref": case.ref}, lock=True)
    locked = queries.captured_queries[-1]["sql"].endswith("FOR UPDATE")
    assert locked == connection.features.has_select_for_update


@pytest.mark.parametrize("model", [Note, BlindIndex])
def test_the_models_deleted_here_cascade_nowhere_and_have_no_delete_receivers(
    model: type[models.Model],
) -> None:
    """rows_delete sends one DELETE: nothing may point to these rows or watch them go."""
    assert not model._meta.related_objects
    assert not pre_delete.has_listeners(model)
    assert not post_delete.has_listeners(model)


def test_an_update_by_filter_writes_the_matching_rows_it_does_not_exclude() -> None:
    case, other = new_case(), new_case()
    Step.objects.create(case=case, name="fee", position=1, status=StepStatus.SUCCEEDED)
    Step.objects.create(case=case, name="reply", position=2, retry_at=AT)
    Step.objects.create(case=other, name="fee", position=1, retry_at=AT)
    changed = rows_update(
        Step,
        where={"case_id": case.pk},
        unless={"status": StepStatus.SUCCEEDED},
        values={"status": StepStatus.FAILED, "retry_at": None, "result": {"n": 1}},
    )
    assert changed == 1
    rows = Step.objects.order_by("case_id", "position")
    assert [(s.status, s.retry_at, s.result) for s in rows] == [
        (StepStatus.SUCCEEDED, None, {}),
        (StepStatus.FAILED, None, {"n": 1}),
        (StepStatus.PENDING, AT, {}),
    ]


def test_values_are_the_orms_values_list_with_nulls_and_order() -> None:
    case = new_case()
    Step.objects.create(case=case, name="b", position=2, result={"n": [1]}, retry_at=AT)
    Step.objects.create(case=case, name="a", position=3, finished_at=AT)
    Step.objects.create(case=case, name="c", position=1)
    names = ["name", "result", "retry_at", "position", "case_id"]
    for null, order in (((), ("name",)), (("finished_at",), ("position", "id"))):
        orm = Step.objects.filter(case=case, **{f"{n}__isnull": True for n in null})
        expected = list(orm.order_by(*order).values_list(*names))
        read = rows_values(Step, names, where={"case_id": case.pk}, null=null, order_by=order)
        assert read == expected
    assert read[1][:3] == ("b", {"n": [1]}, AT)
    assert rows_values(Step, ["id"], where={"case_id": [case.pk, 0], "name": "x"}) == []
    with CaptureQueriesContext(connection) as queries:
        assert rows_values(Step, ["id"], where={"case_id": []}) == []
    assert not queries.captured_queries
