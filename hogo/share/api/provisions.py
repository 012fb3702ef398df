"""Provisions through the gate, their packages and records, and Art. 31 confirmations."""

from datetime import UTC, date, datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Schema, Status
from pydantic import field_validator

from hogo.errors import NotFound, Refused
from hogo.share.api.common import (
    CONFIRMATION,
    ERRORS,
    IDS,
    PROVISION,
    SUBJECT,
    require_reader,
    router,
    staff_actor,
)
from hogo.share.exceptions import PROVISION_GROUNDS
from hogo.share.export import records_export
from hogo.share.gate import MAX_SUBJECTS, package_download, provision_make
from hogo.share.models import (
    Basis,
    ConfirmationMethod,
    Provision,
    RecordForm,
    ReferableConfirmation,
    ReferableItem,
)
from hogo.share.permissions import can_manage, can_read, can_read_subject_records
from hogo.share.records import (
    ProvisionRefusalReason,
    ProvisionResult,
)
from hogo.share.selectors import (
    provision_get,
    provision_lines,
    provision_records_for,
    provisions_list,
    receipt_records_for,
    referable_confirmation_for,
)
from hogo.share.services import (
    referable_confirm,
    referable_provide,
)
from hogo.vault.exceptions import MAX_EXPLANATION


class ProvisionBody(Schema):
    recipient: str = Field(pattern=r"^rcp_[a-z2-7]{16}$")
    purpose: str = Field(max_length=80)
    subjects: list[str] = Field(min_length=1, max_length=MAX_SUBJECTS)
    categories: list[str] = IDS
    basis: Basis | None = Field(
        None,
        description="Optional; must match the recipient's kind, or be `statutory` (a statutory "
        "exception, Art. 27(1)) with `exception` and `explanation`.",
    )
    form: RecordForm = RecordForm.SINGLE
    exception: str | None = Field(
        None, max_length=16, description="Basis statutory: a ground id from /exception-grounds."
    )
    explanation: str = Field(
        "", max_length=MAX_EXPLANATION, description="Basis statutory: why the exception applies."
    )


class RefusedOut(Schema):
    subject_id: str
    reason: ProvisionRefusalReason


class ProvisionResultOut(Schema):
    provision_id: str | None = Field(description="Null when nobody could be provided.")
    record_id: str | None
    recipient_id: str
    basis: str
    purpose: str
    categories: list[str]
    provided: list[str]
    refused: list[RefusedOut]
    package_url: str | None
    package_sha256: str | None
    package_password: str | None = Field(
        description="Shown once, never stored: hand it over separately from the package."
    )


def _result_out(result: ProvisionResult) -> ProvisionResultOut:
    package = result.package
    return ProvisionResultOut(
        provision_id=result.provision_id,
        record_id=result.record_id,
        recipient_id=result.recipient_id,
        basis=result.basis,
        purpose=result.purpose,
        categories=result.categories,
        provided=result.provided,
        refused=[RefusedOut(subject_id=r.subject_id, reason=r.reason) for r in result.refused],
        package_url=f"/api/v1/share/provisions/{result.provision_id}/package" if package else None,
        package_sha256=package.sha256 if package else None,
        package_password=package.password if package else None,
    )


@router.post(
    "/provisions",
    response={201: ProvisionResultOut, 200: ProvisionResultOut, **ERRORS},
    summary="Provide chosen items of chosen subjects to a recipient",
    description="201 with the provision, its record and the package password; 200 with "
    "`provision_id` null when every subject was refused (nothing recorded). Each refused "
    "subject is listed with its reason.",
)
def provision_create(request: HttpRequest, body: ProvisionBody) -> Status[ProvisionResultOut]:
    actor = staff_actor(request, can_manage(request.user), "provide personal data")
    result = provision_make(
        actor=actor,
        recipient_id=body.recipient,
        purpose=body.purpose,
        subject_ids=body.subjects,
        categories=body.categories,
        basis=body.basis,
        form=body.form,
        exception=body.exception,
        explanation=body.explanation,
    )
    return Status(201 if result.provision_id else 200, _result_out(result))


class ProvisionGroundOut(Schema):
    id: str
    article: str
    title_ja: str
    title_en: str


@router.get(
    "/exception-grounds",
    response={200: list[ProvisionGroundOut], **ERRORS},
    summary="The statutory exceptions a provision may cite (Art. 27(1)(i)-(vii))",
)
def exception_grounds(request: HttpRequest) -> list[ProvisionGroundOut]:
    require_reader(request)
    return [ProvisionGroundOut(**vars(ground)) for ground in PROVISION_GROUNDS]


