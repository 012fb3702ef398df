"""The tables of a disclosure package: rows as CSV (every cell neutralised against spreadsheet
formulas by the one CSV writer), and what each of the organization's other systems held."""

import json
from collections.abc import Sequence
from dataclasses import dataclass

from hogo.csvfile import csv_bytes
from hogo.desk.package_text import Titles
from hogo.policy.schema import Policy, System
from hogo.systems.records import Found


@dataclass(frozen=True)
class SystemFile:
    """What the desk found in a manual system, as uploaded (system_uploads.py)."""

    system: str
    name: str  # system-<id>-found.<ext>
    content: bytes


def systems_found(
    policy: Policy,
    titles: Titles,
    systems: Sequence[tuple[System, Found]],
    uploads: Sequence[SystemFile],
) -> list[dict[str, object]]:
    """A section per system holding the person's data: the rows found, or the file uploaded."""
    found = [_section(system, titles, tables=rows.tables) for system, rows in systems if rows.rows]
    return found + [
        _section(policy.systems[u.system], titles, tables={}, file=u.name)
        for u in uploads
        if u.system in policy.systems
    ]


def _section(system: System, titles: Titles, **held: object) -> dict[str, object]:
    return {
        "id": system.id,
        "title": system.title.get(titles.lang),
        "owner": system.owner.get(titles.lang),
        "country": system.country,
        "purposes": titles.purposes(list(system.purposes)),
        **held,
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
