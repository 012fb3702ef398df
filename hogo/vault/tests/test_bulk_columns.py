"""`bulk.rows_insert` takes its columns from the model, so a new column is a one-place change."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from hogo.vault.bulk import columns_insert, rows_insert
from hogo.vault.models import BlindIndex, Subject, SubjectStatus


@pytest.mark.django_db
def test_it_fills_fields_the_rows_leave_out_from_the_model() -> None:
    """`status` has a model default and `closed_at` is nullable: neither needs naming."""
    now = timezone.now()
    [pk] = rows_insert(Subject, [{"ref": "sub_bulkcolumns1", "created_at": now}], returning=True)
    subject = Subject.objects.get(pk=pk)
    assert (subject.ref, subject.status, subject.closed_at) == (
        "sub_bulkcolumns1",
        SubjectStatus.ACTIVE,
        None,
    )


@pytest.mark.django_db
def test_it_refuses_rows_without_a_field_that_has_no_default() -> None:
    [pk] = rows_insert(
        Subject, [{"ref": "sub_bulkcolumns2", "created_at": timezone.now()}], returning=True
    )
    with pytest.raises(ValueError, match=r"^BlindIndex\.digest has no default"):
        rows_insert(BlindIndex, [{"subject": pk, "kind": "email"}])
    assert not BlindIndex.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_name_that_is_not_a_field_of_the_model() -> None:
    with pytest.raises(ValueError, match="Subject has no field colour to insert"):
        rows_insert(Subject, [{"ref": "sub_bulkcolumns3", "colour": "red"}])
    assert not Subject.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 499, 500, 501, 1203])
def test_it_returns_each_rows_primary_key_in_row_order(count: int) -> None:
    """Rows go in statements of up to 500: the ids come back for every row, in order."""
    now = timezone.now()
    refs = [f"sub_bulkorder{n:05d}" for n in range(count)]
    pks = columns_insert(Subject, {"ref": refs, "created_at": [now] * count}, returning=True)
    stored = dict(Subject.objects.values_list("pk", "ref"))
    assert [stored[pk] for pk in pks] == refs


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_row_raises_integrity_error_and_writes_nothing_of_its_batch() -> None:
    """A unique violation reaches the caller as Django's IntegrityError (the ingest's retry on
    a racing writer relies on it), and the transaction leaves no row of the batch behind."""
    now = timezone.now()
    refs = [f"sub_bulkdup{n:04d}" for n in range(700)] + ["sub_bulkdup0003"]
    with pytest.raises(IntegrityError), transaction.atomic():
        columns_insert(Subject, {"ref": refs, "created_at": [now] * len(refs)})
    assert not Subject.objects.exists()
