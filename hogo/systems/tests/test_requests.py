"""Each kind of request reaches the shop's database (SQLite, PostgreSQL, MariaDB) as a step of
its own: the disclosure carries the rows found (JSON per system, CSV per table, a PDF section),
the purpose notification names the system's purposes, a deletion and a suspension are read
back before the answer, a field a trigger writes back keeps the case open with the row and
column named, and what the declaration does not let hogo do becomes a task for the desk."""

import json
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from sqlalchemy import Engine, text

from hogo.desk.models import Case, CaseStatus, StepName, StepStatus
from hogo.desk.package import package_open
from hogo.desk.services import case_approve, case_retry, case_system_done
from hogo.errors import Conflict
from hogo.policy.schema import Policy
from hogo.tests.desk import person, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.systems import ALICE, phone_restored_by_trigger, trigger_drop

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("master_key")]
STAFF = "user:1"
EMAIL = str(ALICE["email"])


def approved(inbox: Inbox, kind: str, details: dict[str, object] | None = None) -> Case:
    case = verified(inbox, kind, EMAIL, details)
    with committed():
        case_approve(actor=STAFF, case_ref=case.ref)
    case.refresh_from_db()
    return case


def in_system(case: Case) -> dict[str, object]:
    step = case.steps.get(system="member-db")
    return {"name": step.name, "status": step.status, **step.result}


def customer(shop: Engine) -> dict[str, object]:
    with shop.connect() as conn:
        row = conn.execute(text("SELECT * FROM customers WHERE id = 1")).mappings().one()
    return dict(row)


def orders(shop: Engine) -> list[int]:
    with shop.connect() as conn:
        return sorted(conn.execute(text("SELECT id FROM orders")).scalars())


def test_a_disclosure_carries_the_rows_found_in_the_system(
    shop_policy: Policy, shop: Engine, inbox: Inbox, tmp_path: Path
) -> None:
    case = approved(inbox, "disclosure")
    assert case.status == CaseStatus.COMPLETED
    assert [(s.name, s.system) for s in case.steps.all()] == [
        (StepName.SYSTEM_FIND, "member-db"),
        (StepName.PACKAGE_BUILD, ""),
        (StepName.PACKAGE_DELIVER, ""),
    ]
    assert in_system(case)["rows"] == 3
    files = package_open(case.packages.get())
    found = json.loads(files["system-member-db.json"])
    assert found["title"] == "会員データベース"
    assert [row["email"] for row in found["tables"]["customers"]] == [EMAIL]
    assert len(found["tables"]["orders"]) == 2  # followed from the customer
    customers_csv = files["system-member-db-customers.csv"].decode("utf-8-sig")
    assert customers_csv.splitlines()[0].startswith("id,name,email,phone")
    assert EMAIL in customers_csv
    assert "system-member-db-orders.csv" in files
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(files["disclosure-ja.pdf"])
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "ほかのシステム" in shown or "会員データベース" in shown
    assert "会員データベース" in shown


def test_a_purpose_notification_names_the_systems_purposes(
    shop_policy: Policy, shop: Engine, inbox: Inbox
) -> None:
    case = approved(inbox, "purpose_notification")
    assert case.status == CaseStatus.COMPLETED
    mail = body(inbox.last(EMAIL))
    assert "会員データベース（事務局）" in mail
    purposes = shop_policy.systems["member-db"].purposes
    for purpose in purposes:
        assert shop_policy.purposes[purpose].title.ja in mail
    assert "保有していません" not in mail


def test_a_deletion_is_verified_before_the_answer_says_so(
    shop_policy: Policy, shop: Engine, inbox: Inbox
) -> None:
    case = approved(inbox, "correction", {"delete_all": True})
    assert case.status == CaseStatus.COMPLETED
    step = in_system(case)
    assert step["status"] == StepStatus.SUCCEEDED
    assert step["verified"] is True
    assert step["changed"] == {"orders": 2, "customers": 1}
    alice = customer(shop)
    assert (alice["email"], alice["phone"], alice["address"]) == (None, None, None)
    assert orders(shop) == [12]
    assert "会員データベース（事務局）" in body(inbox.last(EMAIL))


