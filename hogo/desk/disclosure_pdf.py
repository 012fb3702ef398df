"""The disclosure's PDF: `Content` laid out by Typst (`disclosure.typ` beside this module) in
the case's language.

Everything the document shows is decided here, as plain strings: the labels (the desk's
translations, context "disclosure"), the local times and the titles. The Typst file only lays
them out, reading them as data (JSON), so nothing a person wrote can act as markup. A cell is a
string or a list of parts: a string may break where the language allows, a list of strings is
kept whole piece by piece (a date, the time after it, the pieces of a long address).

WeasyPrint laid out the same three pages in about 600 ms of CPU; Typst takes about 40 ms
(bench/pdf.py).
"""

import re
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import get_language, pgettext

from hogo.desk import package_text
from hogo.pdf import pdf_typeset

if TYPE_CHECKING:
    from hogo.desk.package import Content

TEMPLATE = Path(__file__).with_name("disclosure.typ")
Cell = str | list[str | list[str]]
Block = dict[str, object]
# A long run without spaces (an address, a URL) may break after @ . / - _, or every 12 letters.
LONG_TOKEN = re.compile(r"[!-~]{16,}")
PIECES = re.compile(r"[^@./_-]{1,12}[@./_-]*|[@./_-]+")


def disclosure_pdf(content: "Content", *, data_files: list[str], container: str) -> bytes:
    """The PDF in the active language (the caller sets it with `translation.override`)."""
    c = content
    request_id = str(c.request["id"])
    document = {
        "lang": "en" if _en() else "ja",
        "title": f"{pgettext('disclosure', 'Disclosure of personal information')} {request_id}",
        "id": request_id,
        "heading": pgettext("disclosure", "Disclosure of personal information (APPI Art. 33)"),
        "facts": _facts(c),
        "blocks": [
            *_items(c),
            *_acquisitions(c),
            *_consents(c),
            *_suspension(c),
            *_provisions(c),
            *_receipts(c),
            *_disposals(c),
            *_notes(c),
            *_systems(c),
            *_files(c, data_files, container),
        ],
    }
    return pdf_typeset(TEMPLATE, document)


def _en() -> bool:
    return (get_language() or "ja").startswith("en")


def text(value: object) -> Cell:
    """`value` as a cell: long runs without spaces get places to break."""
    shown = str(value)
    if not LONG_TOKEN.search(shown):
        return shown
    parts: list[str | list[str]] = []
    last = 0
    for match in LONG_TOKEN.finditer(shown):
        parts += [shown[last : match.start()], PIECES.findall(match.group())]
        last = match.end()
    parts.append(shown[last:])
    return [p for p in parts if p]


def when(iso: object) -> Cell:
    """A local time that breaks between the date and the time (and between English words),
    never inside a Japanese date or inside "10:00 JST"."""
    shown = package_text.local_time(iso if iso else None, _lang())  # type: ignore[arg-type]
    if not shown:
        return ""
    if _en():
        day, _, time = shown.rpartition(", ")
        return [f"{day}, ", [time]] if day else [[shown]]
    day, _, time = shown.partition(" ")
    return [[day], " ", [time]]


def day(iso: object) -> Cell:
    shown = package_text.local_date(iso if iso else None, _lang())  # type: ignore[arg-type]
    return shown if _en() or not shown else [[shown]]


def listed(titles: object) -> str:
    separator = "; " if _en() else "、"
    return separator.join(str(t) for t in titles)  # type: ignore[attr-defined]


def _lang() -> str:
    return "en" if _en() else "ja"


def _heading(message: str, level: int = 2) -> Block:
    return {"heading": message, "level": level}


def _table(widths: list[int], header: list[str], rows: list[list[Cell]], **extra: object) -> Block:
    return {"table": {"widths": widths, "header": header, "rows": rows, **extra}}


def _none() -> Block:
    return {"p": pgettext("disclosure", "None."), "note": True}


def _facts(c: "Content") -> list[list[Cell]]:
    aside = f" ({c.status_title})" if _en() else f"（{c.status_title}）"
    facts: list[list[Cell]] = [
        [pgettext("disclosure", "From"), text(c.organization)],
        [pgettext("disclosure", "Request number"), str(c.request["id"])],
    ]
    if c.request.get("received_at"):
        facts.append([pgettext("disclosure", "Request received"), when(c.request["received_at"])])
    facts.append([pgettext("disclosure", "Prepared"), when(c.request["generated_at"])])
    facts.append([pgettext("disclosure", "Your record"), f"{c.subject_id}{aside}"])
    return facts


