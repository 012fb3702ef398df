"""The audit log: append-only events, each linked to the one before by a keyed hash chain."""

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any, ClassVar, NoReturn

from django.db import models
from django.db.models.base import ModelBase
from django.utils.translation import gettext_lazy as _

from hogo.errors import Refused

GENESIS_HASH = "0" * 64


def canonical_json(value: object) -> bytes:
    """The one byte form that is hashed: sorted keys, no whitespace, UTF-8."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def timestamp_text(at: datetime) -> str:
    """ISO 8601 in UTC with microseconds, so the text is the same on every database."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def append_only() -> NoReturn:
    raise Refused(
        "Audit events are append-only: they cannot be changed or deleted", code="append_only"
    )


class Chain(models.IntegerChoices):
    """How an event's hash is made. Events written before the audit key existed stay plain."""

    SHA256 = 1, _("SHA-256 (unkeyed, before the audit key)")
    HMAC_SHA256 = 2, _("HMAC-SHA256 under the audit key")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Refuses every bulk path that would change, remove or bypass the chain."""

    def update(self, **kwargs: Any) -> NoReturn:
        append_only()

    def delete(self) -> NoReturn:
        append_only()

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        append_only()

    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        # Only audit_record may append: it holds the head lock and computes the links.
        append_only()


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(_("seq"), primary_key=True)
    at = models.DateTimeField(_("at"))
    actor = models.CharField(_("actor"), max_length=80)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    # NULL, not "", is hashed as JSON null: "no purpose declared" must not read as a purpose.
    purpose = models.CharField(_("purpose"), max_length=80, null=True, blank=True)  # noqa: DJ001
    subjects = models.JSONField(_("subjects"), default=list)
    detail = models.JSONField(_("detail"), default=dict)
    # Unique: two events can never claim the same predecessor, so the chain cannot fork
    # even if a writer slipped past the head lock.
    prev_hash = models.CharField(_("prev hash"), max_length=64, unique=True)
    hash = models.CharField(_("hash"), max_length=64, unique=True)
    # audit_record always keys; the database default is plain because every row that existed
    # before this column, or that a writer unaware of it inserts, is unkeyed.
    chain = models.PositiveSmallIntegerField(
        _("chain"), choices=Chain, default=Chain.HMAC_SHA256, db_default=Chain.SHA256
    )

    objects: ClassVar[AuditEventQuerySet] = AuditEventQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ("seq",)
        # The board counts some actions per month (hogo/audit/counts.py).
        indexes = (models.Index(fields=["action", "at"], name="audit_action_at"),)

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.actor}"

    def save(
        self,
        *,
        force_insert: bool | tuple[ModelBase, ...] = False,
        force_update: bool = False,
        using: str | None = None,
        update_fields: Any = None,
    ) -> None:
        if not self._state.adding or force_update or update_fields is not None:
            append_only()
        super().save(force_insert=True, using=using)

    def delete(self, using: Any = None, keep_parents: bool = False) -> NoReturn:
        append_only()

    def compute_hash(self, key: bytes | None = None) -> str:
        """The event's hash under its chain scheme; keyed events need the chain key."""
        payload = {
            "seq": self.seq,
            "at": timestamp_text(self.at),
            "actor": self.actor,
            "action": self.action,
            "purpose": self.purpose,
            "subjects": self.subjects,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
        }
        text = canonical_json(payload)
        if self.chain == Chain.SHA256:
            return hashlib.sha256(text).hexdigest()
        if self.chain != Chain.HMAC_SHA256 or key is None:
            raise ValueError(f"event {self.seq}: chain {self.chain} needs the audit chain key")
        return hmac.new(key, text, hashlib.sha256).hexdigest()
