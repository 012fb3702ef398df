"""The vault's tables. Personal values exist here only as AES-GCM ciphertext (`sealed`) and as
keyed blind-index digests; their keys live in the separate key store (`DataKey`).

Main database: Subject, Acquisition, AcquisitionPurpose, Item, BlindIndex, Suspension,
ProvisionStop, Disposal, Note, ExceptionalUse.
Key store (`keys` database, routers.py): DataKey, KeyStoreSecret.
"""

import base64
import os
import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hogo.refs import ref_new
from hogo.vault.crypto import associated_data


def subject_ref_new() -> str:
    return ref_new("sub")


def subject_refs_new(count: int) -> list[str]:
    """`count` ids as `subject_ref_new` makes them, from one read of the CSPRNG: 80 bits are
    exactly 16 base32 characters, so one encoding of the whole read cuts into the ids."""
    text = base64.b32encode(os.urandom(10 * count)).decode().lower()
    return ["sub_" + text[start : start + 16] for start in range(0, len(text), 16)]


class SubjectStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ERASED = "erased", _("Erased on request (keys destroyed)")
    DISPOSED = "disposed", _("Disposed of after retention (keys destroyed)")


class Source(models.TextChoices):
    FORM = "form", _("Public form")
    API = "api", _("API")
    IMPORT = "import", _("Import")


class IdentifierKind(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    NAME = "name", _("Name")
    MEMBER_NUMBER = "member_number", _("Member number")
    # Which policy category holds each kind is the policy's choice (`identifier = "email"`).


class DisposalReason(models.TextChoices):
    RETENTION_EXPIRED = "retention_expired", _("Retention period of every purpose ended")
    ERASURE_REQUEST = "erasure_request", _("The person asked for erasure (Art. 35)")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("The person withdrew consent")
    UNLAWFUL_ACQUISITION = "unlawful_acquisition", _("Acquired or used against the policy")
    OFFICER_DECISION = "officer_decision", _("Decision of the privacy officer")


class Subject(models.Model):
    """A person. Known outside the vault only by `ref`, never by the primary key."""

    ref = models.CharField(
        _("ref"), max_length=32, unique=True, default=subject_ref_new, editable=False
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SubjectStatus.choices, default=SubjectStatus.ACTIVE
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        permissions = (("reveal_subject", "Can reveal a subject's values for a stated purpose"),)

    def __str__(self) -> str:
        return self.ref


class Acquisition(models.Model):
    """One occasion on which personal data about a subject was obtained, and on what terms."""

    # No index of its own: the (subject, acquired_at) index below serves it, one B-tree fewer
    # to write per acquisition.
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="acquisitions", db_index=False
    )
    channel = models.CharField(_("channel"), max_length=64)
    acquired_at = models.DateTimeField(_("acquired at"))
    policy_version = models.PositiveIntegerField(_("policy version"))
    purposes = models.JSONField(_("purposes"), help_text=_("Purpose ids stated at acquisition."))
    notice_sha256 = models.CharField(_("notice sha256"), max_length=64, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    recorded_by = models.CharField(max_length=80, help_text=_("Audit actor."))

    class Meta:
        verbose_name = _("acquisition")
        verbose_name_plural = _("acquisitions")
        indexes = (models.Index(fields=["subject", "acquired_at"]),)

    def __str__(self) -> str:
        return f"{self.channel} {self.acquired_at:%Y-%m-%d}"


class AcquisitionPurpose(models.Model):
    """A purpose of an acquisition with the end of its retention, for indexed purpose queries.
    Written with the acquisition (same service, same transaction) from its `purposes`."""

    # Indexed by the unique (acquisition, purpose) constraint below.
    acquisition = models.ForeignKey(
        Acquisition, on_delete=models.CASCADE, related_name="grants", db_index=False
    )
    # Every read names the purpose, so the (purpose, subject) index below serves them; subjects
    # are never deleted (erasure closes them), so no cascade looks a subject's grants up.
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+", db_index=False)
    purpose = models.CharField(max_length=80)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["acquisition", "purpose"], name="vault_grant_unique"),
        )
        indexes = (models.Index(fields=["purpose", "subject"]),)

    def __str__(self) -> str:
        return self.purpose


