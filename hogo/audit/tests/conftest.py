from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from hogo.audit.maintenance import append_only_triggers_suspended
from hogo.audit.models import GENESIS_HASH, AuditEvent, Chain
from hogo.audit.services import audit_record


@pytest.fixture(autouse=True)
def audit_key_file(settings: Any, tmp_path: Path) -> Path:
    """A key file of each test's own, made by the test's first event."""
    settings.AUDIT_KEY_FILE = tmp_path / "keys" / "audit.key"
    return Path(settings.AUDIT_KEY_FILE)


@pytest.fixture
def legacy_events(db: None) -> Callable[[int], list[AuditEvent]]:
    """Append n plain SHA-256 events, as hogo wrote them before the audit key existed."""

    def record(n: int) -> list[AuditEvent]:
        head = AuditEvent.objects.order_by("-seq").first()
        seq, prev = (head.seq, head.hash) if head is not None else (0, GENESIS_HASH)
        events = []
        for _ in range(n):
            seq += 1
            event = AuditEvent(
                seq=seq,
                at=timezone.now(),
                actor="system",
                action="test.legacy",
                subjects=[f"sub_{seq}"],
                prev_hash=prev,
                chain=Chain.SHA256,
            )
            event.hash = event.compute_hash()
            event.save()
            events.append(event)
            prev = event.hash
        return events

    return record


@pytest.fixture
def record_events(db: None) -> Callable[[int], list[AuditEvent]]:
    """Append n varied events through the service, as the other apps do."""

    def record(n: int) -> list[AuditEvent]:
        return [
            audit_record(
                actor=f"user:{i % 3 + 1}",
                action=("vault.access", "vault.erase", "desk.request.approve")[i % 3],
                purpose="inquiry-response" if i % 2 else None,
                subjects=[f"sub_{i:04d}", "sub_shared"],
                detail={"count": i, "reason": "日本語の理由", "ids": [i, i + 1]},
            )
            for i in range(n)
        ]

    return record


@pytest.fixture
def tampering(db: None) -> Callable[[], AbstractContextManager[None]]:
    """Raw SQL on the audit table with its append-only triggers out of the way (rolled back
    with the test's transaction)."""

    def suspended() -> AbstractContextManager[None]:
        return append_only_triggers_suspended(connection)

    return suspended


def sql(statement: str, params: Sequence[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def raw_sql() -> Callable[..., None]:
    return sql
