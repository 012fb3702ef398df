"""`hogo systems check`: the declaration of a SQL system against its real schema.

Each problem is one line with the policy key path it concerns (what to fix in the file), and
the columns the declaration does not mention are listed apart: they may hold personal data
nobody declared (`hogo systems scan` samples them).
"""

from dataclasses import dataclass, field

from sqlalchemy import Boolean, Integer, String, Table, Text

from hogo.errors import NotFound
from hogo.policy.schema import Collection, System, SystemField
from hogo.share.selectors import recipient_get
from hogo.systems.engine import SystemFailure, table_names, tables_reflect

OUTSOURCING = "outsourcing_contractor"


@dataclass(frozen=True)
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class CheckReport:
    system: str
    problems: list[Problem] = field(default_factory=list)
    undeclared: dict[str, list[str]] = field(default_factory=dict)  # table -> columns
    reachable: bool = True


def system_check(system: System) -> CheckReport:
    report = CheckReport(system=system.id)
    base = f"systems.{system.id}"
    _contractor_check(system, report, base)
    if system.sql is None:
        return report
    try:
        present = set(table_names(system))
        tables = tables_reflect(system, fresh=True)
    except SystemFailure as exc:
        report.problems.append(Problem(f"{base}.sql.url_env", exc.message))
        return CheckReport(
            system=system.id, problems=report.problems, undeclared={}, reachable=False
        )
    for collection in system.sql.collections:
        path = f"{base}.sql.collections.{collection.table}"
        if collection.table not in present:
            report.problems.append(Problem(f"{path}.table", "no such table in the database"))
            continue
        table = tables[collection.table]
        report.problems.extend(_collection_problems(collection, table, tables, path))
        mentioned = _mentioned(collection, table)
        extra = [c.name for c in table.columns if c.name not in mentioned]
        if extra:
            report.undeclared[collection.table] = extra
    return report


def _contractor_check(system: System, report: CheckReport, base: str) -> None:
    if system.contractor is None:
        return
    try:
        recipient = recipient_get(recipient_id=system.contractor)
    except NotFound:
        report.problems.append(
            Problem(f"{base}.contractor", "no such recipient in the recipient register")
        )
        return
    if recipient.kind != OUTSOURCING:
        report.problems.append(
            Problem(f"{base}.contractor", "the recipient is not an outsourcing contractor")
        )


def _mentioned(collection: Collection, table: Table) -> set[str]:
    names = {f.column for f in collection.fields}
    names |= {c.name for c in table.primary_key.columns}
    names |= {r.column for r in collection.references}
    if collection.suspend_column:
        names.add(collection.suspend_column)
    return names


def _collection_problems(
    collection: Collection, table: Table, tables: dict[str, Table], path: str
) -> list[Problem]:
    problems: list[Problem] = []
    key = list(table.primary_key.columns)
    if len(key) != 1:
        problems.append(
            Problem(
                f"{path}.table",
                f"needs a one-column primary key to verify changes row by row (has {len(key)})",
            )
        )
    for index, declared in enumerate(collection.fields):
        problems.extend(_field_problems(declared, table, f"{path}.fields.{index}"))
    for index, ref in enumerate(collection.references):
        at = f"{path}.references.{index}"
        if ref.column not in table.columns:
            problems.append(Problem(f"{at}.column", f"no column {ref.column!r} in the table"))
        target = tables.get(ref.table)
        if target is not None and ref.to_column not in target.columns:
            problems.append(
                Problem(f"{at}.to", f"no column {ref.to_column!r} in table {ref.table!r}")
            )
    flag = collection.suspend_column
    if flag is not None:
        column = table.columns.get(flag)
        if column is None:
            problems.append(Problem(f"{path}.suspend_column", f"no column {flag!r} in the table"))
        elif not isinstance(column.type, Boolean | Integer):
            problems.append(
                Problem(f"{path}.suspend_column", f"column {flag!r} is not a true/false column")
            )
    return problems


def _field_problems(declared: SystemField, table: Table, at: str) -> list[Problem]:
    column = table.columns.get(declared.column)
    if column is None:
        return [Problem(f"{at}.column", f"no column {declared.column!r} in the table")]
    if column.primary_key:
        return [Problem(f"{at}.column", "the primary key cannot be changed or masked")]
    problems: list[Problem] = []
    if declared.deletion == "set_null" and not column.nullable:
        problems.append(Problem(f"{at}.deletion", "the column is NOT NULL: use mask or delete_row"))
    if declared.deletion == "mask" and declared.mask is not None:
        if not isinstance(column.type, String | Text):
            problems.append(Problem(f"{at}.mask", "a mask needs a text column"))
        elif (length := getattr(column.type, "length", None)) and len(declared.mask) > length:
            problems.append(Problem(f"{at}.mask", f"longer than the column allows ({length})"))
    if declared.correct and not isinstance(column.type, String | Text):
        problems.append(Problem(f"{at}.correct", "only a text column can take a corrected value"))
    return problems