class BlindIndex(models.Model):
    """A keyed digest of one normalized identifier of a subject, for exact lookup."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=IdentifierKind.choices)
    digest = models.CharField(max_length=32)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["kind", "digest", "subject"], name="vault_index_unique"
            ),
            # One person per e-mail address: a known address attaches to its subject, even when
            # two requests race (the loser retries as an attach).
            models.UniqueConstraint(
                fields=["kind", "digest"],
                condition=Q(kind=IdentifierKind.EMAIL),
                name="vault_index_email_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} index"


class Item(models.Model):
    """One personal value, sealed with its subject's data key. The row id is random so that it
    is known before the insert: it is part of the ciphertext's associated data."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="items")
    acquisition = models.ForeignKey(Acquisition, on_delete=models.CASCADE, related_name="items")
    field = models.CharField(_("field"), max_length=64)
    category = models.CharField(_("category"), max_length=64)
    # For an identifier, its blind-index digest (the subject's `BlindIndex` row holds the same);
    # empty for other values. A value and not a link: no index to write with every item.
    digest = models.CharField(max_length=32, blank=True)
    sealed = models.BinaryField()
    special_care = models.BooleanField(_("special care"), default=False)
    consent_ref = models.CharField(
        max_length=64, blank=True, help_text=_("The consent record allowing special-care data.")
    )
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    retain_until = models.DateTimeField(_("retain until"), db_index=True)

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = (
            models.CheckConstraint(
                condition=Q(special_care=False) | ~Q(consent_ref=""),
                name="vault_item_special_care_consent",
            ),
        )

    def __str__(self) -> str:
        return f"{self.field} ({self.category})"


def item_aad(item_pk: uuid.UUID | str, subject_ref: str) -> bytes:
    """An item's associated data: its table, column, row (the id as 32 hex digits, as a UUID
    or already as text) and subject."""
    row = item_pk.hex if isinstance(item_pk, uuid.UUID) else item_pk
    # The bytes of `associated_data(table="vault_item", column="sealed", ...)`, joined here
    # because this runs once for every value stored or opened.
    return ITEM_AAD_PREFIX + f"{row}\x1f{subject_ref}".encode()


# Up to the row id; ingest joins the rest itself for a whole batch.
ITEM_AAD_PREFIX = associated_data(table="vault_item", column="sealed", row="", subject="")[:-1]


class Suspension(models.Model):
    """Use of a subject's data suspended for one purpose, or for all (`purpose` null)."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="suspensions")
    # NULL is "every purpose", distinct from any purpose id (and from an empty string).
    purpose = models.CharField(_("purpose"), max_length=80, null=True, blank=True)  # noqa: DJ001
    suspended_at = models.DateTimeField(_("suspended at"), auto_now_add=True)
    suspended_by = models.CharField(_("suspended by"), max_length=80)
    request_ref = models.CharField(_("request ref"), max_length=64, blank=True)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.CharField(_("lifted by"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        # The board counts suspensions per month (hogo/vault/counts.py).
        indexes = (models.Index(fields=["suspended_at"], name="vault_suspension_at"),)
        constraints = (
            models.UniqueConstraint(
                fields=["subject", "purpose"],
                condition=Q(lifted_at__isnull=True, purpose__isnull=False),
                name="vault_suspension_one_active",
            ),
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(lifted_at__isnull=True, purpose__isnull=True),
                name="vault_suspension_one_active_all",
            ),
        )

    def __str__(self) -> str:
        return self.purpose or "all purposes"


class ProvisionStop(models.Model):
    """Provision of a subject's data to others stopped on the person's request (APPI Art.
    35(3)): the share app refuses to provide it while a stop is in force. Use inside the
    organization is a separate matter (Suspension)."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="provision_stops")
    stopped_at = models.DateTimeField(auto_now_add=True)
    stopped_by = models.CharField(max_length=80)
    request_ref = models.CharField(max_length=64, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.CharField(max_length=80, blank=True)

    class Meta:
        indexes = (models.Index(fields=["stopped_at"], name="vault_provision_stop_at"),)
        constraints = (
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(lifted_at__isnull=True),
                name="vault_provision_stop_one_active",
            ),
        )

    def __str__(self) -> str:
        return "provision stopped" if self.lifted_at is None else "provision stop lifted"


