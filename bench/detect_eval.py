"""Score the detector on a labelled JSON Lines file.

    .venv/bin/python bench/detect_eval.py [FILE] [--errors]

Each line: {"id", "lang", "text", "categories": [...]}. Prints precision, recall and F1 per
category (all texts, then per language), and positive-versus-negative precision and recall per
language (a text is positive when it has any category). ``--errors`` lists the texts scored
wrong, by id, for working on the development set; do not use it on the held-out set.
"""

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hogo.detect import CATEGORY_LABELS, scan

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "detect-dev.jsonl"


@dataclass(frozen=True)
class Scored:
    id: str
    lang: str
    expected: frozenset[str]
    got: frozenset[str]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(path: Path) -> list[Scored]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            item = json.loads(line)
            got = frozenset(scan(item["text"]).categories)
            rows.append(Scored(item["id"], item["lang"], frozenset(item["categories"]), got))
    return rows


def category_table(rows: list[Scored], title: str) -> list[str]:
    counts: dict[str, Counter[str]] = {c: Counter() for c in CATEGORY_LABELS}
    for row in rows:
        for c in CATEGORY_LABELS:
            if c in row.expected and c in row.got:
                counts[c]["tp"] += 1
            elif c in row.got:
                counts[c]["fp"] += 1
            elif c in row.expected:
                counts[c]["fn"] += 1
    lines = [
        f"{title} ({len(rows)} texts)",
        f"  {'category':<20}{'P':>7}{'R':>7}{'F1':>7}  support",
    ]
    total: Counter[str] = Counter()
    for c in CATEGORY_LABELS:
        k = counts[c]
        total.update(k)
        p, r, f = _prf(k["tp"], k["fp"], k["fn"])
        lines.append(f"  {c:<20}{p:7.3f}{r:7.3f}{f:7.3f}  {k['tp'] + k['fn']}")
    p, r, f = _prf(total["tp"], total["fp"], total["fn"])
    lines.append(f"  {'micro average':<20}{p:7.3f}{r:7.3f}{f:7.3f}  {total['tp'] + total['fn']}")
    return lines


def binary_line(rows: list[Scored], lang: str) -> str:
    tp = sum(1 for r in rows if r.expected and r.got)
    fp = sum(1 for r in rows if not r.expected and r.got)
    fn = sum(1 for r in rows if r.expected and not r.got)
    p, r, f = _prf(tp, fp, fn)
    positives = sum(1 for row in rows if row.expected)
    return (
        f"  {lang}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"
        f"  ({positives} positive, {len(rows) - positives} negative)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--errors", action="store_true", help="list wrongly scored ids")
    args = parser.parse_args(argv)
    rows = score(args.file)
    langs = sorted({r.lang for r in rows})
    print(f"file: {args.file}")
    for line in category_table(rows, "all languages"):
        print(line)
    for lang in langs:
        for line in category_table([r for r in rows if r.lang == lang], f"lang={lang}"):
            print(line)
    print("positive vs negative (any category)")
    for lang in langs:
        print(binary_line([r for r in rows if r.lang == lang], lang))
    if args.errors:
        print("errors")
        for r in rows:
            if r.expected != r.got:
                missed = ",".join(sorted(r.expected - r.got)) or "-"
                extra = ",".join(sorted(r.got - r.expected)) or "-"
                print(f"  {r.id}: missed {missed}; extra {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
