"""The disclosure package (APPI Art. 33, policy 7.1(b)): everything held about the person,
read through the vault's disclosure path for this case, as JSON (machine-readable), CSV and a
PDF in the case's language: by default an AES-256 encrypted PDF with the JSON and CSV embedded
as PDF attachments, or (HOGO_DISCLOSURE_FORMAT=zip) an AES-256 zip of all the files; the
container is chosen and written by `hogo.packages`, the one package writer.

A section is a key of `Content` (ids and ISO 8601 times, titles beside the ids, from
`package_text`), a CSV in `package_files` and a section of the PDF (`disclosure_pdf`).

The password is derived from the server secret and the package id, so it is never
stored, never mailed and shown only on the verified status page; a copy of the database alone
does not open the package.
"""

import base64
import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from hogo.audit.services import audit_record
from hogo.desk.disclosure_pdf import disclosure_pdf
from hogo.desk.models import Case, DisclosurePackage, DownloadLink
from hogo.desk.package_rows import (
    acquisitions_rows,
    consents_rows,
    disposal_row,
    items_rows,
    provision_records,
    receipt_records,
)
from hogo.desk.package_tables import (
    SystemFile,
    system_files,
    systems_found,
    table_csv,
)
from hogo.desk.package_text import Titles
from hogo.desk.verification import keyed_hash
from hogo.packages import PDF, container_choose, files_open, files_seal, is_pdf
from hogo.policy.schema import System
from hogo.policy.selectors import policy_active
from hogo.refs import ref_new
from hogo.rows import instances_insert
from hogo.systems.records import Found
from hogo.vault.access import subject_disclose
from hogo.vault.selectors import provision_stopped_of

