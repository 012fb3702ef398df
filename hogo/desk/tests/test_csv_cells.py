"""Every CSV hogo hands out is written by one writer (hogo.csvfile) that keeps each cell text:
a value a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) is
prefixed with an apostrophe. The desk's disclosure CSV used to let a tab or CR through."""

import csv
import io
from datetime import UTC, datetime

import pytest

from hogo.csvfile import csv_bytes
from hogo.desk.package_tables import table_csv as disclosure_csv
from hogo.share.export import records_csv
from hogo.share.records import RecordRow

LEADING = ["=1+1", "+81 90", "-2", "@SUM(A1)", "\tcalc", "\rcalc"]


def cells(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("value", LEADING)
def test_the_writer_keeps_a_formula_as_text(value: str) -> None:
    assert cells(csv_bytes(["a"], [[value]]))[1] == ["'" + value]


@pytest.mark.parametrize("value", ["山田 花子", "x=1", "a-b", "", "0.5"])
def test_the_writer_leaves_ordinary_values_alone(value: str) -> None:
    assert cells(csv_bytes(["a"], [[value]]))[1] == [value]


@pytest.mark.parametrize("value", LEADING)
def test_the_disclosure_csv_keeps_a_formula_as_text(value: str) -> None:
    data = disclosure_csv([{"category": "organization", "value": value}], ["category", "value"])
    assert cells(data)[1] == ["organization", "'" + value]


@pytest.mark.parametrize("value", LEADING)
def test_the_provision_records_csv_keeps_a_formula_as_text(value: str) -> None:
    moment = datetime(2026, 4, 1, tzinfo=UTC)
    row = RecordRow(
        record_id="prr_1",
        form="individual",
        retain_until=moment,
        provision_id="prv_1",
        provided_at=moment,
        recipient_id="rcp_1",
        recipient_name=value,
        recipient_address=value,
        recipient_representative=value,
        recipient_country="JP",
        basis="consent",
        purpose="p",
        subject_id="sub_1",
        categories=["c"],
        consent_ref="",
        foreign_consent_ref="",
    )
    line = cells(records_csv([row]))[1]
    assert line.count("'" + value) == 3


def test_every_csv_has_a_byte_order_mark_and_crlf_lines() -> None:
    data = csv_bytes(["a", "b"], [["1", None]])
    assert data.startswith("\ufeff".encode())
    assert data.endswith(b"1,\r\n")
