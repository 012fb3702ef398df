"""Detector throughput on one core, cold-load time, and Presidio side by side when available.

    .venv/bin/python bench/detect.py [--texts N]

The corpus is N form texts of about 200 characters, half Japanese and half English, built
deterministically from the development set (bench/data/detect-dev.jsonl) padded with ordinary
form sentences, a third of them carrying an e-mail address, phone number, card number or IP
address. Presidio (``presidio-analyzer``) is compared only on the identifiers both support
(e-mail, phone, credit card, IP), in its offline pattern-only configuration (its pattern
recognizers called directly, no spaCy model); when it cannot be imported the comparison is
skipped with the reason.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hogo.detect import scan  # noqa: E402

DEV = ROOT / "bench" / "data" / "detect-dev.jsonl"
FILLER = {
    "en": [
        "Thank you for organizing the event.",
        "I look forward to seeing you there.",
        "Please let me know if you need anything else from me.",
        "Best wishes to the whole team.",
        "I registered through the website last week.",
        "The confirmation e-mail has not arrived yet.",
    ],
    "ja": [
        "いつもお世話になっております。",
        "当日はどうぞよろしくお願いいたします。",
        "ご不明な点があればご連絡ください。",
        "先週ウェブサイトから申し込みました。",
        "確認メールがまだ届いていません。",
        "皆様によろしくお伝えください。",
    ],
}
IDENTIFIERS = [
    ("email", "連絡先は {} です。", "Contact me at {}.", "member{}@example.co.jp"),
    ("phone", "電話番号は {} です。", "My phone number is {}.", "090-{:04d}-5678"),
    ("credit_card", "カード番号は {} です。", "Card number {}.", "4111 1111 1111 1111"),
    ("ip_address", "接続元は {} でした。", "I connected from {}.", "192.0.2.{}"),
]
SHARED = ("email", "phone", "credit_card", "ip_address")


def build_corpus(n: int, seed: int = 7) -> list[tuple[str, set[str]]]:
    """(text, identifier labels planted in it) pairs."""
    rng = random.Random(seed)
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    # Texts that already hold an identifier are left out, so the planted ones are the truth.
    rows = [r for r in rows if "@" not in r["text"] and not any(c.isdigit() for c in r["text"])]
    by_lang = {lang: [r["text"] for r in rows if r["lang"] == lang] for lang in ("en", "ja")}
    corpus = []
    for i in range(n):
        lang = "ja" if i % 2 else "en"
        target = 190
        parts = [rng.choice(by_lang[lang])]
        planted: set[str] = set()
        if i % 3 == 0:
            label, ja_frame, en_frame, value = IDENTIFIERS[(i // 3) % len(IDENTIFIERS)]
            frame = ja_frame if lang == "ja" else en_frame
            parts.append(frame.format(value.format(i % 250)))
            planted.add(label)
        while sum(len(p) for p in parts) < target:
            parts.append(rng.choice(FILLER[lang]))
        text = (" " if lang == "en" else "").join(parts)
        corpus.append((text, planted))
    return corpus


def cold_load() -> tuple[float, float]:
    """Seconds to import the detector, load its lexicons and scan a first text, in a fresh
    process, and that process's peak memory (MB)."""
    # The child's own peak (VmHWM) where /proc has it: ru_maxrss would also count this
    # process's memory at the spawn (Linux keeps the larger of the two across exec).
    code = (
        "import resource, time; t = time.perf_counter(); from hogo.detect import scan; "
        "scan('x'); s = time.perf_counter() - t\n"
        "try: peak = next(int(l.split()[1]) for l in open('/proc/self/status') "
        "if l.startswith('VmHWM'))\n"
        "except (OSError, StopIteration):\n"
        " peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(s, peak / 1024)"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def throughput(fn: Callable[[str], object], texts: list[str]) -> float:
    """Texts per second of CPU time, best of three runs: the machine is shared, and CPU time
    of one single-threaded process is what "one core" means."""
    fn(texts[0])
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - start)
    return len(texts) / best


def hogo_labels(text: str) -> set[str]:
    return {f.label for f in scan(text).identifiers if f.label in SHARED}


def presidio_scanner() -> tuple[Callable[[str], set[str]] | None, str]:
    try:
        from presidio_analyzer.predefined_recognizers import (  # type: ignore[import-not-found]
            CreditCardRecognizer,
            EmailRecognizer,
            IpRecognizer,
            PhoneRecognizer,
        )
    except Exception as exc:
        return None, f"presidio-analyzer cannot be imported ({type(exc).__name__}: {exc})"
    try:
        import tldextract  # type: ignore[import-not-found]

        # Offline: the bundled public-suffix snapshot, never a download at first use.
        tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    except Exception:  # noqa: S110 - older layouts: Presidio still works, maybe online
        pass
    recognizers = [
        (EmailRecognizer(), "EMAIL_ADDRESS", "email"),
        (PhoneRecognizer(supported_regions=("JP", "US", "GB")), "PHONE_NUMBER", "phone"),
        (CreditCardRecognizer(), "CREDIT_CARD", "credit_card"),
        (IpRecognizer(), "IP_ADDRESS", "ip_address"),
    ]

    def run(text: str) -> set[str]:
        found = set()
        for recognizer, entity, label in recognizers:
            if recognizer.analyze(text, [entity], None):
                found.add(label)
        return found

    return run, "pattern recognizers called directly (no NLP engine)"


def precision_recall(corpus: list[tuple[str, set[str]]], fn: Callable[[str], set[str]]) -> str:
    tp = fp = fn_ = 0
    for text, planted in corpus:
        got = fn(text)
        tp += len(got & planted)
        fp += len(got - planted)
        fn_ += len(planted - got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn_) if tp + fn_ else 1.0
    return f"precision {p:.3f} recall {r:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description="detector benchmark")
    parser.add_argument("--texts", type=int, default=10_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    corpus = build_corpus(args.texts)
    texts = [t for t, _ in corpus]
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"corpus: {len(texts)} texts, mean {mean_len:.0f} characters, half ja / half en")
    # The first start after a change of the lexicons builds the load cache (compiled.py).
    for stale in (ROOT / "hogo" / "detect" / "__pycache__").glob("detect-*.marshal"):
        stale.unlink()
    seconds, peak = cold_load()
    print(f"cold load, building the load cache: {seconds:.3f} s, peak memory {peak:.0f} MB")
    runs = [cold_load() for _ in range(3)]
    print(
        "cold load (import + lexicons + first scan): "
        + ", ".join(f"{s:.3f}" for s, _ in runs)
        + f" s, peak memory {max(p for _, p in runs):.0f} MB"
    )
    ours = throughput(scan, texts)
    print(f"hogo.detect scan: {ours:,.0f} texts/s (one core, categories + identifiers)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process after the scans: {peak:.0f} MB (corpus included)")
    print(f"hogo.detect on shared identifiers: {precision_recall(corpus, hogo_labels)}")
    presidio, how = presidio_scanner()
    if presidio is None:
        print(f"presidio: skipped - {how}")
        return 0
    theirs = throughput(presidio, texts)
    print(f"presidio ({how}): {theirs:,.0f} texts/s; hogo is {ours / theirs:.1f}x")
    print(f"presidio on shared identifiers: {precision_recall(corpus, presidio)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
