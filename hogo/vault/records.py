"""What goes into and comes out of the vault's services (plain frozen dataclasses)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ItemIn:
    """One value for a channel field. `category` None means the channel field's category; a
    free-text field may instead carry the special-care category the detector found in it."""

    field: str
    category: str | None
    value: str
    special_care_consent: str | None = None


@dataclass(frozen=True)
class SubjectIn:
    """One person's identifiers (email, phone, name, member_number) and data items: `ItemIn`s,
    or, where every value is in its field's own category (a directory's columns), field ids
    mapped to text (no object per value to build, check and collect for a bulk import)."""

    identifiers: Mapping[str, str]
    items: Sequence[ItemIn] | Mapping[str, str] = ()


@dataclass(frozen=True)
class IngestResult:
    subject_id: str
    acquisition_id: int
    created: bool
    # The subject row's primary key, so a caller can link its own rows to the subject without
    # reading it again.
    subject_pk: int


class RefusalReason(models.TextChoices):
    NOT_FOUND = "not_found", _("No such subject")
    ERASED = "erased", _("Erased on request; nothing is held")
    DISPOSED = "disposed", _("Disposed of after retention; nothing is held")
    PURPOSE_NOT_ALLOWED = "purpose_not_allowed", _("No acquisition allows this purpose")
    SUSPENDED = "suspended", _("Use for this purpose is suspended")
    RETENTION_EXPIRED = "retention_expired", _("The retention period for this purpose has ended")
    SPECIAL_CARE_WITHOUT_CONSENT = (
        "special_care_without_consent",
        _("Special-care data withheld: no consent recorded, or consent withdrawn"),
    )
    # A purpose a later policy version added or made consent-only (access/gates.py).
    CONSENT_MISSING = (
        "consent_missing",
        _("The person has not consented to this purpose for data acquired before it changed"),
    )


@dataclass(frozen=True)
class AccessRefusal:
    """Why a subject (or, for special-care data, part of it) was not returned. `subject_id` is
    None when a lookup by identifier found nobody."""

    subject_id: str | None
    reason: RefusalReason


@dataclass(frozen=True)
class SubjectView:
    """The values a purpose may use: the latest value per identifier kind and per field, and
    the data category of each (keyed by identifier kind or field id)."""

    subject_id: str
    identifiers: dict[str, str]
    data: dict[str, str]
    categories: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AccessResult:
    items: list[SubjectView] = field(default_factory=list)
    refused: list[AccessRefusal] = field(default_factory=list)


@dataclass(frozen=True)
class SuspensionState:
    subject_id: str
    all_purposes: bool
    purposes: list[str]
    changed: bool


@dataclass(frozen=True)
class ErasureResult:
    subject_id: str
    items: int
    key_destroyed: bool


@dataclass(frozen=True)
class DisclosedAcquisition:
    channel: str
    acquired_at: datetime
    source: str
    policy_version: int
    purposes: list[str]


@dataclass(frozen=True)
class DisclosedItem:
    field: str
    category: str
    value: str
    special_care: bool
    acquisition: DisclosedAcquisition
    retain_until: datetime


@dataclass(frozen=True)
class DisclosedDisposal:
    category: str
    field: str
    items: int
    disposed_at: datetime
    reason: str


@dataclass(frozen=True)
class Disclosure:
    """Everything held about a subject, for the person themself (APPI Art. 33)."""

    subject_id: str
    status: str
    items: list[DisclosedItem]
    suspended_purposes: list[str]
    suspended_all: bool
    disposals: list[DisclosedDisposal]
    # Texts kept under the person's key (inquiry replies and the like, notes.py): held data too.
    notes: list["NoteView"] = field(default_factory=list)
    # Every acquisition of the subject, oldest first (as `lookup.acquisitions_for`), items or not.
    acquisitions: list[DisclosedAcquisition] = field(default_factory=list)
    # The subject's primary key, for the caller's own reads of the same person's rows.
    subject_pk: int = 0
    acquisition_pks: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class NoteIn:
    """A case text to seal (notes.py). `kind` names what it is (`reply`, `contact-email`);
    `retain_until`, if given, is when the retention sweep deletes it."""

    kind: str
    text: str
    retain_until: datetime | None = None


@dataclass(frozen=True)
class NoteView:
    ref: str
    kind: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class NotesResult:
    """An owner's notes opened for a purpose, oldest first; or none, and why (`refused`)."""

    owner: str
    notes: list[NoteView] = field(default_factory=list)
    refused: RefusalReason | None = None

    def text(self, ref: str) -> str | None:
        """The text of one note, None if it is not among those opened."""
        return next((n.text for n in self.notes if n.ref == ref), None)

    def texts(self) -> dict[str, str]:
        return {n.ref: n.text for n in self.notes}


@dataclass(frozen=True)
class Holding:
    """How much the vault holds today: values (items) and the people they belong to."""

    people: int = 0
    items: int = 0