def _items(c: "Content") -> list[Block]:
    heading = _heading(pgettext("disclosure", "1. Personal information we hold"))
    if not c.items:
        return [heading, _none()]
    care = pgettext("disclosure", " (special care)")
    header = [
        pgettext("disclosure", "Item"),
        pgettext("disclosure", "Value"),
        pgettext("disclosure", "Obtained"),
        pgettext("disclosure", "How"),
        pgettext("disclosure", "Purposes of use"),
        pgettext("disclosure", "Kept until"),
    ]
    rows: list[list[Cell]] = [
        [
            f"{i['category_title']}{care if i['special_care'] else ''}",
            text(i["value"]),
            when(i["acquired_at"]),
            str(i["channel_title"]),
            listed(i["purpose_titles"]),
            day(i["retain_until"]),
        ]
        for i in c.items
    ]
    return [heading, _table([15, 22, 15, 13, 20, 15], header, rows)]


def _acquisitions(c: "Content") -> list[Block]:
    heading = _heading(pgettext("disclosure", "2. How we obtained it"))
    if not c.acquisitions:
        return [heading, _none()]
    header = [
        pgettext("disclosure", "Obtained"),
        pgettext("disclosure", "How"),
        pgettext("disclosure", "Policy"),
        pgettext("disclosure", "Purposes of use we stated"),
    ]
    rows: list[list[Cell]] = [
        [
            when(a["acquired_at"]),
            str(a["channel_title"]),
            pgettext("disclosure", "version %(version)s") % {"version": a["policy_version"]},
            pgettext("disclosure", "; ").join(str(p["title"]) for p in a["purposes"]),  # type: ignore[attr-defined]
        ]
        for a in c.acquisitions
    ]
    return [heading, _table([18, 20, 12, 50], header, rows)]


def _consents(c: "Content") -> list[Block]:
    heading = _heading(pgettext("disclosure", "3. Your consents"))
    if not c.consents:
        return [heading, _none()]
    header = [
        pgettext("disclosure", "Consent"),
        pgettext("disclosure", "To"),
        pgettext("disclosure", "Given"),
        pgettext("disclosure", "Withdrawn"),
    ]
    rows: list[list[Cell]] = [
        [
            str(x["kind_title"]),
            text(x["target_title"]),
            when(x["given_at"]),
            when(x["withdrawn_at"]) if x["withdrawn_at"] else "—",
        ]
        for x in c.consents
    ]
    return [heading, _table([24, 40, 18, 18], header, rows)]


def _suspension(c: "Content") -> list[Block]:
    purposes = listed(p["title"] for p in c.suspension["purposes"])  # type: ignore[attr-defined]
    every, some = c.suspension["all_purposes"], bool(c.suspension["purposes"])
    if c.provision_stopped:
        if every:
            said = pgettext(
                "disclosure", "All use is suspended. Provision to third parties is stopped."
            )
        elif some:
            said = pgettext(
                "disclosure",
                "Use is suspended for: %(purposes)s. Provision to third parties is stopped.",
            ) % {"purposes": purposes}
        else:
            said = pgettext(
                "disclosure", "Use is not suspended. Provision to third parties is stopped."
            )
    elif every:
        said = pgettext(
            "disclosure", "All use is suspended. Provision to third parties is not stopped."
        )
    elif some:
        said = pgettext(
            "disclosure",
            "Use is suspended for: %(purposes)s. Provision to third parties is not stopped.",
        ) % {"purposes": purposes}
    else:
        said = pgettext(
            "disclosure", "Use is not suspended. Provision to third parties is not stopped."
        )
    return [_heading(pgettext("disclosure", "4. Suspension of use and of provision")), {"p": said}]


def _provisions(c: "Content") -> list[Block]:
    heading = _heading(
        pgettext("disclosure", "5. Records of provision to third parties (Art. 33(5))")
    )
    if not c.provision_records:
        return [heading, _none()]
    header = [
        pgettext("disclosure", "Provided"),
        pgettext("disclosure", "Recipient"),
        pgettext("disclosure", "Basis"),
        pgettext("disclosure", "Purpose"),
        pgettext("disclosure", "Items"),
    ]
    rows: list[list[Cell]] = []
    representative = pgettext("disclosure", "Representative: ")
    country = pgettext("disclosure", "Country: ")
    for r in c.provision_records:
        recipient = [
            str(r["recipient_name"]),
            str(r["recipient_address"]),
            f"{representative}{r['recipient_representative']}",
        ]
        if r["recipient_country"] != "JP":
            recipient.append(f"{country}{r['recipient_country']}")
        rows.append(
            [
                when(r["provided_at"]),
                text("\n".join(recipient)),
                str(r["basis_title"]),
                str(r["purpose_title"]),
                listed(r["category_titles"]),
            ]
        )
    return [heading, _table([16, 30, 18, 18, 18], header, rows)]


