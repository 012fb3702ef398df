"""`hogo systems scan`: undeclared columns holding identifiers or special-care information,
found by the detector in a sample, reported as a table and an xlsx file, never with a value."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook
from sqlalchemy import Engine, text

from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems
from hogo.systems.models import SystemScan
from hogo.tests.systems import ALICE, BOB


@pytest.mark.django_db
def test_it_finds_an_undeclared_email_column_and_an_undeclared_health_note(
    shop_policy: Policy, shop_url: str, tmp_path: Path
) -> None:
    out = StringIO()
    book = tmp_path / "scan.xlsx"
    call_command("systems", "scan", "member-db", "--sample", "50", "--xlsx", str(book), stdout=out)
    lines = [line.split() for line in out.getvalue().splitlines()]
    assert ["customers", "notes", "health", "special-care", "1", "2"] in lines
    assert ["customers", "contact", "email", "identifier", "2", "2"] in lines
    # Declared columns (the customers' e-mail, the orders' names) are not reported.
    assert not [
        line for line in lines if line[:2] in (["customers", "email"], ["orders", "ship_name"])
    ]
    assert "finding for the privacy officer: special-care information in 1" in out.getvalue()
    rows = list(load_workbook(book).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0] == ("table", "column", "found", "kind", "values", "sampled")
    assert ("customers", "notes", "health", "special-care", 1, 2) in rows
    everything = out.getvalue() + repr(rows)
    for value in (ALICE["notes"], ALICE["contact"], BOB["contact"]):
        assert str(value) not in everything


@pytest.mark.django_db
def test_it_refuses_a_system_the_policy_does_not_declare(shop_policy: Policy) -> None:
    with pytest.raises(CommandError, match="the active policy declares no SQL system 'crm'"):
        call_command("systems", "scan", "crm")


@pytest.mark.django_db
def test_it_keeps_the_findings_as_the_systems_latest_scan_without_a_value(
    shop_policy: Policy, shop_url: str
) -> None:
    call_command("systems", "scan", "member-db", "--sample", "50", stdout=StringIO())
    scan = SystemScan.objects.get()
    assert (scan.system, scan.ran_by, scan.sample, scan.error) == (
        "member-db",
        "system:cli",
        50,
        "",
    )
    assert scan.special_care == 1
    notes = next(f for f in scan.findings if f["column"] == "notes")
    assert (notes["found"], notes["kind"], notes["values"], notes["sampled"]) == (
        "health",
        "special-care",
        1,
        2,
    )
    assert str(ALICE["notes"]) not in repr(scan.findings)
    assert str(ALICE["contact"]) not in repr(scan.findings)


def _regions_policy(regions: list[str]) -> None:
    data = reference_data()
    data["systems"] = [example_systems()[0]]
    data["detection"] = {"phone_regions": regions}
    policy_load(text=toml_dumps(data), note="test: phone regions")


@pytest.mark.django_db
@pytest.mark.parametrize(("regions", "found"), [(["JP"], False), (["JP", "US"], True)])
def test_it_reads_phone_numbers_in_the_policys_regions(
    shop: Engine, shop_url: str, regions: list[str], found: bool
) -> None:
    """A US number written without grouping is a phone number only where the policy's
    `[detection] phone_regions` names the United States."""
    with shop.begin() as conn:
        conn.execute(text("UPDATE customers SET notes = '4155552671' WHERE id = 2"))
    _regions_policy(regions)
    call_command("systems", "scan", "member-db", stdout=StringIO())
    labels = {(f["column"], f["found"]) for f in SystemScan.objects.get().findings}
    assert (("notes", "phone") in labels) is found