def test_a_field_a_trigger_writes_back_keeps_the_case_open_until_a_retry_verifies(
    shop_policy: Policy, shop: Engine, inbox: Inbox
) -> None:
    phone_restored_by_trigger(shop)
    case = approved(inbox, "correction", {"delete_all": True})
    assert case.status == CaseStatus.IN_PROGRESS
    step = in_system(case)
    assert step["status"] == StepStatus.FAILED
    assert step["failures"] == [{"table": "customers", "key": 1, "column": "phone"}]
    assert case.steps.get(system="member-db").error == "not verified: 1 field(s)"
    # No answer went out: the only mail is the verification code.
    assert len(inbox.to(EMAIL)) == 1
    assert customer(shop)["phone"] == ALICE["phone"]

    trigger_drop(shop)
    with committed():
        case_retry(actor=STAFF, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert customer(shop)["phone"] is None
    assert in_system(case)["verified"] is True


def test_a_suspension_sets_the_flag_and_reads_it_back(
    shop_policy: Policy, shop: Engine, inbox: Inbox
) -> None:
    case = approved(inbox, "suspension", {"all_purposes": True, "understood": True})
    assert case.status == CaseStatus.COMPLETED
    assert in_system(case)["verified"] is True
    assert bool(customer(shop)["do_not_use"])


def test_a_correction_the_declaration_does_not_allow_is_a_task_for_the_desk(
    shop_policy: Policy, shop: Engine, inbox: Inbox, desk_operator: User
) -> None:
    changes = [{"category": "postal_address", "action": "set", "value": "東京都港区3-3"}]
    case = approved(inbox, "correction", {"changes": changes})
    assert case.status == CaseStatus.IN_PROGRESS
    step = in_system(case)
    assert step["status"] == StepStatus.WAITING
    assert (step["manual"], step["by_hand"]) == ("not_declared", ["postal_address"])
    assert customer(shop)["address"] == "東京都港区3-3"  # the customer's own field, verified
    client = Client()
    client.force_login(desk_operator)
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert "会員データベースでの手作業" in page
    assert "postal_address" in page
    with committed():
        client.post(
            f"/console/desk/{case.ref}/system-done/",
            {"system": "member-db", "note": "注文の配送先を手作業で訂正した", "confirmed": "yes"},
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert "会員データベース（事務局）" in body(inbox.last(EMAIL))


def test_an_outsider_cannot_record_a_system_step_done(
    shop_policy: Policy, shop: Engine, inbox: Inbox, outsider: User
) -> None:
    changes = [{"category": "postal_address", "action": "set", "value": "東京都港区3-3"}]
    case = approved(inbox, "correction", {"changes": changes})
    client = Client()
    client.force_login(outsider)
    answer = client.post(
        f"/console/desk/{case.ref}/system-done/", {"system": "member-db", "note": "done"}
    )
    assert answer.status_code == 403
    with pytest.raises(Conflict, match="no step in system crm is waiting for the desk"):
        case_system_done(actor=STAFF, author=outsider, case_ref=case.ref, system="crm", note="done")


def test_a_request_finds_the_person_by_the_vaults_phone_number_too(
    shop_policy: Policy, shop: Engine, inbox: Inbox
) -> None:
    """The request comes from an address the shop does not know; the vault holds the
    person's phone number, which the shop's customer row has."""
    address = "alice.new@example.jp"
    person(address, name=str(ALICE["name"]), phone=str(ALICE["phone"]))
    case = verified(inbox, "disclosure", address)
    assert case.subject_ref
    with committed():
        case_approve(actor=STAFF, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert in_system(case)["rows"] == 3  # the customer, by phone, and their two orders
    found = json.loads(package_open(case.packages.get())["system-member-db.json"])
    assert [row["id"] for row in found["tables"]["customers"]] == [1]
