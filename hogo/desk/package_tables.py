"""The tables of a disclosure package: rows as CSV (every cell neutralised against spreadsheet
formulas by the one CSV writer), and what each of the organization's other systems held."""

import json
from dataclasses import dataclass

from hogo.csvfile import csv_bytes
from hogo.desk.package_text import Titles
from hogo.policy.schema import System
from hogo.systems.records import Found


@dataclass(frozen=True)
class SystemFile:
    """What the desk found in a manual system, as uploaded (system_uploads.py)."""

    system: str
    name: str  # system-<id>-found.<ext>
    content: bytes


def system_file_section(system: System, upload: SystemFile, titles: Titles) -> dict[str, object]:
    return {
        "id": system.id,
        "title": system.title.get(titles.lang),
        "owner": system.owner.get(titles.lang),
        "country": system.country,
        "purposes": titles.purposes(list(system.purposes)),
        "tables": {},
        "file": upload.name,
    }


def system_section(system: System, found: Found, titles: Titles) -> dict[str, object]:
    return {
        "id": system.id,
        "title": system.title.get(titles.lang),
        "owner": system.owner.get(titles.lang),
        "country": system.country,
        "purposes": titles.purposes(list(system.purposes)),
        "tables": found.tables,
    }


def system_files(systems: list[dict[str, object]]) -> dict[str, bytes]:
    """Per system a JSON file of everything found there, and a CSV per table."""
    files: dict[str, bytes] = {}
    for system in systems:
        ident = system["id"]
        files[f"system-{ident}.json"] = json.dumps(system, ensure_ascii=False, indent=2).encode()
        tables = system["tables"]
        assert isinstance(tables, dict)
        for table, rows in tables.items():
            columns = list(dict.fromkeys(column for row in rows for column in row))
            files[f"system-{ident}-{table}.csv"] = table_csv(rows, columns)
    return files


def table_csv(rows: list[dict[str, object]], columns: list[str]) -> bytes:
    return csv_bytes(
        columns,
        (
            [_cell(row.get(column), titles=column.endswith("titles")) for column in columns]
            for row in rows
        ),
    )


def _cell(value: object, *, titles: bool = False) -> str:
    if isinstance(value, list):
        # Ids never hold spaces; titles may, so they are kept apart by a semicolon.
        return ("; " if titles else " ").join(
            str(v.get("id") if isinstance(v, dict) else v) for v in value
        )
    return "" if value is None else str(value)
