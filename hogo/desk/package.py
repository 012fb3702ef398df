"""The disclosure package (APPI Art. 33, policy 7.1(b)): everything held about the person,
read through the vault's disclosure path for this case, as JSON (machine-readable), CSV and a
PDF in the case's language, in an AES-256 zip.

The zip's password is derived from the server secret and the package id, so it is never
stored, never mailed and shown only on the verified status page; a copy of the database alone
does not open the package.
"""

import base64
import csv
import hashlib
import io
import json
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

import pyzipper
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from hogo.audit.services import audit_record
from hogo.consent.selectors import consents_for
from hogo.desk.models import Case, DownloadLink, Package
from hogo.desk.verification import keyed_hash
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active, policy_at
from hogo.refs import ref_new
from hogo.share.selectors import provision_records_for, receipt_records_for
from hogo.vault.access import subject_disclose
from hogo.vault.lookup import acquisitions_for
from hogo.vault.models import ProvisionStop

LINK_LIFETIME = timedelta(days=7)
ITEM_COLUMNS = [
    "category",
    "category_title",
    "field",
    "value",
    "special_care",
    "acquired_at",
    "channel",
    "policy_version",
    "purposes",
    "retain_until",
]
PROVISION_COLUMNS = [
    "provided_at",
    "record_id",
    "recipient_name",
    "recipient_address",
    "recipient_representative",
    "recipient_country",
    "basis",
    "purpose",
    "categories",
    "consent_id",
    "foreign_consent_id",
]
RECEIPT_COLUMNS = [
    "received_on",
    "record_id",
    "provider_name",
    "provider_address",
    "provider_representative",
    "provider_obtained_by",
    "purposes",
]


@dataclass(frozen=True)
class Content:
    """What is disclosed, as plain values ready for any of the three formats."""

    request: dict[str, object]
    organization: str
    subject_id: str
    status: str
    items: list[dict[str, object]]
    acquisitions: list[dict[str, object]]
    consents: list[dict[str, object]]
    suspension: dict[str, object]
    provision_stopped: bool
    provision_records: list[dict[str, object]]
    disposals: list[dict[str, object]]
    notes: list[dict[str, object]]
    # Art. 30 receipt records: who provided the person's data to us and how they obtained it.
    receipt_records: list[dict[str, object]] = field(default_factory=list)


def package_password(package_ref: str) -> str:
    """24 base32 characters (120 bits) in groups of four: typed by hand from the status page."""
    digest = salted_hmac("hogo.desk.package-password", package_ref, algorithm="sha256").digest()
    text = base64.b32encode(digest[:15]).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def package_zip_name(case: Case) -> str:
    return f"disclosure-{case.ref}.zip"


@transaction.atomic
def package_build(*, case: Case, actor: str, pdf: bool = True) -> Package:
    content = package_content(case=case, actor=actor)
    files = package_files(content, language=case.language, pdf=pdf)
    ref = ref_new("pkg")
    archive = zip_encrypt(files, password=package_password(ref))
    package = Package.objects.create(
        ref=ref,
        case=case,
        content=archive,
        sha256=hashlib.sha256(archive).hexdigest(),
        files=sorted(files),
        items=len(content.items),
    )
    audit_record(
        actor=actor,
        action="desk.package.build",
        subjects=[content.subject_id],
        detail={"case": case.ref, "package": ref, "items": len(content.items), "pdf": pdf},
    )
    return package


def package_content(*, case: Case, actor: str) -> Content:
    """Reads everything about the case's subject (one audited vault disclosure)."""
    disclosure = subject_disclose(actor=actor, subject_id=case.subject_ref, request_ref=case.ref)
    lang = case.language
    policy = policy_active()
    versions: dict[int, Policy] = {}

    def version(number: int) -> Policy:
        if number not in versions:
            versions[number] = policy if number == policy.version else policy_at(version=number)
        return versions[number]

    def category_title(category: str) -> str:
        found = policy.categories.get(category)
        return found.title.get(lang) if found else category

    def channel_title(channel: str, number: int) -> str:
        found = version(number).channels.get(channel)
        return found.title.get(lang) if found else channel

    def purposes(ids: list[str], number: int) -> list[dict[str, object]]:
        known = version(number).purposes
        return [{"id": p, "title": known[p].title.get(lang) if p in known else p} for p in ids]

    items = [
        {
            "category": item.category,
            "category_title": category_title(item.category),
            "field": item.field,
            "value": item.value,
            "special_care": item.special_care,
            "acquired_at": item.acquisition.acquired_at.isoformat(),
            "channel": item.acquisition.channel,
            "policy_version": item.acquisition.policy_version,
            "purposes": list(item.acquisition.purposes),
            "retain_until": item.retain_until.isoformat(),
        }
        for item in disclosure.items
    ]
    acquisitions = [
        {
            "acquired_at": a.acquired_at.isoformat(),
            "channel": a.channel,
            "channel_title": channel_title(a.channel, a.policy_version),
            "source": a.source,
            "policy_version": a.policy_version,
            "purposes": purposes(a.purposes, a.policy_version),
        }
        for a in acquisitions_for(subject_id=case.subject_ref)
    ]
    consents: list[dict[str, object]] = [
        {
            "id": c.ref,
            "kind": c.kind,
            "target": c.target,
            "given_at": c.given_at.isoformat(),
            "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            "active": c.active,
            "policy_version": c.policy_version,
        }
        for c in consents_for(subject_id=case.subject_ref)
    ]
    return Content(
        request={
            "id": case.ref,
            "kind": case.kind,
            "received_at": case.received_at.isoformat() if case.received_at else None,
            "generated_at": timezone.now().isoformat(),
            "language": lang,
        },
        organization=policy.organization.name.get(lang),
        subject_id=disclosure.subject_id,
        status=disclosure.status,
        items=items,
        acquisitions=acquisitions,
        consents=consents,
        suspension={
            "all_purposes": disclosure.suspended_all,
            "purposes": purposes(disclosure.suspended_purposes, policy.version or 0),
        },
        provision_stopped=ProvisionStop.objects.filter(
            subject__ref=case.subject_ref, lifted_at__isnull=True
        ).exists(),
        provision_records=provision_records(subject_id=case.subject_ref),
        disposals=[
            {
                "category": d.category,
                "category_title": category_title(d.category),
                "field": d.field,
                "items": d.items,
                "disposed_at": d.disposed_at.isoformat(),
                "reason": d.reason,
            }
            for d in disclosure.disposals
        ],
        notes=[
            {"kind": n.kind, "created_at": n.created_at.isoformat(), "text": n.text}
            for n in disclosure.notes
        ],
        receipt_records=receipt_records(subject_id=case.subject_ref, policy=policy, lang=lang),
    )


