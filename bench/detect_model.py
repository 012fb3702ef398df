"""Does a small learned second stage help the rules on text by a writer it was not trained on?

    .venv/bin/python bench/detect_model.py loso               # leave-one-set-out figures
    .venv/bin/python bench/detect_model.py blind FILE --thresholds en=0.7,ja=0.6
    .venv/bin/python bench/detect_model.py speed              # µs per text, pure Python

Per category, logistic regression by plain stochastic gradient descent over hashed binary
features (2^18 buckets, CRC-32 so the buckets do not change between processes): character
2-4-grams of the detector's folded text, word unigrams and bigrams for English, and the
categories the rules found. Pure Python, no dependency. The stage only *adds* a category the
rules did not find, when its probability is above a threshold: (b) a fixed 0.5, (c) per
language the lowest threshold that kept positive-versus-negative precision >= 0.95 on the
leave-one-set-out predictions of the *other* files. Scores with bench/detect_eval.py's
functions so the figures mean what its figures mean. ``blind`` prints only aggregate figures,
never a text.
"""

import argparse
import itertools
import json
import math
import random
import re
import sys
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from detect_eval import Scored, binary_line, category_table  # noqa: E402

from hogo.detect import CATEGORY_LABELS, scan  # noqa: E402
from hogo.detect.normalize import fold  # noqa: E402

DATA = ROOT / "bench" / "data"
BLIND = "detect-heldout5.jsonl"
BUCKETS = 1 << 18
EPOCHS = 5
RATE = 0.5
RULE_FEATURES = True  # --no-rule-features: the model sees the text only
L2 = 1e-6
WORD_RE = re.compile(r"[a-z0-9']+")
GRID = [x / 20 for x in range(2, 20)] + [0.97, 0.99]

Item = dict[str, Any]  # {"id", "lang", "text", "categories", "rules", "feats"}
Model = list[dict[int, float]]  # one sparse weight map per category; key -1 is the bias


def features(text: str, lang: str, rules: frozenset[str]) -> list[int]:
    """Hashed bucket numbers (unique) of the folded text's n-grams and the rules' verdicts."""
    folded = " ".join(fold(text).split())
    grams = {folded[i : i + n] for n in (2, 3, 4) for i in range(len(folded) - n + 1)}
    keys = {"c" + g for g in grams}
    if lang == "en":
        words = WORD_RE.findall(folded)
        keys.update("w" + w for w in words)
        keys.update("b" + a + " " + b for a, b in itertools.pairwise(words))
    if RULE_FEATURES:
        keys.update("r" + c for c in rules)
    keys.add("lang=" + lang)
    return sorted({zlib.crc32(k.encode()) % BUCKETS for k in keys})


def load(path: Path) -> list[Item]:
    items = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            rules = frozenset(scan(item["text"]).categories)
            item["rules"] = rules
            item["feats"] = features(item["text"], item["lang"], rules)
            items.append(item)
    return items


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def _train_one(items: list[Item], category: str, seed: int) -> dict[int, float]:
    """SGD on the log loss for one category; positives weighted up to balance the classes."""
    weights: dict[int, float] = {}
    get = weights.get
    positives = sum(1 for it in items if category in it["categories"])
    if not positives:
        return {-1: -10.0}
    up = min(10.0, (len(items) - positives) / positives)
    order = list(range(len(items)))
    rng = random.Random(seed)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for k in order:
            it = items[k]
            y = 1.0 if category in it["categories"] else 0.0
            feats = it["feats"]
            norm = 1 / math.sqrt(len(feats))
            p = _sigmoid(get(-1, 0.0) + norm * sum([get(i, 0.0) for i in feats]))
            g = (y - p) * (up if y else 1.0)
            if -0.01 < g < 0.01:
                continue
            step = rate * g * norm
            for i in feats:
                weights[i] = get(i, 0.0) * (1 - L2) + step
            weights[-1] = get(-1, 0.0) + step
    return weights