class ProvisionOut(Schema):
    ref: str
    record_id: str
    recipient_id: str
    basis: str
    purpose: str
    categories: list[str]
    agreement_id: str | None
    succession_id: str | None
    provided_at: datetime
    subjects_provided: int
    subjects_refused: int
    package_sha256: str
    exception: str = Field(description="Basis statutory: the Art. 27(1) ground cited.")
    explanation: str

    @staticmethod
    def of(row: Provision) -> "ProvisionOut":
        return ProvisionOut(
            ref=row.ref,
            record_id=row.record.ref,
            recipient_id=row.recipient.ref,
            basis=row.basis,
            purpose=row.purpose,
            categories=row.categories,
            agreement_id=row.agreement.ref if row.agreement else None,
            succession_id=row.succession.ref if row.succession else None,
            provided_at=row.provided_at,
            subjects_provided=row.subjects_provided,
            subjects_refused=row.subjects_refused,
            package_sha256=row.package_sha256,
            exception=row.exception,
            explanation=row.explanation,
        )


class ProvisionList(Schema):
    items: list[ProvisionOut]


class ProvisionFilter(Schema):
    recipient: str | None = Field(None, pattern=r"^rcp_[a-z2-7]{16}$")
    limit: int = Field(100, ge=1, le=500)
    # Bounded so offset + limit stays a 64-bit integer: past it the database refuses the query.
    offset: int = Field(0, ge=0, le=2**62)


@router.get("/provisions", response={200: ProvisionList, **ERRORS}, summary="Provisions")
def provisions(request: HttpRequest, filters: Query[ProvisionFilter]) -> ProvisionList:
    require_reader(request)
    rows = provisions_list(recipient_id=filters.recipient).select_related(
        "agreement", "succession"
    )[filters.offset : filters.offset + filters.limit]
    return ProvisionList(items=[ProvisionOut.of(row) for row in rows])


@router.get("/provisions/{ref}", response={200: ProvisionOut, **ERRORS}, summary="One")
def provision_read(request: HttpRequest, ref: str = PROVISION) -> ProvisionOut:
    require_reader(request)
    return ProvisionOut.of(provision_get(provision_id=ref))


class LineOut(Schema):
    subject_id: str
    outcome: str
    reason: str
    categories: list[str]
    consent_ref: str
    foreign_consent_ref: str


class LinePage(Schema):
    items: list[LineOut]
    next_after: int | None


class LineFilter(Schema):
    after: int = Field(0, ge=0, le=2**63 - 1)  # a 64-bit row id, as the database holds it
    limit: int = Field(500, ge=1, le=2000)


@router.get("/provisions/{ref}/lines", response={200: LinePage, **ERRORS}, summary="Its subjects")
def provision_subjects(
    request: HttpRequest, filters: Query[LineFilter], ref: str = PROVISION
) -> LinePage:
    require_reader(request)
    page = provision_lines(provision_id=ref, after=filters.after, limit=filters.limit)
    return LinePage(
        items=[
            LineOut(
                subject_id=subject_id,
                outcome=line.outcome,
                reason=line.reason,
                categories=line.categories,
                consent_ref=line.consent_ref,
                foreign_consent_ref=line.foreign_consent_ref,
            )
            for _, subject_id, line in page
        ],
        next_after=page[-1][0] if len(page) == filters.limit else None,
    )


