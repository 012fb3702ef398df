"""`hogo systems scan`: undeclared columns holding identifiers or special-care information,
found by the detector in a sample, reported as a table and an xlsx file, never with a value."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from hogo.policy.schema import Policy
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
def test_it_reads_phone_numbers_in_the_formats_of_the_policys_regions(
    shop_url: str, tmp_path: Path
) -> None:
    # An undeclared column holding US numbers in one run of digits: a phone only where the
    # policy's [detection] phone_regions names the US.
    from sqlalchemy import update

    from hogo.policy.services import policy_load
    from hogo.tests.systems import driver_engine, shop_metadata, shop_policy_text

    customers = shop_metadata().tables["customers"]
    engine = driver_engine(shop_url)
    with engine.begin() as conn:
        conn.execute(update(customers).values(contact="Sam Lee 4155552671 San Francisco"))
    engine.dispose()

    def found(regions: str) -> list[list[str]]:
        text = shop_policy_text() + f"\n[detection]\nphone_regions = [{regions}]\n"
        policy_load(text=text, note=f"test: phone regions {regions}")
        out = StringIO()
        call_command("systems", "scan", "member-db", stdout=out)
        return [line.split()[:3] for line in out.getvalue().splitlines()]

    assert ["customers", "contact", "phone"] not in found('"JP"')
    assert ["customers", "contact", "phone"] in found('"JP", "US"')