def train(items: list[Item]) -> Model:
    return [_train_one(items, c, seed=n) for n, c in enumerate(CATEGORY_LABELS)]


def predict(model: Model, feats: list[int]) -> list[float]:
    out = []
    for weights in model:
        get = weights.get
        norm = 1 / math.sqrt(len(feats))
        out.append(_sigmoid(get(-1, 0.0) + norm * sum([get(i, 0.0) for i in feats])))
    return out


def combined(item: Item, probs: list[float], threshold: float | None) -> frozenset[str]:
    """The rules' categories, plus any the model is sure of above the threshold."""
    rules: frozenset[str] = item["rules"]
    if threshold is None:
        return rules
    extra = {c for c, p in zip(CATEGORY_LABELS, probs, strict=True) if p >= threshold}
    return rules | extra


def scored(
    items: list[Item], probs: list[list[float]], thresholds: dict[str, float | None]
) -> list[Scored]:
    return [
        Scored(
            it["id"],
            it["lang"],
            frozenset(it["categories"]),
            combined(it, p, thresholds[it["lang"]]),
        )
        for it, p in zip(items, probs, strict=True)
    ]


def _precision(rows: list[Scored]) -> tuple[float, float]:
    tp = sum(1 for r in rows if r.expected and r.got)
    fp = sum(1 for r in rows if not r.expected and r.got)
    fn = sum(1 for r in rows if r.expected and not r.got)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def pick_threshold(items: list[Item], probs: list[list[float]], lang: str) -> float:
    """Lowest threshold on the grid at which the categories the model adds (to what the rules
    found) are right at least 95% of the time, and text-level precision stays >= 0.95;
    1.01 (the model adds nothing) when none is."""
    pairs = [(it, p) for it, p in zip(items, probs, strict=True) if it["lang"] == lang]
    for t in GRID:
        right = wrong = 0
        rows = []
        for it, p in pairs:
            got = combined(it, p, t)
            added = got - it["rules"]
            right += len(added & set(it["categories"]))
            wrong += len(added - set(it["categories"]))
            rows.append(Scored(it["id"], lang, frozenset(it["categories"]), got))
        if right and right >= 0.95 * (right + wrong) and _precision(rows)[0] >= 0.95:
            return t
    return 1.01


def loso(files: list[Path]) -> tuple[dict[str, list[Item]], dict[str, list[list[float]]]]:
    """Train on every file but one, predict that one, for every file."""
    sets = {f.name: load(f) for f in files}
    probs: dict[str, list[list[float]]] = {}
    for name, items in sets.items():
        train_items = [it for other, its in sets.items() if other != name for it in its]
        model = train(train_items)
        probs[name] = [predict(model, it["feats"]) for it in items]
        print(f"  trained without {name}", file=sys.stderr, flush=True)
    return sets, probs


def report(title: str, rows: list[Scored], per_category: bool = False) -> None:
    print(title)
    for lang in sorted({r.lang for r in rows}):
        print(binary_line([r for r in rows if r.lang == lang], lang))
    if per_category:
        for lang in sorted({r.lang for r in rows}):
            for line in category_table([r for r in rows if r.lang == lang], f"lang={lang}"):
                print("  " + line)


def others_items(sets: dict[str, list[Item]], name: str) -> list[Item]:
    return [it for n, its in sets.items() if n != name for it in its]


def others_probs(probs: dict[str, list[list[float]]], name: str) -> list[list[float]]:
    return [q for n, qs in probs.items() if n != name for q in qs]


