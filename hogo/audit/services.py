"""Writes to the audit log. `audit_record` is the only way an event is appended."""

import functools
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.utils import timezone

from hogo.audit.keys import AuditKey, audit_key_create, audit_key_read, audit_key_required
from hogo.audit.models import GENESIS_HASH, AuditEvent, Chain, canonical_json
from hogo.errors import InvalidInput
from hogo.rows import columns_sql, typed_placeholder

# "hogoaudt" in ASCII: one PostgreSQL advisory lock serializes "read the head, append" across
# every process and machine; it is released when the writer's transaction ends.
HEAD_LOCK_KEY = 0x686F676F61756474

MAX_DETAIL_BYTES = 4096
MAX_SUBJECTS = 10_000
MAX_DETAIL_DEPTH = 8

# Actors are pseudonymous by construction: a user or subject is named by id, never by name or
# e-mail, so an audit event can be shown to anyone allowed to read the log.
ACTOR_RE = re.compile(
    r"system(:[a-z0-9][a-z0-9_.-]{0,40})?"
    r"|user:[0-9]{1,19}"
    r"|token:[A-Za-z0-9_-]{1,16}"
    r"|subject:[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}"
)
ACTION_RE = re.compile(r"[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+")
PURPOSE_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
SUBJECT_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,40}")


def actor_for(user: AbstractBaseUser) -> str:
    """The audit actor for a staff user: `user:<pk>`, never the username."""
    if user.pk is None:
        raise InvalidInput("An audit actor must be a saved user", code="audit_actor")
    return f"user:{user.pk}"


def audit_record(
    *,
    actor: str,
    action: str,
    purpose: str | None = None,
    subjects: Sequence[str] = (),
    detail: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction.

    It commits or rolls back with the action it records. Callers should record near the end of
    their transaction: on PostgreSQL the head lock is held from here until commit.
    """
    subject_list = _checked_subjects(subjects)
    detail_dict = _checked_detail(detail)
    _check("actor", actor, ACTOR_RE, "user:<id>, token:<prefix>, system or subject:<id>")
    _check("action", action, ACTION_RE, "a dotted lower-case name such as vault.access")
    if purpose is not None:
        _check("purpose", purpose, PURPOSE_RE, "a purpose id")
    # Without a savepoint of its own (two round trips per event) once the audit key is there:
    # the arguments are checked above, so only the database can still fail, and that rolls back
    # the caller's whole transaction, whose action must not stand without its event anyway. A
    # missing key (the first event, or a lost file: an error callers may catch) keeps one.
    key = audit_key_read()
    with transaction.atomic(savepoint=key is None):
        event = AuditEvent(
            at=timezone.now(),
            actor=actor,
            action=action,
            purpose=purpose,
            subjects=subject_list,
            detail=detail_dict,
            chain=Chain.HMAC_SHA256,
        )
        if key is not None and _appended_on_known_head(event, key):
            return event
        last_seq, prev_hash, head_chain = _locked_head()
        if key is None:
            key = _chain_key(next_seq=last_seq + 1, head_chain=head_chain)
        _linked(event, key, last_seq, prev_hash)
        _inserted(event, checked_head=False)
        return event


@dataclass(frozen=True)
class _Head:
    """The event this thread appended last, with the marker that says whether the transaction
    that appended it still holds it (see `_appended_on_known_head`)."""

    connection: object
    marker: object
    seq: int
    hash: str


_last = threading.local()


def _linked(event: AuditEvent, key: AuditKey, last_seq: int, prev_hash: str) -> None:
    event.seq = last_seq + 1
    event.prev_hash = prev_hash
    event.hash = event.compute_hash(key.chain_key)


def _appended_on_known_head(event: AuditEvent, key: AuditKey) -> bool:
    """Appends after the event this transaction appended last, without reading the head again
    (and on PostgreSQL without asking again for the head lock it already holds): two or three
    round trips fewer for every event after a transaction's first (a deletion records four in
    one transaction).

    The last event is known while a no-op `on_commit` marker registered with it is still in
    Django's list: Django drops it at commit, at rollback and when a savepoint around the event
    is rolled back (which also releases a head lock taken inside it), so a marker present means
    the same transaction, the lock still held (PostgreSQL; SQLite's BEGIN IMMEDIATE holds the
    file's), and the event not undone. The INSERT checks the head itself besides: it inserts
    nothing unless the event is still the last one, and then the head is read as usual."""
    last: _Head | None = getattr(_last, "head", None)
    if last is None or last.connection is not transaction.get_connection():
        return False
    if not any(entry[1] is last.marker for entry in reversed(connection.run_on_commit)):
        _last.head = None
        return False
    _linked(event, key, last.seq, last.hash)
    if _inserted(event, checked_head=True):
        return True
    _last.head = None
    return False


def _inserted(event: AuditEvent, *, checked_head: bool) -> bool:
    """INSERTs the event as `event.save()` would (every column, adapted by the fields' own
    `get_db_prep_save`), without the rest of `Model.save`: half of an event's CPU time, and a
    request records up to five. The row reads back and verifies exactly as one inserted by
    `save()`. `checked_head`: only if the event before it is still the last (False if not)."""
    fields = AuditEvent._meta.concrete_fields
    values = [field.get_db_prep_save(getattr(event, field.attname), connection) for field in fields]
    with connection.cursor() as cursor:
        if checked_head:
            last_seq = event.seq - 1
            cursor.execute(
                _insert_sql(connection.vendor, checked_head=True),
                [*values, last_seq, last_seq, event.prev_hash],
            )
            if cursor.rowcount != 1:
                return False
        else:
            cursor.execute(_insert_sql(connection.vendor, checked_head=False), values)
    event._state.adding = False
    event._state.db = connection.alias
    marker = _Marker()
    transaction.on_commit(marker)
    _last.head = _Head(transaction.get_connection(), marker, event.seq, event.hash)
    return True


class _Marker:
    """A no-op on_commit callback: its presence in Django's list is what `_Head` checks."""

    __slots__ = ()

    def __call__(self) -> None:
        return None


@functools.cache
def _insert_sql(vendor: str, *, checked_head: bool) -> str:
    quote = connection.ops.quote_name
    fields = AuditEvent._meta.concrete_fields
    columns = columns_sql(fields, connection)
    table = quote(AuditEvent._meta.db_table)
    if not checked_head:
        return f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608
    # Typed placeholders: PostgreSQL types an INSERT's SELECT list before it sees the columns.
    typed = ", ".join(typed_placeholder(field, connection) for field in fields)
    seq, hash_ = quote("seq"), quote("hash")
    return (
        f"INSERT INTO {table} ({columns}) SELECT {typed} "  # noqa: S608
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {seq} > %s) "
        f"AND EXISTS (SELECT 1 FROM {table} WHERE {seq} = %s AND {hash_} = %s)"
    )


