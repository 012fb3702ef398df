"""Identifier recall and precision on international synthetic text, hogo beside Presidio.

    .venv/bin/python bench/identifiers.py [--rows N] [--presidio-python PATH]

The set is built deterministically with Faker (seed 17) in 12 locales: form-like sentences in
English and in Japanese (no spaces around the value) each carrying one e-mail address, phone
number, card number or IP address in the locale's own formats, and as many hard negatives
(order numbers, dates, amounts, times, versions, postal codes, bank-transfer references) that
carry none. A found identifier counts when its label was planted in the sentence.

Presidio's pattern recognizers (e-mail, phone with the same regions, credit card, IP) are run
on the same texts when `--presidio-python` names a Python that has `presidio-analyzer`
installed (a separate environment: it is not a dependency of hogo).
"""

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402

from hogo.detect import scan  # noqa: E402

LOCALES = (
    "en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "es_ES", "pt_BR", "nl_NL", "en_AU", "en_IN",
    "ko_KR", "ja_JP",
)  # fmt: skip
REGIONS = ("JP", "US", "GB", "DE", "FR", "IT", "ES", "BR", "NL", "AU", "IN", "KR")
LABELS = ("email", "phone", "credit_card", "ip_address")
CARD_KINDS = (
    "visa16", "visa13", "visa19", "mastercard", "amex", "discover", "jcb16", "jcb15", "diners",
    "maestro", "unionpay",
)  # fmt: skip
FRAMES = {
    "en": {
        "email": ["Please reply to {} about my booking.", "email: {}", "You can reach me at {}"],
        "phone": [
            "Call me on {} after 6pm.",
            "Phone: {}",
            "my number is {} pls text first",
            "Ask for Sam at {} or write to the office.",
            "Sam Lee, {}, London",
        ],
        "credit_card": ["Card number {} exp 09/29", "Charge it to {} please.", "card: {}"],
        "ip_address": ["Login failed from {} twice.", "My router shows {}", "source IP {}"],
    },
    "ja": {
        "email": ["連絡先は{}です。", "メール：{}までお願いします", "{}宛てに送ってください。"],
        "phone": [
            "電話番号は{}です。",
            "携帯：{}（夜間のみ）",
            "{}までお電話ください。",
            "山田（{}）まで。",
        ],
        "credit_card": ["カード番号は{}です。", "クレジットカード{}で支払いました", "カード：{}"],
        "ip_address": ["接続元は{}でした。", "IPアドレス{}からアクセス", "ルーターは{}です"],
    },
}
NEGATIVES = {
    "en": [
        "Order #{n6} shipped on {date}.",
        "The invoice total was ${amount} for {n2} seats.",
        "Meeting at {time} in room {n3}, build {version}.",
        "Reference {n8}-{n4} for the bank transfer.",
        "Session {n2} starts {date} at {time}; ticket {n10}.",
        "Invoice 00{n8} covers {n2} items at {amount} each.",
        "ISBN 978-{n1}-{n2}-{n6}-{n1}, printed {date}.",
        "We met {n2} times between 2019-2023; budget {amount}.",
        "Tracking number {n10}{n2}, parcel {n3} of {n4}.",
        "Room {n3}, {time}-{time}, {n2}% full.",
    ],
    "ja": [
        "注文番号{n6}は{date}に発送しました。",
        "請求額は{amount}円、参加者{n2}名です。",
        "{time}から{n3}号室で、バージョン{version}。",
        "振込番号{n8}-{n4}でお願いします。",
        "受付番号{n10}、{date}開催。",
        "口座番号{n8}、支店{n3}へ{amount}円。",
        "問い合わせ番号00{n8}の件です。",
        "会員番号{n6}-{n4}、{date}更新。",
    ],
}


def _unionpay(rng: random.Random) -> str:
    body = "62" + "".join(rng.choice("0123456789") for _ in range(13))
    for check in "0123456789":
        digits = body + check
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
            for i, d in enumerate(int(c) for c in reversed(digits))
        )
        if total % 10 == 0:
            return digits
    raise AssertionError


def _card(fake: Faker, rng: random.Random) -> str:
    kind = rng.choice(CARD_KINDS)
    number = _unionpay(rng) if kind == "unionpay" else fake.credit_card_number(kind)
    style = rng.choice(["plain", "space", "dash"])
    if style == "plain":
        return number
    groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    return (" " if style == "space" else "-").join(groups)


def _value(label: str, fake: Faker, rng: random.Random) -> str:
    if label == "email":
        return fake.email()
    if label == "phone":
        return fake.phone_number()
    if label == "credit_card":
        return _card(fake, rng)
    return fake.ipv4() if rng.random() < 0.7 else fake.ipv6()


