"""The `[[systems]]` data map: the reference declares none, the documented example (one system
of each kind) parses, and every mistake is reported with its key path."""

from collections.abc import Callable
from typing import Any

import pytest

from hogo.policy.schema import PolicyInvalid, policy_parse
from hogo.policy.tests.helpers import reference_data, reference_text, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems, example_text

Data = dict[str, Any]


def test_the_reference_policy_declares_no_system() -> None:
    assert policy_parse(reference_text()).systems == {}


def test_the_documented_example_declares_one_system_of_each_kind() -> None:
    policy = policy_parse(reference_text() + example_text())
    assert {s.kind for s in policy.systems.values()} == {"sql", "webhook", "manual"}
    sql = policy.systems["member-db"].sql
    assert sql is not None
    assert sql.url_env == "MEMBER_DB_URL"
    customers, orders = sql.collections
    assert customers.identity == {"email": "email", "phone": "phone"}
    assert orders.references[0].table == "customers"
    assert orders.deletes_row


def sql_system(data: Data) -> Data:
    system: Data = data["systems"][0]
    return system


def customers(data: Data) -> Data:
    table: Data = sql_system(data)["sql"]["collections"][0]
    return table


MISTAKES: dict[str, tuple[Callable[[Data], object], str, str]] = {
    "a secret in the file": (
        lambda d: sql_system(d)["sql"].update(url_env="postgresql://user:pw@db/x"),
        "systems.member-db.sql.url_env",
        "must name an environment variable",
    ),
    "an unknown deletion action": (
        lambda d: customers(d)["fields"][1].update(deletion="erase"),
        "systems.member-db.sql.collections.customers.fields.1.deletion",
        "must be one of set_null, mask, delete_row",
    ),
    "a mask without its text": (
        lambda d: customers(d)["fields"][0].pop("mask"),
        "systems.member-db.sql.collections.customers.fields.0.mask",
        'required with deletion = "mask"',
    ),
    "a category the system does not hold": (
        lambda d: customers(d)["fields"][0].update(category="health"),
        "systems.member-db.sql.collections.customers.fields.0.category",
        "not among the system's categories",
    ),
    "a reference to an undeclared table": (
        lambda d: sql_system(d)["sql"]["collections"][1]["references"][0].update(to="clients.id"),
        "systems.member-db.sql.collections.orders.references.0.to",
        "table 'clients' is not declared",
    ),
    "an identity column not declared as a field": (
        lambda d: customers(d)["identity"].update(member_number="member_no"),
        "systems.member-db.sql.collections.customers.identity.member_number",
        "must also be declared in fields",
    ),
    "a name as identity": (
        lambda d: customers(d)["identity"].update(name="name"),
        "systems.member-db.sql.collections.customers.identity.name",
        "unknown key",
    ),
    "an unknown purpose": (
        lambda d: sql_system(d).update(purposes=["spying"]),
        "systems.member-db.purposes.0",
        "unknown purpose 'spying'",
    ),
    "a webhook outside the organization's domain": (
        lambda d: d["systems"][1]["webhook"].update(url="https://collector.example.net/"),
        "systems.event-system.webhook.url",
        "must be on the organization's own domain",
    ),
    "a plain http webhook": (
        lambda d: d["systems"][1]["webhook"].update(url="http://events.cc-link.org/"),
        "systems.event-system.webhook.url",
        "must be an https:// URL",
    ),
    "a manual step longer than a request may take": (
        lambda d: d["systems"][2]["manual"].update(days=30),
        "systems.seminar-sheet.manual.days",
        "must be 1 to 14",
    ),
    "the table of another kind": (
        lambda d: d["systems"][2].update(sql={"url_env": "X"}),
        "systems.seminar-sheet.sql",
        "only a system of kind 'sql'",
    ),
}


@pytest.mark.parametrize("case", MISTAKES.values(), ids=MISTAKES.keys())
def test_it_reports_each_mistake_at_its_key_path(
    case: tuple[Callable[[Data], object], str, str],
) -> None:
    mutate, path, reason = case
    data = reference_data()
    data["systems"] = example_systems()
    mutate(data)
    with pytest.raises(PolicyInvalid) as raised:
        policy_parse(toml_dumps(data))
    found = [str(e) for e in raised.value.errors]
    assert any(e.startswith(f"{path}: ") and reason in e for e in found), found


def test_the_error_never_repeats_a_secret_put_in_the_file() -> None:
    data = reference_data()
    data["systems"] = example_systems()
    sql_system(data)["sql"]["url_env"] = "postgresql://user:hunter2@db/x"
    with pytest.raises(PolicyInvalid) as raised:
        policy_parse(toml_dumps(data))
    assert "hunter2" not in " ".join(str(e) for e in raised.value.errors)
