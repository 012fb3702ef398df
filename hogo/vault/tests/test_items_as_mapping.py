"""A bulk import gives each person's items as field ids mapped to text (`SubjectIn.items`), the
way a directory's columns arrive: stored exactly as the same values given as `ItemIn`s."""

import uuid

import pytest

from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN
from hogo.vault.access import subjects_access
from hogo.vault.models import Item
from hogo.vault.records import ItemIn, SubjectIn
from hogo.vault.services import subjects_ingest

VALUES = {"organization": "三星電機", "department": "生産技術部", "event": "Partner Conference"}


def ingest(records: list[SubjectIn]) -> None:
    subjects_ingest(actor=ACTOR, channel="event-registration", purposes=[CAMPAIGN], records=records)


def stored(email: str) -> list[tuple[str, str, bool, bool, str, object]]:
    """Every stored item of the person's subject, as the columns a reader sees besides the
    sealed value: field, category, digest, special care, consent, end of retention."""
    [view] = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email=email).items
    items = Item.objects.filter(subject__ref=view.subject_id).order_by("field")
    return [
        (i.field, i.category, i.digest != "", i.special_care, i.consent_ref, i.retain_until)
        for i in items
    ]


def test_it_stores_a_mapping_of_fields_as_it_stores_the_same_item_ins(policy: Policy) -> None:
    ingest(
        [
            SubjectIn({"email": "a@example.jp", "name": "佐藤 花子"}, VALUES),
            SubjectIn(
                {"email": "b@example.jp", "name": "佐藤 花子"},
                [ItemIn(field, None, value) for field, value in VALUES.items()],
            ),
        ]
    )
    by_mapping, by_items = stored("a@example.jp"), stored("b@example.jp")
    assert by_mapping == by_items
    assert [row[0] for row in by_mapping] == [
        "department",
        "email",
        "event",
        "name",
        "organization",
    ]
    for email in ("a@example.jp", "b@example.jp"):
        [view] = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email=email).items
        assert {k: view.data[k] for k in VALUES} == VALUES


@pytest.mark.parametrize(
    ("items", "error"),
    [
        ({"organization": "  "}, "records[1].items[0](organization): must be non-empty text"),
        ({"colour": "red"}, "records[1].items[0](colour): not a field of channel"),
        ({"organization": "x" * 10_001}, "records[1].items[0](organization): longer than"),
        ({"department": "営業部", "email": "c@example.jp"}, "records[1].items[1](email): "),
    ],
)
def test_it_names_the_field_of_a_refused_value_and_stores_nothing(
    policy: Policy, items: dict[str, str], error: str
) -> None:
    good = SubjectIn({"email": "a@example.jp"}, VALUES)
    with pytest.raises(InvalidInput) as caught:
        ingest([good, SubjectIn({"email": "b@example.jp"}, items)])
    assert caught.value.message.startswith(error)
    for value in items.values():
        assert value.strip() == "" or value not in caught.value.message
    assert not Item.objects.exists()


def test_it_gives_items_time_ordered_unique_ids(policy: Policy) -> None:
    ingest([SubjectIn({"email": f"p{n}@example.jp"}, VALUES) for n in range(50)])
    ids = [uuid.UUID(str(pk)) for pk in Item.objects.values_list("pk", flat=True)]
    assert len(set(ids)) == len(ids) == 50 * 4
    assert {(i.version, i.variant) for i in ids} == {(7, uuid.RFC_4122)}
    # The first 48 bits are the batch's Unix time in milliseconds: one value for a batch.
    assert len({i.int >> 80 for i in ids}) == 1