def _receipts(c: "Content") -> list[Block]:
    heading = _heading(
        pgettext("disclosure", "5-2. Records of receipt from other businesses (Art. 30)")
    )
    if not c.receipt_records:
        return [heading, _none()]
    header = [
        pgettext("disclosure", "Received"),
        pgettext("disclosure", "Provided by"),
        pgettext("disclosure", "How they obtained it"),
        pgettext("disclosure", "Purposes"),
    ]
    rows: list[list[Cell]] = [
        [
            day(r["received_on"]),
            text(
                f"{r['provider_name']}\n{r['provider_address']}\n"
                f"{pgettext('disclosure', 'Representative: ')}{r['provider_representative']}"
            ),
            text(r["provider_obtained_by"]),
            str(r["purposes"]),
        ]
        for r in c.receipt_records
    ]
    return [heading, _table([16, 32, 26, 26], header, rows)]


def _disposals(c: "Content") -> list[Block]:
    heading = _heading(pgettext("disclosure", "6. Already disposed of"))
    if not c.disposals:
        return [heading, _none()]
    header = [
        pgettext("disclosure", "Item"),
        pgettext("disclosure", "Count"),
        pgettext("disclosure", "Disposed of"),
        pgettext("disclosure", "Why"),
    ]
    rows: list[list[Cell]] = [
        [str(d["category_title"]), str(d["items"]), when(d["disposed_at"]), str(d["reason_title"])]
        for d in c.disposals
    ]
    return [heading, _table([26, 10, 22, 42], header, rows, right=[1])]


def _notes(c: "Content") -> list[Block]:
    heading = _heading(
        pgettext("disclosure", "7. Messages we keep (such as our replies to your inquiries)")
    )
    if not c.notes:
        return [heading, _none()]
    header = [
        pgettext("disclosure", "Date"),
        pgettext("disclosure", "Kind"),
        pgettext("disclosure", "Text"),
    ]
    rows: list[list[Cell]] = [
        [when(n["created_at"]), str(n["kind_title"]), text(n["text"])] for n in c.notes
    ]
    return [heading, _table([20, 18, 62], header, rows)]


def _systems(c: "Content") -> list[Block]:
    blocks = [_heading(pgettext("disclosure", "8. Your personal information in our other systems"))]
    if not c.systems:
        return [*blocks, _none()]
    for s in c.systems:
        managed = pgettext("disclosure", " (managed by %(owner)s)") % {"owner": s["owner"]}
        purposes = pgettext("disclosure", "; ").join(str(p["title"]) for p in s["purposes"])  # type: ignore[attr-defined]
        said = f"{pgettext('disclosure', 'Purposes: ')}{purposes}"
        blocks += [_heading(f"{s['title']}{managed}", 3), {"p": said}]
        if s.get("file"):
            attached = pgettext(
                "disclosure",
                "What our staff found in this system is in the attached file %(name)s.",
            )
            blocks.append({"p": attached % {"name": s["file"]}, "note": True})
        for table, found in s["tables"].items():  # type: ignore[attr-defined]
            counted = {"table": table, "n": len(found)}
            rows: list[list[Cell]] = []
            for n, row in enumerate(found, start=1):
                rows.append([pgettext("disclosure", "Record %(n)s") % {"n": n}])
                rows += [[str(k), "—" if v is None else text(v)] for k, v in row.items()]
            blocks += [
                {
                    "p": pgettext("disclosure", "Table %(table)s: %(n)s record(s)") % counted,
                    "note": True,
                },
                _table([30, 70], [], rows),
            ]
    return blocks


def _files(c: "Content", names: list[str], container: str) -> list[Block]:
    if not names:
        return []
    if container == "pdf":
        said = pgettext(
            "disclosure",
            "The PDF file of this disclosure also carries the same data as files for a "
            "spreadsheet or a program (open your PDF reader's attachments panel):",
        )
    else:
        said = pgettext(
            "disclosure",
            "The same data comes with this PDF as files you can open in a spreadsheet or a "
            "program:",
        )
    zone = pgettext(
        "disclosure",
        "Times are in %(zone)s local time; the files give them in ISO 8601 and name purposes, "
        "channels and items by their ids in the published policy.",
    ) % {"zone": c.request["time_zone"]}
    return [
        _heading(pgettext("disclosure", "Machine-readable files")),
        {"p": said, "note": True},
        {"list": names},
        {"p": zone, "note": True},
    ]