def run_loso() -> None:
    files = sorted(p for p in DATA.glob("detect-*.jsonl") if p.name != BLIND)
    sets, probs = loso(files)
    names = list(sets)
    rows_a: list[Scored] = []
    rows_b: list[Scored] = []
    rows_c: list[Scored] = []
    chosen: dict[str, list[float]] = {"en": [], "ja": []}
    for name in names:
        items, p = sets[name], probs[name]
        th = {
            lang: pick_threshold(others_items(sets, name), others_probs(probs, name), lang)
            for lang in ("en", "ja")
        }
        for lang in th:
            chosen[lang].append(th[lang])
        per_file = (
            ("a", scored(items, p, {"en": None, "ja": None})),
            ("b", scored(items, p, {"en": 0.5, "ja": 0.5})),
            ("c", scored(items, p, dict(th))),
        )
        rows_a += per_file[0][1]
        rows_b += per_file[1][1]
        rows_c += per_file[2][1]
        print(f"  {name}: thresholds en {th['en']:.2f} ja {th['ja']:.2f}")
        for tag, rows in per_file:
            for lang in ("en", "ja"):
                sub = [r for r in rows if r.lang == lang]
                if sub:
                    pr, rc = _precision(sub)
                    print(f"    ({tag}) {lang}: P {pr:.3f} R {rc:.3f} n={len(sub)}")
    report("(a) rules alone, pooled over the held-out files", rows_a, per_category=True)
    report("(b) rules OR model >= 0.5", rows_b, per_category=True)
    report("(c) rules OR model >= threshold chosen on the other files", rows_c, True)
    alone = [dict(it, rules=frozenset()) for n in names for it in sets[n]]
    alone_p = [q for n in names for q in probs[n]]
    for t in (0.5, 0.8, 0.9):
        report(f"(d) model alone >= {t}", scored(alone, alone_p, {"en": t, "ja": t}))
    all_items = [it for n in names for it in sets[n]]
    all_p = [q for n in names for q in probs[n]]
    final = {lang: pick_threshold(all_items, all_p, lang) for lang in ("en", "ja")}
    print(f"thresholds for a model trained on every file: en={final['en']},ja={final['ja']}")


def run_blind(path: Path, thresholds: dict[str, float]) -> None:
    files = sorted(p for p in DATA.glob("detect-*.jsonl") if p.name != BLIND)
    train_items = [it for f in files for it in load(f)]
    model = train(train_items)
    items = load(path)
    probs = [predict(model, it["feats"]) for it in items]
    report("rules alone", scored(items, probs, {"en": None, "ja": None}), per_category=True)
    report("rules OR model >= 0.5", scored(items, probs, {"en": 0.5, "ja": 0.5}), True)
    th: dict[str, float | None] = dict(thresholds)
    report(f"rules OR model >= {thresholds}", scored(items, probs, th), per_category=True)


def run_speed() -> None:
    from detect import build_corpus

    files = sorted(p for p in DATA.glob("detect-*.jsonl") if p.name != BLIND)
    model = train([it for f in files for it in load(f)])
    nonzero = sum(len(w) for w in model)
    print(f"non-zero weights: {nonzero} ({nonzero * 8 / 1e6:.1f} MB as 4-byte key + float32)")
    texts = [(t, "ja" if i % 2 else "en") for i, (t, _) in enumerate(build_corpus(2000))]
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text, lang in texts:
            predict(model, features(text, lang, frozenset()))
        best = min(best, time.process_time() - start)
    print(f"features + predict: {best / len(texts) * 1e6:.1f} µs per text (CPU, best of 3)")
    rules = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text, _lang in texts:
            scan(text)
        rules = min(rules, time.process_time() - start)
    print(
        f"scan() on the same texts: {rules / len(texts) * 1e6:.1f} µs per text;"
        f" model / scan {best / rules:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["loso", "blind", "speed"])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--thresholds", default="en=0.5,ja=0.5")
    parser.add_argument("--no-rule-features", action="store_true")
    args = parser.parse_args(argv)
    global RULE_FEATURES
    RULE_FEATURES = not args.no_rule_features
    if args.mode == "loso":
        run_loso()
    elif args.mode == "speed":
        run_speed()
    else:
        pairs = (kv.split("=") for kv in args.thresholds.split(","))
        run_blind(args.file, {k: float(v) for k, v in pairs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
