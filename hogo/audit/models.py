"""The audit log: append-only events, each linked to the one before by a SHA-256 hash chain."""

import hashlib
import json
from datetime import UTC, datetime
from typing import Any, ClassVar, NoReturn

from django.db import models
from django.db.models.base import ModelBase

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
    seq = models.PositiveBigIntegerField(primary_key=True)
    at = models.DateTimeField()
    actor = models.CharField(max_length=80)
    action = models.CharField(max_length=80, db_index=True)
    # NULL, not "", is hashed as JSON null: "no purpose declared" must not read as a purpose.
    purpose = models.CharField(max_length=80, null=True, blank=True)  # noqa: DJ001
    subjects = models.JSONField(default=list)
    detail = models.JSONField(default=dict)
    # Unique: two events can never claim the same predecessor, so the chain cannot fork
    # even if a writer slipped past the head lock.
    prev_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    objects: ClassVar[AuditEventQuerySet] = AuditEventQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ("seq",)

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

    def compute_hash(self) -> str:
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
        return hashlib.sha256(canonical_json(payload)).hexdigest()
