"""Each request's work in a real SQL system (SQLite file, PostgreSQL, MariaDB): the person's
rows found by identity and along references, deleted, suspended and corrected field by field,
and read back; a field a trigger writes back is caught, named by table, key and column."""

import pytest
from sqlalchemy import Engine, text

from hogo.policy.schema import System
from hogo.systems.records import Failure, Identity
from hogo.systems.selectors import system_records_find
from hogo.systems.services import (
    system_records_correct,
    system_records_erase,
    system_records_suspend,
)
from hogo.tests.systems import ALICE, phone_restored_by_trigger, trigger_drop

ACTOR = "system:test"
CASE = "req_test"
ALICE_BY_MAIL = Identity({"email": ("Alice@Example.jp",)})


def customer(shop: Engine, ident: int) -> dict[str, object] | None:
    with shop.connect() as conn:
        row = conn.execute(text("SELECT * FROM customers WHERE id = :id"), {"id": ident})
        found = row.mappings().first()
    return dict(found) if found else None


def order_ids(shop: Engine) -> list[int]:
    with shop.connect() as conn:
        return sorted(conn.execute(text("SELECT id FROM orders")).scalars())


@pytest.mark.django_db
def test_it_finds_the_person_and_follows_references_to_their_orders(
    member_db: System, shop: Engine
) -> None:
    found = system_records_find(actor=ACTOR, system=member_db, who=ALICE_BY_MAIL, case_ref=CASE)
    assert [row["email"] for row in found.tables["customers"]] == [ALICE["email"]]
    assert sorted(str(row["id"]) for row in found.tables["orders"]) == ["10", "11"]  # not 12
    assert found.keys == {"customers": [1], "orders": [10, 11]}


@pytest.mark.django_db
def test_it_finds_nobody_for_an_unknown_address(member_db: System, shop: Engine) -> None:
    who = Identity({"email": ("nobody@example.jp",)})
    found = system_records_find(actor=ACTOR, system=member_db, who=who, case_ref=CASE)
    assert found.rows == 0


@pytest.mark.django_db
def test_it_finds_by_phone_in_another_written_form(member_db: System, shop: Engine) -> None:
    who = Identity({"phone": ("+81 90 1111 2222",)})  # stored as 090-1111-2222
    found = system_records_find(actor=ACTOR, system=member_db, who=who, case_ref=CASE)
    assert found.keys == {"customers": [1], "orders": [10, 11]}


@pytest.mark.django_db
def test_it_deletes_field_by_field_and_verifies(member_db: System, shop: Engine) -> None:
    applied = system_records_erase(actor=ACTOR, system=member_db, who=ALICE_BY_MAIL, case_ref=CASE)
    assert applied.verified
    assert applied.changed == {"orders": 2, "customers": 1}
    alice = customer(shop, 1)
    assert alice is not None
    assert (alice["name"], alice["email"], alice["phone"], alice["address"]) == (
        "（削除済み）",
        None,
        None,
        None,
    )
    assert order_ids(shop) == [12]  # Alice's orders are gone, Bob's stays
    bob = customer(shop, 2)
    assert bob is not None
    assert bob["email"] == "bob@example.jp"


@pytest.mark.django_db
def test_it_catches_a_field_a_trigger_writes_back_and_a_retry_verifies(
    member_db: System, shop: Engine
) -> None:
    phone_restored_by_trigger(shop)
    applied = system_records_erase(actor=ACTOR, system=member_db, who=ALICE_BY_MAIL, case_ref=CASE)
    assert not applied.verified
    assert applied.failures == (Failure(table="customers", key=1, column="phone"),)
    trigger_drop(shop)
    # The address is cleared already: the retry acts on the rows the first attempt found.
    again = system_records_erase(
        actor=ACTOR, system=member_db, who=ALICE_BY_MAIL, case_ref=CASE, keys=applied.keys
    )
    assert again.verified
    alice = customer(shop, 1)
    assert alice is not None
    assert alice["phone"] is None


@pytest.mark.django_db
def test_it_suspends_by_the_flag_column_and_verifies(member_db: System, shop: Engine) -> None:
    applied = system_records_suspend(
        actor=ACTOR, system=member_db, who=ALICE_BY_MAIL, case_ref=CASE
    )
    assert applied.verified
    assert applied.manual == ()
    alice, bob = customer(shop, 1), customer(shop, 2)
    assert alice is not None
    assert bool(alice["do_not_use"])
    assert bob is not None
    assert not bob["do_not_use"]


@pytest.mark.django_db
def test_it_corrects_where_allowed_and_leaves_the_rest_to_a_manual_step(
    member_db: System, shop: Engine
) -> None:
    applied = system_records_correct(
        actor=ACTOR,
        system=member_db,
        who=ALICE_BY_MAIL,
        case_ref=CASE,
        values={"postal_address": "東京都港区3-3", "event_attendance": "x"},
    )
    assert applied.verified
    alice = customer(shop, 1)
    assert alice is not None
    assert alice["address"] == "東京都港区3-3"
    # Orders' shipping addresses are postal_address too, but not declared correctable.
    assert applied.manual == ("postal_address",)
