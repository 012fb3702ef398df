"""`hogo systems check`: the declaration against the real schema, one line per problem with
its policy key path (exit 2), and the columns the declaration does not mention; credentials
never in the output."""

from io import StringIO

import pytest
from django.core.management import call_command

from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.systems_helpers import example_systems
from hogo.tests.systems import URL_ENV, shop_policy_text

BASE = "systems.member-db.sql.collections"


def check(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("systems", "check", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exc:
        status = int(str(exc.code))
    return status, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_passes_a_declaration_that_matches_and_lists_the_columns_it_does_not_mention(
    shop_policy: Policy, shop_url: str
) -> None:
    status, out, err = check()
    assert (status, err) == (0, "")
    assert "member-db: reachable, matches" in out
    assert "not declared in customers: notes, contact" in out
    assert "not declared in orders: total" in out


def mismatched() -> str:
    system = example_systems()[0]
    customers, orders = system["sql"]["collections"]
    customers["fields"][1]["column"] = "mail"  # no such column
    customers["identity"]["email"] = "mail"
    customers["fields"][0]["deletion"] = "set_null"  # name is NOT NULL
    customers["fields"][0].pop("mask")
    customers["suspend_column"] = "address"  # not a true/false column
    orders["references"][0]["to"] = "customers.number"
    system["sql"]["collections"].append(
        {"table": "invoices", "fields": customers["fields"][2:3], "identity": {"phone": "phone"}}
    )
    return shop_policy_text(sql=system["sql"])


@pytest.mark.django_db
def test_it_reports_each_mismatch_with_its_key_path_and_exits_2(shop_url: str) -> None:
    policy_load(text=mismatched(), note="test")
    status, out, err = check("member-db")
    assert status == 2
    assert err.splitlines() == [
        f"{BASE}.customers.fields.0.deletion: the column is NOT NULL: use mask or delete_row",
        f"{BASE}.customers.fields.1.column: no column 'mail' in the table",
        f"{BASE}.customers.suspend_column: column 'address' is not a true/false column",
        f"{BASE}.orders.references.0.to: no column 'number' in table 'customers'",
        f"{BASE}.invoices.table: no such table in the database",
    ]
    assert "member-db: reachable, 5 problem(s)" in out


@pytest.mark.django_db
def test_it_never_shows_the_password_of_an_unreachable_system(
    shop_policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, "postgresql://hogo:s3cretpass@127.0.0.1:1/members")
    status, out, err = check()
    assert status == 2
    assert "member-db: NOT reachable" in out
    assert err.startswith("systems.member-db.sql.url_env: system member-db: connecting")
    assert "s3cretpass" not in out + err


@pytest.mark.django_db
def test_it_says_which_variable_is_missing(
    shop_policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    status, _, err = check()
    assert status == 2
    assert "the environment variable MEMBER_DB_URL is not set" in err


@pytest.mark.django_db
def test_the_reference_policy_has_nothing_to_check(active_policy: Policy) -> None:
    assert check() == (0, "the active policy declares no SQL system\n", "")