@router.get(
    "/provisions/{ref}/package",
    response={200: None, **ERRORS},
    summary="Download the encrypted package (AES-256 zip)",
)
def provision_package(request: HttpRequest, ref: str = PROVISION) -> HttpResponse:
    actor = staff_actor(request, can_manage(request.user), "download packages")
    package = package_download(actor=actor, provision_id=ref)
    response = HttpResponse(package.content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{package.filename}"'
    return response


class ExportFilter(Schema):
    format: str = Field("csv", pattern=r"^(csv|xlsx)$")
    recipient: str | None = Field(None, pattern=r"^rcp_[a-z2-7]{16}$")
    since: datetime | None = None
    until: datetime | None = None

    @field_validator("since", "until")
    @classmethod
    def in_utc(cls, value: datetime | None) -> datetime | None:
        """Bounds in UTC: PostgreSQL refuses offsets past 15:59 (a 500 the API fuzz test
        found), and a naive bound means the site's own time zone."""
        if value is None:
            return None
        try:
            aware = timezone.make_aware(value) if timezone.is_naive(value) else value
            return aware.astimezone(UTC)
        except (OverflowError, ValueError):
            raise ValueError("out of the supported date range") from None


@router.get(
    "/records/export",
    response={200: None, **ERRORS},
    summary="Provision records as CSV or xlsx, for an inspection",
)
def records_download(request: HttpRequest, filters: Query[ExportFilter]) -> HttpResponse:
    actor = staff_actor(request, can_read(request.user), "export provision records")
    name, content_type, content = records_export(
        actor=actor,
        fmt=filters.format,
        recipient_id=filters.recipient,
        since=filters.since,
        until=filters.until,
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class DisclosedOut(Schema):
    provided_at: datetime
    record_id: str
    recipient_name: str
    recipient_address: str
    recipient_representative: str
    recipient_country: str
    basis: str
    purpose: str
    categories: list[str]
    consent_ref: str
    foreign_consent_ref: str


class ReceiptOut(Schema):
    received_on: date
    record_id: str
    provider_name: str
    provider_address: str
    provider_representative: str
    provider_obtained_by: str
    purposes: list[str]


class DisclosedList(Schema):
    items: list[DisclosedOut] = Field(description="Provision records (Art. 29).")
    receipts: list[ReceiptOut] = Field(description="Receipt records (Art. 30).")


@router.get(
    "/subjects/{ref}/records",
    response={200: DisclosedList, **ERRORS},
    summary="A person's provision and receipt records (for a disclosure, Art. 33(5))",
)
def subject_records(request: HttpRequest, ref: str = SUBJECT) -> DisclosedList:
    if not can_read_subject_records(request.user):
        raise Refused("Your role may not read provision records", code="forbidden")
    provisions = provision_records_for(subject_id=ref)
    receipts = receipt_records_for(subject_id=ref)
    return DisclosedList(
        items=[DisclosedOut(**vars(row)) for row in provisions],
        receipts=[ReceiptOut(**vars(row)) for row in receipts],
    )


class ConfirmationBody(Schema):
    recipient: str = Field(pattern=r"^rcp_[a-z2-7]{16}$")
    items: list[ReferableItem] = Field(min_length=1, max_length=10)
    method: ConfirmationMethod
    confirmed_on: date
    evidence_ref: str = Field("", max_length=200)
    foreign_information_confirmed: bool = False
    form: RecordForm = RecordForm.BULK


class ConfirmationOut(Schema):
    ref: str
    recipient_id: str
    items: list[str]
    method: str
    evidence_ref: str
    foreign_information_confirmed: bool
    confirmed_on: date
    form: str
    first_provided_on: date | None
    last_provided_on: date | None
    retain_until: datetime

    @staticmethod
    def of(row: ReferableConfirmation) -> "ConfirmationOut":
        return ConfirmationOut(
            ref=row.ref,
            recipient_id=row.recipient.ref,
            items=row.items,
            method=row.method,
            evidence_ref=row.evidence_ref,
            foreign_information_confirmed=row.foreign_information_confirmed,
            confirmed_on=row.confirmed_on,
            form=row.form,
            first_provided_on=row.first_provided_on,
            last_provided_on=row.last_provided_on,
            retain_until=row.retain_until,
        )


@router.post(
    "/referable-confirmations",
    response={201: ConfirmationOut, **ERRORS},
    summary="Record an Art. 31 confirmation (personally referable information)",
)
def confirmation_create(request: HttpRequest, body: ConfirmationBody) -> Status[ConfirmationOut]:
    actor = staff_actor(request, can_manage(request.user), "record confirmations")
    row = referable_confirm(
        actor=actor,
        recipient_id=body.recipient,
        items=[str(item) for item in body.items],
        method=body.method,
        confirmed_on=body.confirmed_on,
        evidence_ref=body.evidence_ref,
        foreign_information_confirmed=body.foreign_information_confirmed,
        form=body.form,
    )
    return Status(201, ConfirmationOut.of(row))


class ConfirmationQuery(Schema):
    recipient: str = Field(pattern=r"^rcp_[a-z2-7]{16}$")
    items: list[ReferableItem] = Field(min_length=1, max_length=10)


@router.get(
    "/referable-confirmations/current",
    response={200: ConfirmationOut, **ERRORS},
    summary="The confirmation in force covering these items (404: confirm first)",
)
def confirmation_current(request: HttpRequest, query: Query[ConfirmationQuery]) -> ConfirmationOut:
    require_reader(request)
    row = referable_confirmation_for(
        recipient_id=query.recipient, items=[str(item) for item in query.items]
    )
    if row is None:
        raise NotFound("no confirmation covers these items: confirm before providing")
    return ConfirmationOut.of(row)


class ProvidedBody(Schema):
    on: date | None = None


@router.post(
    "/referable-confirmations/{ref}/provided",
    response={200: ConfirmationOut, **ERRORS},
    summary="Note a day of provision under a confirmation",
)
def confirmation_provided(
    request: HttpRequest, body: ProvidedBody, ref: str = CONFIRMATION
) -> ConfirmationOut:
    actor = staff_actor(request, can_manage(request.user), "record provision")
    return ConfirmationOut.of(referable_provide(actor=actor, confirmation_id=ref, on=body.on))