def provision_records(*, subject_id: str) -> list[dict[str, object]]:
    """Records of provision of the subject's data to third parties (Art. 33(5))."""
    return [
        {
            "provided_at": p.provided_at.isoformat(),
            "record_id": p.record_id,
            "recipient_name": p.recipient_name,
            "recipient_address": p.recipient_address,
            "recipient_representative": p.recipient_representative,
            "recipient_country": p.recipient_country,
            "basis": p.basis,
            "purpose": p.purpose,
            "categories": p.categories,
            "consent_id": p.consent_ref,
            "foreign_consent_id": p.foreign_consent_ref,
        }
        for p in provision_records_for(subject_id=subject_id)
    ]


def receipt_records(*, subject_id: str, policy: Policy, lang: str) -> list[dict[str, object]]:
    """Records of receiving the subject's data from another business (Art. 30, disclosed with
    the provision records under Art. 33(5)): when, from whom (name, address, representative),
    how that business obtained it, and the purposes by their titles in the case's language."""

    def title(purpose: str) -> str:
        found = policy.purposes.get(purpose)
        return found.title.get(lang) if found else purpose

    separator = "、" if lang == "ja" else "; "
    return [
        {
            "received_on": r.received_on.isoformat(),
            "record_id": r.record_id,
            "provider_name": r.provider_name,
            "provider_address": r.provider_address,
            "provider_representative": r.provider_representative,
            "provider_obtained_by": r.provider_obtained_by,
            "purposes": separator.join(title(p) for p in r.purposes),
            "purpose_ids": list(r.purposes),
        }
        for r in receipt_records_for(subject_id=subject_id)
    ]


def package_files(content: Content, *, language: str, pdf: bool = True) -> dict[str, bytes]:
    files = {
        "disclosure.json": json.dumps(asdict(content), ensure_ascii=False, indent=2).encode(),
        "items.csv": _csv(
            content.items,
            ITEM_COLUMNS,
        ),
        "acquisitions.csv": _csv(
            content.acquisitions,
            ["acquired_at", "channel", "channel_title", "source", "policy_version", "purposes"],
        ),
        "consents.csv": _csv(
            content.consents,
            ["id", "kind", "target", "given_at", "withdrawn_at", "active", "policy_version"],
        ),
        "provision_records.csv": _csv(content.provision_records, PROVISION_COLUMNS),
        "receipt_records.csv": _csv(content.receipt_records, RECEIPT_COLUMNS),
        "messages.csv": _csv(content.notes, ["created_at", "kind", "text"]),
    }
    if pdf:
        files[f"disclosure-{language}.pdf"] = package_pdf(content, language=language)
    return files


def package_pdf(content: Content, *, language: str) -> bytes:
    import weasyprint  # 2 s to import: only where a PDF is made

    with translation.override(language):
        html = render_to_string("desk/package/disclosure.html", {"c": content, "lang": language})
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf


def zip_encrypt(files: dict[str, bytes], *, password: str) -> bytes:
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(
        buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode())
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _csv(rows: list[dict[str, object]], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    # A byte-order mark so that spreadsheet software reads the Japanese as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _cell(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(v.get("id") if isinstance(v, dict) else v) for v in value)
    if value is None:
        return ""
    text = str(value)
    # Spreadsheets run a cell starting with = + - @ as a formula (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def link_create(*, package: Package) -> tuple[str, datetime]:
    """A single-use download link's token (only its hash is stored) and expiry."""
    token = secrets.token_urlsafe(32)
    expires_at = timezone.now() + LINK_LIFETIME
    DownloadLink.objects.create(
        package=package, token_hash=keyed_hash("download", token), expires_at=expires_at
    )
    return token, expires_at


def link_valid(*, token: str) -> bool:
    return DownloadLink.objects.filter(
        token_hash=keyed_hash("download", token),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
        package__discarded_at__isnull=True,
    ).exists()


@transaction.atomic
def link_use(*, token: str) -> Package | None:
    """The package behind a link, using the link up; None when used, expired or unknown."""
    link = (
        DownloadLink.objects.select_for_update()
        .select_related("package__case")
        .filter(token_hash=keyed_hash("download", token))
        .first()
    )
    now = timezone.now()
    if link is None or link.used_at or link.expires_at <= now or link.package.discarded_at:
        return None
    link.used_at = now
    link.save(update_fields=["used_at"])
    case = link.package.case
    audit_record(
        actor="system:privacy-center",
        action="desk.package.download",
        subjects=[case.subject_ref] if case.subject_ref else [],
        detail={"case": case.ref, "package": link.package.ref},
    )
    return link.package
