"""Start-up check: a keyed audit log needs its key file, or every audited action would fail.

Run by `hogo runserver`, `hogo migrate`, `hogo check` and the other commands that run system
checks; a process that skips them meets the same error at its first audited action.
"""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, register
from django.db import DatabaseError

from hogo.audit.keys import AuditKeyError, audit_key_path, audit_key_read
from hogo.audit.models import AuditEvent, Chain


@register()
def audit_key_check(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    try:
        keyed = AuditEvent.objects.filter(chain=Chain.HMAC_SHA256).exists()
    except DatabaseError:
        return []  # not migrated yet, or unreachable: `migrate` and the connection speak for it
    try:
        key = audit_key_read()
    except AuditKeyError as exc:
        return [Error(f"hogo cannot start: {exc}", id="audit.E002")]
    if key is None and keyed:
        return [
            Error(
                f"hogo cannot start: the audit key file {audit_key_path()} does not exist",
                hint="Restore it from its backup (kept with the key-encryption key), or point "
                "HOGO_AUDIT_KEY_FILE at it; hogo will not make a new key for a keyed log.",
                id="audit.E001",
            )
        ]
    return []