LINK_LIFETIME = timedelta(days=7)
ITEM_COLUMNS = [
    "category",
    "category_title",
    "field",
    "value",
    "special_care",
    "acquired_at",
    "channel",
    "channel_title",
    "policy_version",
    "purposes",
    "purpose_titles",
    "retain_until",
]
CONSENT_COLUMNS = [
    "id",
    "kind",
    "kind_title",
    "target",
    "target_title",
    "given_at",
    "withdrawn_at",
    "active",
    "policy_version",
]
PROVISION_COLUMNS = [
    "provided_at",
    "record_id",
    "recipient_name",
    "recipient_address",
    "recipient_representative",
    "recipient_country",
    "basis",
    "basis_title",
    "purpose",
    "purpose_title",
    "categories",
    "category_titles",
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
    status_title: str
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
    # The organization's other systems holding the person's data: id, title, owner, country,
    # purposes (titles) and `tables` (table -> rows as they are there).
    systems: list[dict[str, object]] = field(default_factory=list)


def package_password(package_ref: str) -> str:
    """24 base32 characters (120 bits) in groups of four: typed by hand from the status page."""
    digest = salted_hmac("hogo.desk.package-password", package_ref, algorithm="sha256").digest()
    text = base64.b32encode(digest[:15]).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def package_zip_name(case: Case) -> str:
    return f"disclosure-{case.ref}.zip"


def package_is_pdf(package: DisclosurePackage) -> bool:
    return is_pdf(bytes(package.content))


def package_attachment(package: DisclosurePackage) -> tuple[str, str]:
    """The file name and media type the package is delivered under (mail or download)."""
    if package_is_pdf(package):
        return f"disclosure-{package.case.ref}.pdf", "application/pdf"
    return package_zip_name(package.case), "application/zip"


@transaction.atomic
def disclosure_package_build(
    *,
    case: Case,
    actor: str,
    pdf: bool = True,
    systems: Sequence[tuple[System, Found]] = (),
    uploads: Sequence[SystemFile] = (),
) -> DisclosurePackage:
    """Builds the package in the container `hogo.packages` chooses (HOGO_DISCLOSURE_FORMAT):
    `pdf`, an AES-256 encrypted PDF carrying the JSON and CSV files as PDF attachments (opens in
    any PDF reader), or `zip`, an AES-256 zip of the same files (needs 7-Zip or the like).
    Without a PDF (`pdf=False`) it is always a zip. `uploads`: the files the desk found in
    manual systems, each added as it was uploaded."""
    content = package_content(case=case, actor=actor, systems=systems, uploads=uploads)
    container = container_choose(printable=pdf)
    files = package_files(
        content, language=case.language, pdf=pdf, container=container, uploads=uploads
    )
    ref = ref_new("pkg")
    cover = package_pdf_name(case.language) if container == PDF else None
    archive = files_seal(files, password=package_password(ref), cover=cover)
    package = DisclosurePackage(
        ref=ref,
        case=case,
        content=archive,
        sha256=hashlib.sha256(archive).hexdigest(),
        files=sorted(files),
        items=len(content.items),
    )
    instances_insert([package])  # as `create` (no save receivers), one plain INSERT
    audit_record(
        actor=actor,
        action="desk.package.build",
        subjects=[content.subject_id] if content.subject_id else [],
        detail={
            "case": case.ref,
            "package": ref,
            "items": len(content.items),
            "systems": len(content.systems),
            "pdf": pdf,
            "format": container,
        },
    )
    return package


def package_content(
    *,
    case: Case,
    actor: str,
    systems: Sequence[tuple[System, Found]] = (),
    uploads: Sequence[SystemFile] = (),
) -> Content:
    """Reads everything about the case's subject (one audited vault disclosure) and adds the
    rows found in the organization's other systems. Every id comes with its title in the case's
    language and every time in ISO 8601 (`package_text`)."""
    lang = case.language
    policy = policy_active()
    titles = Titles(policy=policy, lang=lang)
    found = systems_found(policy, titles, systems, uploads)
    if not case.subject_ref:  # known only to the other systems
        return _others_only(case, policy.organization.name.get(lang), found)
    disclosure = subject_disclose(actor=actor, subject_id=case.subject_ref, request_ref=case.ref)
    return Content(
        request=_request(case),
        organization=policy.organization.name.get(lang),
        subject_id=disclosure.subject_id,
        status=disclosure.status,
        status_title=titles.code(disclosure.status),
        items=items_rows(disclosure.items, titles),
        acquisitions=acquisitions_rows(disclosure.acquisitions, titles),
        # The disclosure read the subject in this transaction: the selectors need not again.
        consents=consents_rows(subject_pk=disclosure.subject_pk, titles=titles),
        suspension={
            "all_purposes": disclosure.suspended_all,
            "purposes": titles.purposes(disclosure.suspended_purposes),
        },
        provision_stopped=provision_stopped_of(subject_pk=disclosure.subject_pk),
        provision_records=provision_records(
            subject_id=case.subject_ref, titles=titles, subject_pk=disclosure.subject_pk
        ),
        disposals=[disposal_row(d, titles) for d in disclosure.disposals],
        notes=[
            {
                "kind": n.kind,
                "kind_title": titles.code(n.kind),
                "created_at": n.created_at.isoformat(),
                "text": n.text,
            }
            for n in disclosure.notes
        ],
        receipt_records=receipt_records(
            subject_id=case.subject_ref,
            titles=titles,
            acquisition_pks=disclosure.acquisition_pks,
        ),
        systems=found,
    )


def _others_only(case: Case, organization: str, found: list[dict[str, object]]) -> Content:
    """The content for a person hogo's vault does not hold: what the other systems hold."""
    return Content(
        request=_request(case),
        organization=organization,
        subject_id="",
        status="",
        status_title="",
        items=[],
        acquisitions=[],
        consents=[],
        suspension={"all_purposes": False, "purposes": []},
        provision_stopped=False,
        provision_records=[],
        disposals=[],
        notes=[],
        systems=found,
    )


def _request(case: Case) -> dict[str, object]:
    return {
        "id": case.ref,
        "kind": case.kind,
        "received_at": case.received_at.isoformat() if case.received_at else None,
        "generated_at": timezone.now().isoformat(),
        "language": case.language,
        "time_zone": settings.TIME_ZONE,
    }


def package_files(
    content: Content,
    *,
    language: str,
    pdf: bool = True,
    container: str = "zip",
    uploads: Sequence[SystemFile] = (),
) -> dict[str, bytes]:
    """The package's files by name. `container` (pdf or zip) is what the PDF says holds the
    machine-readable files: its own attachments, or the zip around it."""
    files = {
        "disclosure.json": json.dumps(
            # Its sections are plain lists and dicts already: `asdict`'s deep copy is not needed.
            {f.name: getattr(content, f.name) for f in fields(content)},
            ensure_ascii=False,
            indent=2,
        ).encode(),
        "items.csv": table_csv(
            content.items,
            ITEM_COLUMNS,
        ),
        "acquisitions.csv": table_csv(
            content.acquisitions,
            ["acquired_at", "channel", "channel_title", "source", "policy_version", "purposes"],
        ),
        "consents.csv": table_csv(
            content.consents,
            CONSENT_COLUMNS,
        ),
        "provision_records.csv": table_csv(content.provision_records, PROVISION_COLUMNS),
        "receipt_records.csv": table_csv(content.receipt_records, RECEIPT_COLUMNS),
        "messages.csv": table_csv(content.notes, ["created_at", "kind", "text"]),
        **system_files(content.systems),
        **{u.name: u.content for u in uploads},
    }
    if pdf:
        files[package_pdf_name(language)] = package_pdf(
            content, language=language, data_files=sorted(files), container=container
        )
    return files


def package_pdf_name(language: str) -> str:
    return f"disclosure-{language}.pdf"


def package_pdf(
    content: Content,
    *,
    language: str,
    data_files: Sequence[str] = (),
    container: str = "zip",
) -> bytes:
    with translation.override(language):
        return disclosure_pdf(content, data_files=list(data_files), container=container)


def package_open(package: DisclosurePackage) -> dict[str, bytes]:
    """The package's files (for the desk's printout and for checks): the PDF decrypted (its
    attachments left in) and each embedded or zipped file by name."""
    pdf, files = files_open(bytes(package.content), password=package_password(package.ref))
    if pdf is None:
        return files
    return files | {package_pdf_name(package.case.language): pdf}


def link_create(*, package: DisclosurePackage) -> tuple[str, datetime]:
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
def link_use(*, token: str) -> DisclosurePackage | None:
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
