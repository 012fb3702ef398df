"""What goes into and comes out of the share app's services (plain frozen dataclasses)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models


@dataclass(frozen=True)
class RecipientIn:
    kind: str
    name: str
    address: str
    representative: str
    country: str = "JP"
    category: str = ""
    country_system: str = ""
    recipient_measures: str = ""
    foreign_basis: str = "consent"
    measures_checked_on: date | None = None


@dataclass(frozen=True)
class AgreementIn:
    signed_on: date
    starts_on: date
    purposes: Sequence[str]
    categories: Sequence[str]
    security_clauses: str
    subcontracting: str
    review_due: date
    ends_on: date | None = None
    document_ref: str = ""


@dataclass(frozen=True)
class SuccessionIn:
    kind: str
    effective_on: date
    purposes: Sequence[str]
    categories: Sequence[str]
    document_ref: str = ""


@dataclass(frozen=True)
class JointUseIn:
    categories: Sequence[str]
    purposes: Sequence[str]
    responsible_name: str
    responsible_address: str
    responsible_representative: str
    starts_on: date


class ProvisionRefusalReason(models.TextChoices):
    """Why a subject was not provided (the vault's reasons, then the share app's own)."""

    NOT_FOUND = "not_found", "No such subject"
    ERASED = "erased", "Erased on request; nothing is held"
    DISPOSED = "disposed", "Disposed of after retention; nothing is held"
    PURPOSE_NOT_ALLOWED = "purpose_not_allowed", "No acquisition allows this purpose"
    SUSPENDED = "suspended", "Use for this purpose is suspended"
    RETENTION_EXPIRED = "retention_expired", "The retention period for this purpose has ended"
    SPECIAL_CARE_WITHOUT_CONSENT = (
        "special_care_without_consent",
        "Special-care data chosen but its consent is missing or withdrawn",
    )
    PROVISION_STOPPED = "provision_stopped", "The person stopped provision to others"
    NO_CONSENT = "no_consent", "No consent to provision to this recipient (or its category)"
    NO_FOREIGN_CONSENT = (
        "no_foreign_consent",
        "No consent to provision to this recipient abroad (Art. 28)",
    )
    NOTHING_TO_PROVIDE = "nothing_to_provide", "No value in the chosen items"


@dataclass(frozen=True)
class RefusedSubject:
    subject_id: str
    reason: ProvisionRefusalReason


@dataclass(frozen=True)
class ExportPackage:
    """The encrypted zip for the recipient. `password` is shown once and never stored: hand
    it over separately from the package."""

    filename: str
    content: bytes
    sha256: str
    password: str


@dataclass(frozen=True)
class ProvisionResult:
    """What a provision did. With nobody provided, nothing is recorded: `provision_id`,
    `record_id` and `package` are None."""

    provision_id: str | None
    record_id: str | None
    recipient_id: str
    basis: str
    purpose: str
    categories: list[str]
    provided: list[str] = field(default_factory=list)
    refused: list[RefusedSubject] = field(default_factory=list)
    package: ExportPackage | None = None


@dataclass(frozen=True)
class DisclosedProvision:
    """One provision of a subject's data, as a disclosure of provision records shows it
    (Art. 33(5)): when, to whom, on what basis, which items, the consent relied on."""

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


@dataclass(frozen=True)
class DisclosedReceipt:
    """One receipt of the subject's data from another business (a purchased directory), as a
    disclosure of third-party records shows it (Art. 33(5) with Art. 30): when, from whom, how
    the provider obtained it."""

    received_on: date
    record_id: str
    provider_name: str
    provider_address: str
    provider_representative: str
    provider_obtained_by: str
    purposes: list[str]


@dataclass(frozen=True)
class RecordRow:
    """One provided subject of one provision, a line of the records export for an inspection."""

    record_id: str
    form: str
    retain_until: datetime
    provision_id: str
    provided_at: datetime
    recipient_id: str
    recipient_name: str
    recipient_address: str
    recipient_representative: str
    recipient_country: str
    basis: str
    purpose: str
    subject_id: str
    categories: list[str]
    consent_ref: str
    foreign_consent_ref: str
    exception: str = ""  # basis statutory: the Art. 27(1) ground cited


@dataclass(frozen=True)
class SweepSummary:
    records: int
    provisions: int
    lines: int
    packages: int
    confirmations: int
    receipts: int = 0
