"""Why the detector kept or dropped each lexicon hit of a text: the judge's verdict per hit.

    .venv/bin/python bench/detect_why.py "text" ["text" ...]
    .venv/bin/python bench/detect_why.py --ids FILE.jsonl ID [ID ...]

For each text: the categories found, every category term the lexicon pass saw (after the
overlap rules) with the judge's reason (``self``, ``report``, ``generic``, ``no_person`` ...),
and the cue kinds present. For working on development sets; it prints the texts given.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hogo.detect import scan
from hogo.detect.context import Context, judge
from hogo.detect.engine import detect_lang, get_engine
from hogo.detect.normalize import normalize


def explain(text: str) -> list[str]:
    engine = get_engine()
    ja = detect_lang(text) == "ja"
    norm = normalize(text)
    terms, cues = engine._hits(norm, text, ja=ja)
    ctx = Context(norm.text, cues, list)
    result = scan(text)
    lines = [text, f"  found: {sorted(result.categories)}"]
    lines += [f"    {f.label} {text[f.start : f.end]!r} {f.rule}" for f in result.findings]
    for entry, start, end in terms:
        verdict = judge(ctx, entry, start, end, ja=ja or not entry.ascii)
        word = norm.text[start:end]
        mark = "kept" if verdict.accepted else "DROPPED"
        lines.append(
            f"  hit {word!r} {entry.kind}.{entry.strength} ({entry.source}):"
            f" {mark} {verdict.reason}"
        )
    cue_words = {k: [norm.text[s:e] for s, e in v] for k, v in cues.items() if v}
    lines.append(f"  cues: {cue_words}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="*")
    parser.add_argument("--ids", type=Path, help="a JSON Lines set; the texts are then ids")
    args = parser.parse_args(argv)
    texts = args.texts
    if args.ids:
        wanted = set(texts)
        texts = []
        for line in args.ids.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item["id"] in wanted:
                    texts.append(item["text"])
    for text in texts:
        print("\n".join(explain(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
