"""Score the detector on every labelled set at once, and compare two checkouts text by text.

    .venv/bin/python bench/detect_sets.py [--code DIR] [--dump OUT.json] [FILE ...]
    .venv/bin/python bench/detect_sets.py --compare BEFORE.json AFTER.json

Without FILE, every ``bench/data/detect-*.jsonl``. ``--code`` imports ``hogo`` from another
checkout (e.g. a worktree of ``main``), so both sides are scored by the same script. Prints
positive-versus-negative precision / recall per set and language, and the micro figures per
language over all sets. ``--dump`` writes each text's categories for ``--compare``, which prints
the table before -> after and every text whose categories changed (ids only).
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
Counts = dict[str, dict[str, list[int]]]


def _scan_all(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    from hogo.detect import scan

    out: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                got = sorted(scan(item["text"]).categories)
                rows.append(
                    {"id": item["id"], "lang": item["lang"], "exp": item["categories"], "got": got}
                )
        out[path.name] = rows
    return out


def _counts(result: dict[str, list[dict[str, Any]]]) -> Counts:
    table: Counts = {}
    for name, rows in result.items():
        per: dict[str, list[int]] = {}
        for row in rows:
            k = per.setdefault(row["lang"], [0, 0, 0])  # tp, fp, fn (text level)
            if row["exp"] and row["got"]:
                k[0] += 1
            elif row["got"]:
                k[1] += 1
            elif row["exp"]:
                k[2] += 1
        table[name] = per
    return table


def _pr(k: list[int]) -> str:
    p = k[0] / (k[0] + k[1]) if k[0] + k[1] else 1.0
    r = k[0] / (k[0] + k[2]) if k[0] + k[2] else 1.0
    return f"{p:.3f} / {r:.3f}"


def _micro(table: Counts, lang: str) -> list[int]:
    total = [0, 0, 0]
    for per in table.values():
        for i, v in enumerate(per.get(lang, [0, 0, 0])):
            total[i] += v
    return total


def _print_table(before: Counts, after: Counts | None) -> None:
    for name in before:
        cells = []
        for lang in ("en", "ja"):
            if lang not in before[name]:
                cells.append("-")
                continue
            cell = _pr(before[name][lang])
            if after is not None:
                cell += " -> " + _pr(after[name][lang])
            cells.append(cell)
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    for lang in ("en", "ja"):
        line = _pr(_micro(before, lang))
        if after is not None:
            line += " -> " + _pr(_micro(after, lang))
        print(f"micro {lang}: {line}")


def _compare(before_path: Path, after_path: Path) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    _print_table(_counts(before), _counts(after))
    for name, rows in before.items():
        for old, new in zip(rows, after.get(name, []), strict=False):
            if old["got"] != new["got"]:
                exp = set(old["exp"])
                mark = "better" if len(set(new["got"]) ^ exp) < len(set(old["got"]) ^ exp) else ""
                change = f"{old['got']} -> {new['got']} (exp {old['exp']})"
                print(f"  {name} {old['id']}: {change} {mark}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--code", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path)
    args = parser.parse_args(argv)
    if args.compare:
        _compare(*args.compare)
        return 0
    sys.path.insert(0, str(args.code.resolve()))
    paths = args.files or sorted(DATA.glob("detect-*.jsonl"))
    result = _scan_all(paths)
    _print_table(_counts(result), None)
    if args.dump:
        args.dump.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