def _negative(lang: str, rng: random.Random) -> str:
    def n(k: int) -> str:
        return str(rng.randrange(10 ** (k - 1), 10**k))

    fields = {
        "n1": n(1), "n2": n(2), "n3": n(3), "n4": n(4), "n6": n(6), "n8": n(8), "n10": n(10),
        "amount": f"{rng.randrange(1000, 999999):,}",
        "date": rng.choice(["2026-11-03", "03/11/2026", "2026年11月3日", "Nov 3, 2026"]),
        "time": rng.choice(["10:30", "18:00", "9:15 am"]),
        "version": f"{rng.randrange(1, 9)}.{rng.randrange(0, 20)}.{rng.randrange(0, 99)}",
    }  # fmt: skip
    return rng.choice(NEGATIVES[lang]).format(**fields)


def build(rows: int, seed: int = 17) -> list[dict[str, object]]:
    rng = random.Random(seed)
    fakers = {}
    for locale in LOCALES:
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(seed)
    out: list[dict[str, object]] = []
    for i in range(rows):
        locale = LOCALES[i % len(LOCALES)]
        lang = "ja" if (i // len(LOCALES)) % 3 == 0 else "en"
        if i % 5 == 4:
            out.append({"text": _negative(lang, rng), "lang": lang, "locale": locale, "labels": []})
            continue
        label = LABELS[(i // 2) % len(LABELS)]
        value = _value(label, fakers[locale], rng)
        text = rng.choice(FRAMES[lang][label]).format(value)
        out.append({"text": text, "lang": lang, "locale": locale, "labels": [label]})
    return out


def hogo_found(text: str) -> list[str]:
    return sorted({f.label for f in scan(text).identifiers if f.label in LABELS})


PRESIDIO = """
import json, sys
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer, EmailRecognizer, IpRecognizer, PhoneRecognizer)
regions = sys.argv[1].split(",")
recognizers = [
    (EmailRecognizer(), "EMAIL_ADDRESS", "email"),
    (PhoneRecognizer(supported_regions=regions), "PHONE_NUMBER", "phone"),
    (CreditCardRecognizer(), "CREDIT_CARD", "credit_card"),
    (IpRecognizer(), "IP_ADDRESS", "ip_address"),
]
for line in sys.stdin:
    text = json.loads(line)
    print(json.dumps(sorted({label for r, e, label in recognizers if r.analyze(text, [e], None)})))
"""


def presidio_found(python: str, texts: list[str]) -> list[list[str]]:
    result = subprocess.run(  # noqa: S603
        [python, "-c", PRESIDIO, ",".join(REGIONS)],
        input="".join(json.dumps(t) + "\n" for t in texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def table(rows: list[dict[str, object]], found: list[list[str]], who: str) -> list[str]:
    counts: Counter[tuple[str, str]] = Counter()
    for row, got in zip(rows, found, strict=True):
        planted = set(row["labels"])  # type: ignore[call-overload]
        for label in LABELS:
            key = "tp" if label in planted and label in got else None
            key = key or ("fn" if label in planted else "fp" if label in got else None)
            if key:
                counts[(label, key)] += 1
                counts[(f"{label}:{row['lang']}", key)] += 1
    lines = [f"{who}: label  precision  recall  (ja recall)"]
    total: Counter[str] = Counter()
    for label in LABELS:
        tp, fp, fn = (counts[(label, k)] for k in ("tp", "fp", "fn"))
        total.update({"tp": tp, "fp": fp, "fn": fn})
        ja_tp, ja_fn = counts[(f"{label}:ja", "tp")], counts[(f"{label}:ja", "fn")]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        lines.append(f"  {label:12} {p:.3f}  {r:.3f}  ({ja_tp / max(1, ja_tp + ja_fn):.3f})")
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    lines.append(f"  {'all':12} {tp / max(1, tp + fp):.3f}  {tp / max(1, tp + fn):.3f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="identifier recall on synthetic text")
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--presidio-python", help="a Python with presidio-analyzer installed")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per label")
    args = parser.parse_args()
    rows = build(args.rows)
    texts = [str(r["text"]) for r in rows]
    print(f"{len(rows)} texts, locales {', '.join(LOCALES)}")
    ours = [hogo_found(t) for t in texts]
    print("\n".join(table(rows, ours, "hogo")))
    if args.misses:
        shown: Counter[str] = Counter()
        for row, got in zip(rows, ours, strict=True):
            for label in set(row["labels"]) ^ set(got):  # type: ignore[call-overload]
                if shown[label] < args.misses:
                    shown[label] += 1
                    print(f"  miss/extra {label} [{row['locale']}]: {row['text']}")
    if args.presidio_python:
        print("\n".join(table(rows, presidio_found(args.presidio_python, texts), "presidio")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
