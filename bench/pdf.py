"""The disclosure PDF on its own: CPU time of `hogo.pdf.pdf_render` per document, in one process,
for the disclosure of a person with 20 values (Japanese and English; Typst since issue 20), against
WeasyPrint's floors measured in the same run (a one-line Japanese and a one-line Latin
document: WeasyPrint laid out the whole disclosure in about 600 ms).

  .venv/bin/python bench/pdf.py [--renders 9] [--keep DIR]

CPU time (`time.process_time`) is reported beside wall time: on a loaded machine the wall time
varies several-fold, the CPU time much less. `--keep DIR` writes the PDFs there (to
look at them with pdftoppm). Prints a JSON summary. No assertions.
"""

import argparse
import json
import os
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from desk import ACQUISITIONS, person

ACTOR = "system:bench"
FLOOR_JA = (
    '<html lang="ja"><body style="font-family: \'Noto Sans CJK JP\'">'
    "保有個人データ開示書</body></html>"
)
FLOOR_LATIN = '<html lang="en"><body style="font-family: sans-serif">Disclosure</body></html>'


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--renders", type=int, default=9)
    parser.add_argument("--keep", default="", help="a directory for the HTML and the PDFs")
    return parser.parse_args()


def timed(n: int, run: Callable[[], object]) -> dict[str, float]:
    cpu, wall = [], []
    for _ in range(n):
        c, w = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return {
        "cpu_p50_ms": round(statistics.median(cpu) * 1000, 1),
        "cpu_min_ms": round(min(cpu) * 1000, 1),
        "wall_p50_ms": round(statistics.median(wall) * 1000, 1),
    }


def main() -> None:
    args = arguments()
    os.environ["HOGO_DATA_DIR"] = tempfile.mkdtemp(prefix="hogo-bench-pdf-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("HOGO_KEYSTORE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from hogo.desk.models import Case, CaseStatus, Intake
    from hogo.desk.package import package_content, package_files, package_pdf
    from hogo.pdf import pdf_render
    from hogo.policy.selectors import policy_active
    from hogo.policy.services import policy_file_read, policy_load
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    someone = person(7, random.Random(42))
    subject_id = ""
    for channel, purpose, identifiers, fields in ACQUISITIONS:
        [result] = subjects_ingest(
            actor=ACTOR,
            channel=channel,
            purposes=[purpose],
            records=[
                SubjectIn(
                    identifiers={k: someone[k] for k in identifiers},
                    items=[ItemIn(k, None, someone[k]) for k in fields],
                )
            ],
        )
        subject_id = subject_id or result.subject_id
    version = policy_active().version or 1

    def content_of(lang: str) -> Any:
        """A new case each time: every document differs (its number, its times)."""
        case = Case.objects.create(
            kind="disclosure",
            status=CaseStatus.IN_PROGRESS,
            language=lang,
            intake=Intake.PRIVACY_CENTER,
            subject_ref=subject_id,
            policy_version=version,
        )
        return package_content(case=case, actor=ACTOR)

    names = sorted(package_files(content_of("ja"), language="ja", pdf=False))
    keep = Path(args.keep) if args.keep else None
    summary: dict[str, Any] = {"date": date.today().isoformat(), "load": os.getloadavg()}
    pdf_render(FLOOR_JA)  # the first render loads WeasyPrint and the fonts
    for lang in ("ja", "en"):
        contents = iter([content_of(lang) for _ in range(args.renders + 1)])

        def render(lang: str = lang, contents: Iterator[Any] = contents) -> bytes:
            return package_pdf(next(contents), language=lang, data_files=names, container="pdf")

        pdf = render()  # the first one finds the system's fonts
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"disclosure-{lang}.pdf").write_bytes(pdf)
        summary[f"disclosure_{lang}"] = timed(args.renders, render) | {
            "kib": len(pdf) // 1024,
            "pages": len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)),
        }
    summary["floor_one_line_ja"] = timed(args.renders, lambda: pdf_render(FLOOR_JA))
    summary["floor_one_line_latin"] = timed(args.renders, lambda: pdf_render(FLOOR_LATIN))
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
