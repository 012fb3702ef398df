from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.db import connection

from hogo.audit.maintenance import append_only_triggers_suspended
from hogo.audit.models import AuditEvent
from hogo.audit.services import audit_record


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
