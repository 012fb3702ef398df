"""`joined`: the caller's transaction, or a new one; never a savepoint.

For vault services that only read until their writes at the very end (an audit event, the rows
they seal): inside a caller's transaction they need no savepoint of their own (a SAVEPOINT and a
RELEASE, two round trips a call), because every error they raise on purpose (bad input, a subject
not found or gone, a destroyed key, a missing audit key) comes before their first write, so the
caller's transaction is left as it was and stays usable. What can still fail after the first
write is the database, which aborts the caller's transaction on PostgreSQL anyway. Django's own
`atomic(savepoint=False)` is not that: any exception raised inside it marks the caller's whole
transaction for rollback, even one raised before any write.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def joined() -> Iterator[None]:
    if transaction.get_connection().in_atomic_block:
        yield
        return
    with transaction.atomic():
        yield
