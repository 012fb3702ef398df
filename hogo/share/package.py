"""The export package for a recipient: an AES-256 zip (WinZip AES, opens with 7-Zip) holding
`manifest.json` and `data.csv`, written by `hogo.packages` (the one package writer; it is a zip
whatever HOGO_DISCLOSURE_FORMAT says, as there is no PDF in it). A fresh random password per
package is returned once, to be handed over separately; the organization does not keep it."""

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from hogo.csvfile import csv_bytes
from hogo.packages import container_choose, files_seal
from hogo.policy.schema import Policy
from hogo.share.models import Recipient
from hogo.share.records import ExportPackage
from hogo.vault.records import SubjectView

PASSWORD_BYTES = 24  # 32 URL-safe characters, 192 bits
FORMAT = 1


@dataclass(frozen=True)
class PackageTerms:
    provision_id: str
    record_id: str
    provided_at: datetime
    recipient: Recipient
    basis: str
    purpose: str
    categories: Sequence[str]
    policy: Policy


def provision_package_build(*, terms: PackageTerms, views: Sequence[SubjectView]) -> ExportPackage:
    columns = _columns(terms.categories, views)
    data = _csv(columns, views)
    manifest = _manifest(terms, columns, data, len(views))
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    container = container_choose(printable=False)
    content = files_seal({"manifest.json": manifest.encode(), "data.csv": data}, password=password)
    return ExportPackage(
        filename=f"{terms.provision_id}.{container}",
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        password=password,
    )


def _columns(categories: Sequence[str], views: Sequence[SubjectView]) -> list[tuple[str, str]]:
    """(column, category) in the order the categories were chosen, then by name."""
    found: dict[str, str] = {}
    for view in views:
        found.update(view.categories)
    rank = {category: n for n, category in enumerate(categories)}
    return sorted(found.items(), key=lambda item: (rank.get(item[1], len(rank)), item[0]))


def _csv(columns: list[tuple[str, str]], views: Sequence[SubjectView]) -> bytes:
    rows = []
    for view in views:
        values = {**view.data, **view.identifiers}
        rows.append([view.subject_id, *(values.get(name, "") for name, _ in columns)])
    return csv_bytes(["subject_id", *(name for name, _ in columns)], rows)


def _manifest(
    terms: PackageTerms, columns: list[tuple[str, str]], data: bytes, subjects: int
) -> str:
    organization = terms.policy.organization
    purpose = terms.policy.purposes[terms.purpose]
    recipient = terms.recipient
    return json.dumps(
        {
            "format": FORMAT,
            "provision": terms.provision_id,
            "record": terms.record_id,
            "provided_at": terms.provided_at.isoformat(),
            "provider": {
                "name": organization.name.en,
                "name_ja": organization.name.ja,
                "address": organization.address.ja,
                "representative": organization.representative.ja,
            },
            "recipient": {
                "id": recipient.ref,
                "name": recipient.name,
                "address": recipient.address,
                "representative": recipient.representative,
                "country": recipient.country,
            },
            "basis": terms.basis,
            "purpose": {"id": purpose.id, "title": purpose.title.en, "title_ja": purpose.title.ja},
            # Data provided for a purpose stays bound to it with the recipient: a contractor
            # handles it for us, a successor inherits the purposes (APPI Art. 18(2)).
            "bound_purposes": [purpose.id],
            "categories": list(terms.categories),
            "columns": [{"name": name, "category": category} for name, category in columns],
            "subjects": subjects,
            "files": [
                {
                    "name": "data.csv",
                    "bytes": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "encoding": "utf-8 with byte-order mark",
                }
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
