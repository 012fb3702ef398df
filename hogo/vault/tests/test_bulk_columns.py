"""`bulk.rows_insert` takes its columns from the model, so a new column is a one-place change."""

import pytest
from django.utils import timezone

from hogo.vault.bulk import rows_insert
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
