"""Checking directory rows: values, then one special-care scan per row. Free of Django models,
so that a helper process can run it on the next batch while the importer writes this one."""

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from hogo.collect.directory import Row
from hogo.collect.guard import special_care_scan
from hogo.collect.values import ERROR_TEXT, FieldErrors, values_clean
from hogo.policy.schema import Channel
from hogo.vault.records import SubjectIn


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str
    categories: str = ""


@dataclass(frozen=True)
class ParsedRows:
    good: list[tuple[int, SubjectIn]]
    problems: list[RowProblem]


def rows_parse(
    channel: Channel, identifier_fields: dict[str, str], rows: Sequence[Row]
) -> ParsedRows:
    """Checks rows (values, special-care scan) without writing anything; `identifier_fields`
    is `values.identifier_fields` of the channel (a plain dict, sent to helper processes)."""
    good: list[tuple[int, SubjectIn]] = []
    problems: list[RowProblem] = []
    for row in rows:
        if row.extra_cells:
            problems.append(RowProblem(row.number, "has data in a column without a heading"))
            continue
        try:
            values = values_clean(channel, row.values, identifier_fields)
        except FieldErrors as exc:
            reason = "; ".join(f"{f}: {ERROR_TEXT[c]}" for f, c in exc.errors.items())
            problems.append(RowProblem(row.number, reason))
            continue
        others = {k: v for k, v in values.items() if k not in identifier_fields}
        # One scan per row, over the values that are not identifiers.
        found = special_care_scan(texts={"row": "\n".join(others.values())})
        if found:
            categories = ",".join(found["row"])
            problems.append(
                RowProblem(row.number, f"special-care information ({categories})", categories)
            )
            continue
        identifiers = {identifier_fields[k]: v for k, v in values.items() if k in identifier_fields}
        good.append((row.number, SubjectIn(identifiers=identifiers, items=others)))
    return ParsedRows(good, problems)


def helper_start(parent: int) -> None:
    """In each helper of an import (here, where a helper imports nothing that needs Django's
    apps loaded): a helper whose parent was killed (SIGKILL, OOM) would wait for work for
    ever, holding its memory; it exits once it is orphaned."""
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