class Disposal(models.Model):
    """What was disposed of, when and why, without any value: the desk's "already disposed"."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="disposals")
    acquisition = models.ForeignKey(
        Acquisition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    field = models.CharField(_("field"), max_length=64)
    category = models.CharField(_("category"), max_length=64)
    items = models.PositiveIntegerField(_("items"))
    disposed_at = models.DateTimeField(_("disposed at"))
    reason = models.CharField(_("reason"), max_length=32, choices=DisposalReason.choices)
    actor = models.CharField(_("actor"), max_length=80)
    request_ref = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("disposal")
        verbose_name_plural = _("disposals")
        indexes = (
            models.Index(fields=["subject", "disposed_at"]),
            # The board's erasures per month (hogo/vault/counts.py), covering.
            models.Index(fields=["reason", "disposed_at", "subject"], name="vault_disposal_board"),
        )

    def __str__(self) -> str:
        return f"{self.category} {self.reason}"


class Note(models.Model):
    """A case text (notes.py): what a person wrote or was written in a case, sealed with its
    owner's data key. The owner is a subject (its own data key: erasing the subject shreds its
    notes) or a detached owner such as a desk case (a key of its own in the key store, destroyed
    when the case's content is disposed of). The row id is random so that it is known before
    the insert: it is part of the associated data, with the owner and the kind."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.CharField(max_length=32)
    kind = models.CharField(max_length=32)
    sealed = models.BinaryField()
    created_at = models.DateTimeField()
    retain_until = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        indexes = (models.Index(fields=["owner", "created_at"]),)

    def __str__(self) -> str:
        return f"{self.kind} note"


def note_aad(note_pk: uuid.UUID | str, owner: str, kind: str) -> bytes:
    """A note's associated data: table, kind (as the column: a reply cannot pass for an
    address), row (32 hex digits) and owner."""
    row = note_pk.hex if isinstance(note_pk, uuid.UUID) else note_pk
    return associated_data(table="vault_note", column=kind, row=row, subject=owner)


class DataKey(models.Model):
    """A data key wrapped by a KEK (key store database): a subject's, or a detached note
    owner's (notes.py; `subject_ref` then holds the owner's ref, never `sub_...`). Deleting it
    shreds the ciphertext it sealed everywhere, backups of the main database included."""

    subject_ref = models.CharField(max_length=32, unique=True)
    wrapped = models.BinaryField()
    kek_id = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"data key {self.pk}"


class KeyStoreSecret(models.Model):
    """A vault-wide secret wrapped by the KEK (key store database): the blind-index root key.
    Unwrapping it at first use is also the check that the configured KEK is the right one."""

    name = models.CharField(max_length=32, unique=True)
    wrapped = models.BinaryField()
    kek_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


def exceptional_use_ref_new() -> str:
    return ref_new("exu")


class ExceptionalUse(models.Model):
    """A use of personal data beyond the purposes the person's acquisitions allow, under a
    statutory exception (APPI Art. 18(3)): who, for which purpose, on which ground, why, and
    whose data was opened (pseudonymous ids). The law asks for no record of it; hogo keeps
    one so that every such use can be reviewed."""

    ref = models.CharField(
        _("ref"), max_length=32, unique=True, default=exceptional_use_ref_new, editable=False
    )
    actor = models.CharField(_("actor"), max_length=80)
    purpose = models.CharField(_("purpose"), max_length=80)
    ground = models.CharField(
        _("ground"), max_length=16, help_text=_("A ground id of hogo.vault.exceptions.")
    )
    explanation = models.TextField(_("explanation"))
    categories = models.JSONField(_("categories"), default=list, help_text=_("Categories opened."))
    subjects = models.JSONField(
        _("subjects"), default=list, help_text=_("Subject ids whose values were opened.")
    )
    used_at = models.DateTimeField(_("used at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("exceptional use")
        verbose_name_plural = _("exceptional uses")

    def __str__(self) -> str:
        return self.ref


class PurposeConsent(models.Model):
    """A person's consent that their earlier data be used for a purpose as a later policy
    version describes it (a purpose added or made consent-only, or more categories of it: APPI
    Arts. 17(2), 18(1)). The vault's own copy of the consent app's record, which reads check
    (`access/gates.py`); the consent app opens and closes it with the record (reconsent.py)."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(max_length=80)
    policy_version = models.PositiveIntegerField(help_text=_("The version the person agreed to."))
    consent_ref = models.CharField(max_length=64)
    given_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["subject", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="vault_purpose_consent_one_active",
            ),
        )
        indexes = (models.Index(fields=["purpose", "subject"]),)

    def __str__(self) -> str:
        return f"{self.purpose} v{self.policy_version}"