@transaction.atomic
def audit_key_ensure() -> AuditKey:
    """The audit key, made now if no event has needed it yet (under the head lock, so no writer
    appends an unkeyed event numbered after the key's `keyed_from`)."""
    last_seq, _, head_chain = _locked_head()
    return _chain_key(next_seq=last_seq + 1, head_chain=head_chain)


def _chain_key(*, next_seq: int, head_chain: int | None) -> AuditKey:
    """The audit key; made on the first event after an install or an upgrade, but never once
    the chain is keyed: a lost key file must be restored, not silently replaced."""
    key = audit_key_read()
    if key is not None:
        return key
    if head_chain == Chain.HMAC_SHA256:
        return audit_key_required()  # raises, naming the missing file
    return audit_key_create(keyed_from=next_seq)


def _locked_head() -> tuple[int, str, int | None]:
    """The last event's seq, hash and chain, held until the transaction ends."""
    with connection.cursor() as cursor:
        # SQLite needs no lock: hogo opens every transaction with BEGIN IMMEDIATE, so writers
        # are already serialized by the database file lock.
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [HEAD_LOCK_KEY])
        # Plain SQL: this runs once per audited action, and the ORM would triple its cost.
        cursor.execute("SELECT seq, hash, chain FROM audit_auditevent ORDER BY seq DESC LIMIT 1")
        head = cursor.fetchone()
    if head is None:
        return 0, GENESIS_HASH, None
    return int(head[0]), str(head[1]), int(head[2])


def _check(name: str, value: object, pattern: re.Pattern[str], expected: str) -> None:
    # The message never repeats the value: a wrong value may be exactly the personal data
    # that must not reach a log.
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise InvalidInput(f"audit {name} must be {expected}", code="audit_invalid")


def _checked_subjects(subjects: Sequence[str]) -> list[str]:
    if isinstance(subjects, str):
        raise InvalidInput("audit subjects must be a list of subject ids", code="audit_invalid")
    subject_list = list(dict.fromkeys(subjects))
    if len(subject_list) > MAX_SUBJECTS:
        raise InvalidInput(
            f"audit subjects: at most {MAX_SUBJECTS} per event, split the batch",
            code="audit_too_big",
        )
    for index, subject in enumerate(subject_list):
        _check(f"subjects[{index}]", subject, SUBJECT_RE, "a pseudonymous subject id")
    return subject_list


def _checked_detail(detail: Mapping[str, object] | None) -> dict[str, object]:
    detail_dict = dict(detail or {})
    _check_json(detail_dict, "detail")
    size = len(canonical_json(detail_dict))
    if size > MAX_DETAIL_BYTES:
        raise InvalidInput(
            f"audit detail is {size} bytes, more than {MAX_DETAIL_BYTES}: "
            "keep it to counts, ids and reasons",
            code="audit_too_big",
        )
    return detail_dict


def _check_json(value: object, path: str, depth: int = 0) -> None:
    """Only values whose JSON text survives a round trip through SQLite and PostgreSQL.

    Floats are refused because PostgreSQL's jsonb rewrites some of them (1e+16 comes back as
    10000000000000000), which would change the hash; NUL is refused because jsonb rejects it.
    """
    if depth > MAX_DETAIL_DEPTH:
        raise InvalidInput(f"audit {path}: nested too deeply", code="audit_invalid")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise InvalidInput(f"audit {path}: integers must fit in 64 bits", code="audit_invalid")
        return
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidInput(
                f"audit {path}: NUL characters are not allowed", code="audit_invalid"
            )
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_json(item, f"{path}[{index}]", depth + 1)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidInput(f"audit {path}: keys must be strings", code="audit_invalid")
            # A key is named in errors only when it looks like a field name, not like data.
            shown = key if KEY_RE.fullmatch(key) else "[key]"
            _check_json(item, f"{path}.{shown}", depth + 1)
        return
    kind = "float" if isinstance(value, float) else type(value).__name__
    raise InvalidInput(
        f"audit {path}: a {kind} cannot be stored; use a string, an integer, a boolean, null, "
        "a list or an object",
        code="audit_invalid",
    )
