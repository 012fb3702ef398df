"""What may be stored, checked before anything is: the terms of an acquisition (channel, purposes,
retention) and each record's identifiers and items, normalized and blind-indexed.

Errors name the record and field (`records[3].identifiers.email: is not an e-mail address`),
never the value. A bulk ingest runs this for thousands of records per call, so the usual case
(a known field with a plain value) takes a short path and the checks that name an error run only
for what fails it.
"""

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from hogo.errors import InvalidInput, Refused
from hogo.policy.schema import Channel, Policy
from hogo.policy.schema import Field as PolicyField
from hogo.policy.selectors import policy_active, policy_at
from hogo.vault.keys import blind_indexer
from hogo.vault.models import IdentifierKind, Source
from hogo.vault.normalize import (
    email_normalize,
    member_number_normalize,
    name_normalize,
    phone_normalize,
)
from hogo.vault.records import ItemIn, SubjectIn

MAX_VALUE_CHARS = 10_000
MAX_IDENTIFIER_CHARS = 320
MAX_ERRORS_SHOWN = 20
REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")  # ids of consents, cases, requests
_NOTICE_SHA256 = re.compile(r"[0-9a-f]{64}")

NORMALIZERS: dict[str, Callable[[str], str]] = {
    IdentifierKind.EMAIL: email_normalize,
    IdentifierKind.PHONE: phone_normalize,
    IdentifierKind.NAME: name_normalize,
    IdentifierKind.MEMBER_NUMBER: member_number_normalize,
}
NO_CONSENT = "special-care data needs the person's explicit consent (special_care_consent)"


@dataclass(slots=True)
class Batch:
    """What `records_parse` accepted, column by column: per value (each record's identifiers,
    then its items, the records in order) and per record. Columns rather than an object per
    value: a batch holds thousands of values until it is written, and every object the cycle
    collector tracks made its passes over the whole heap longer (a sixth of an ingest's CPU
    time, bench/README.md, h20ingest3).

    What a batch repeats (field, category, end of retention, special care, consent, identifier
    kind) is kept once per distinct combination, a value's *shape*, and each value holds only
    its shape's number: four appends per value where there were nine, and the full columns
    (`fields`, `categories`, ...) are mapped out of the shapes once per batch
    (bench/README.md, h20ingest4)."""

    # Per value.
    records: list[int] = field(default_factory=list)  # the number of the record it came in
    shapes: list[int] = field(default_factory=list)  # its shape's number in `shape_rows`
    texts: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)  # an identifier's blind-index digest
    # Per record: the digests of its e-mail address and phone number, if given.
    emails: list[str | None] = field(default_factory=list)
    phones: list[str | None] = field(default_factory=list)
    # Per shape: (field, category, retain_until, special_care, consent_ref, kind).
    shape_rows: list[tuple[str, str, datetime, bool, str, str]] = field(default_factory=list)
    _shape_numbers: dict[tuple[str, str, datetime, bool, str, str], int] = field(
        default_factory=dict
    )

    def shape(
        self,
        field_id: str,
        category: str,
        retain_until: datetime,
        special_care: bool = False,
        consent_ref: str = "",
        kind: str = "",
    ) -> int:
        """The number of this shape (a new one the first time it is seen)."""
        row = (field_id, category, retain_until, special_care, consent_ref, kind)
        if (number := self._shape_numbers.get(row)) is None:
            number = self._shape_numbers[row] = len(self.shape_rows)
            self.shape_rows.append(row)
        return number

    def value_add(self, record: int, shape: int, text: str, digest: str = "") -> None:
        self.records.append(record)
        self.shapes.append(shape)
        self.texts.append(text)
        self.digests.append(digest)

    def _column(self, place: int) -> list[Any]:
        return list(map([row[place] for row in self.shape_rows].__getitem__, self.shapes))

    @property
    def fields(self) -> list[str]:
        return self._column(0)

    @property
    def categories(self) -> list[str]:
        return self._column(1)

    @property
    def retain_until(self) -> list[datetime]:
        return self._column(2)

    @property
    def special_care(self) -> list[bool]:
        return self._column(3)

    @property
    def consent_refs(self) -> list[str]:
        return self._column(4)

    @property
    def kinds(self) -> list[str]:  # identifier kind, "" for an item
        return self._column(5)


@dataclass(frozen=True)
class Terms:
    policy: Policy
    version: int
    channel: Channel
    purposes: tuple[str, ...]
    acquired_at: datetime
    expires: dict[str, datetime]  # purpose -> end of retention
    retain: dict[str, datetime]  # category -> end of the longest retention that allows it
    fields: dict[str, PolicyField]  # the channel's fields by id
    special: frozenset[str]  # special-care category ids


def terms_make(
    channel_id: str,
    purposes: Sequence[str],
    policy_version: int | None,
    notice_sha256: str,
    source: str,
) -> Terms:
    policy = policy_active() if policy_version is None else policy_at(version=policy_version)
    assert policy.version is not None  # stored policies always carry their version
    channel = policy.channels.get(channel_id)
    if channel is None:
        raise InvalidInput(f"channel: {channel_id!r} is not a channel of policy {policy.version}")
    if isinstance(purposes, str) or not purposes:
        raise InvalidInput("purposes: give at least one purpose id")
    for purpose in purposes:
        if purpose not in channel.purposes:
            raise InvalidInput(
                f"purposes: {purpose!r} is not a purpose of channel {channel_id!r} "
                f"(policy {policy.version})"
            )
    if notice_sha256 and not _NOTICE_SHA256.fullmatch(notice_sha256):
        raise InvalidInput("notice_sha256: must be 64 lower-case hex digits or empty")
    if source not in Source.values:
        raise InvalidInput(f"source: must be one of {', '.join(Source.values)}")
    now = timezone.now()
    unique = tuple(dict.fromkeys(purposes))
    expires = {p: now + timedelta(days=policy.purposes[p].retention_days) for p in unique}
    retain: dict[str, datetime] = {}
    for purpose in unique:
        for category in policy.purposes[purpose].categories:
            retain[category] = max(retain.get(category, expires[purpose]), expires[purpose])
    return Terms(
        policy,
        policy.version,
        channel,
        unique,
        now,
        expires,
        retain,
        {f.id: f for f in channel.fields},
        policy.special_care_ids(),
    )


@dataclass(frozen=True, slots=True)
class _Kind:
    """How the values of one identifier kind are taken in, under these terms."""

    normalize: Callable[[str], str]
    digest: Callable[[str], str]
    category: str
    shape: int  # its values' shape in the batch; -1: no purpose stated uses the category


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the channel and the purposes say about one (field, category) of an item: worked out
    once per call, since a batch repeats the same few fields thousands of times."""

    error: str | None  # the field or category does not fit
    category: str = ""
    special: bool = False
    retain_until: datetime | None = None  # None: no purpose stated uses the category
    # The batch's shape of a value that takes the short path (no special care, a purpose
    # uses the category), else -1.
    shape: int = -1


def records_parse(terms: Terms, records: Sequence[SubjectIn], *, prefixed: bool) -> Batch:
    """Each record's values, checked, normalized and blind-indexed; raises InvalidInput (or
    Refused, when all that is wrong is special-care data without consent) naming every error."""
    batch = Batch()
    # The policy says which category holds each identifier kind (`identifier = "email"`).
    kinds: dict[str, _Kind] = {}
    for kind, category in terms.policy.identifier_categories().items():
        if kind in NORMALIZERS:
            retain = terms.retain.get(category)
            shape = -1 if retain is None else batch.shape(kind, category, retain, kind=kind)
            kinds[kind] = _Kind(NORMALIZERS[kind], blind_indexer(kind).digest, category, shape)
    plans: dict[tuple[object, object], _Plan] = {}
    errors: list[tuple[int, str, str]] = []  # (record number, path, reason)
    emails, phones = batch.emails, batch.phones
    for number, record in enumerate(records):
        email, phone = _identifiers_parse(number, record.identifiers, kinds, batch, errors)
        emails.append(email)
        phones.append(phone)
        items = record.items
        if type(items) is dict or isinstance(items, Mapping):
            _mapping_parse(number, items, terms, plans, batch, errors)
        else:
            _items_parse(number, items, terms, plans, batch, errors)
    if errors:
        _raise(errors, prefixed=prefixed)
    return batch


def _identifiers_parse(
    number: int,
    identifiers: Mapping[str, str],
    kinds: dict[str, _Kind],
    batch: Batch,
    errors: list[tuple[int, str, str]],
) -> tuple[str | None, str | None]:
    """Adds a record's identifiers to the batch (or its errors to `errors`); returns the
    digests of its e-mail address and phone number."""
    email = phone = None
    # `type(...) is dict` first: a check against the Mapping ABC costs more than the rest here.
    if not (type(identifiers) is dict or isinstance(identifiers, Mapping)) or not identifiers:
        errors.append((number, "identifiers", _IDENTIFIERS_WANTED))
        identifiers = {}
    records, shapes, texts, digests = batch.records, batch.shapes, batch.texts, batch.digests
    for kind, raw in identifiers.items():
        spec = kinds.get(kind)
        if spec is None:
            reason = _KIND_UNKNOWN if kind not in NORMALIZERS else _KIND_NOT_HELD
            errors.append((number, "identifiers", reason))
            continue
        plain = isinstance(raw, str) and 0 < len(raw) <= MAX_IDENTIFIER_CHARS
        if not plain or raw.isspace():
            errors.append((number, f"identifiers.{kind}", _IDENTIFIER_LENGTH))
            continue
        try:
            digest = spec.digest(spec.normalize(raw))
        except ValueError as exc:
            errors.append((number, f"identifiers.{kind}", str(exc)))
            continue
        if spec.shape < 0:
            reason = f"category {spec.category!r} is not used by the purposes stated"
            errors.append((number, f"identifiers.{kind}", reason))
            continue
        # `Batch.value_add`, inlined: this runs for every identifier of a bulk import.
        records.append(number)
        shapes.append(spec.shape)
        texts.append(raw.strip())
        digests.append(digest)
        if kind == _EMAIL:
            email = digest
        elif kind == _PHONE:
            phone = digest
    return email, phone


def _mapping_parse(
    number: int,
    items: Mapping[str, str],
    terms: Terms,
    plans: dict[tuple[object, object], _Plan],
    batch: Batch,
    errors: list[tuple[int, str, str]],
) -> None:
    """Adds a record's items given as field ids mapped to text (each in its field's own
    category, without consent) to the batch, or their errors to `errors`."""
    records, shapes, texts, digests = batch.records, batch.shapes, batch.texts, batch.digests
    for index, (field_id, value) in enumerate(items.items()):
        plan = plans.get((field_id, None))
        if plan is None:
            plan = plans[(field_id, None)] = _item_plan(terms, batch, field_id, None)
        # The usual case: a field the purposes use, plain text, no special care.
        if (
            plan.shape >= 0
            and type(value) is str
            and value
            and len(value) <= MAX_VALUE_CHARS
            and not value.isspace()
        ):
            records.append(number)
            shapes.append(plan.shape)
            texts.append(value)
            digests.append("")
            continue
        item = ItemIn(field_id, None, value)
        if (refused := _item_checked(terms, item, plan, number, batch)) is not None:
            errors.append((number, _item_path(index, item), refused))


def _items_parse(
    number: int,
    items: Sequence[ItemIn],
    terms: Terms,
    plans: dict[tuple[object, object], _Plan],
    batch: Batch,
    errors: list[tuple[int, str, str]],
) -> None:
    """Adds a record's `ItemIn`s to the batch (or their errors to `errors`)."""
    for index, item in enumerate(items):
        if not isinstance(item, ItemIn):
            errors.append((number, _item_path(index, item), "must be an ItemIn"))
            continue
        key = (item.field, item.category)
        plan = plans.get(key)
        if plan is None:
            plan = plans[key] = _item_plan(terms, batch, item.field, item.category)
        value = item.value
        # The usual case: a field the purposes use, plain text, no special care.
        if (
            plan.shape >= 0
            and not item.special_care_consent
            and type(value) is str
            and value
            and len(value) <= MAX_VALUE_CHARS
            and not value.isspace()
        ):
            batch.value_add(number, plan.shape, value)
            continue
        if (refused := _item_checked(terms, item, plan, number, batch)) is not None:
            errors.append((number, _item_path(index, item), refused))


_EMAIL, _PHONE = str(IdentifierKind.EMAIL), str(IdentifierKind.PHONE)  # plain text compares faster
_IDENTIFIERS_WANTED = "give at least one of " + ", ".join(IdentifierKind.values)
_KIND_UNKNOWN = "unknown identifier kind; use " + ", ".join(IdentifierKind.values)
_KIND_NOT_HELD = "no category of the policy holds this identifier kind (identifier = ...)"
_IDENTIFIER_LENGTH = f"must be text of 1 to {MAX_IDENTIFIER_CHARS} characters"


def _raise(errors: list[tuple[int, str, str]], *, prefixed: bool) -> None:
    lines = [
        f"records[{number}].{path}: {reason}" if prefixed else f"{path}: {reason}"
        for number, path, reason in errors
    ]
    more = len(lines) - MAX_ERRORS_SHOWN
    shown = "; ".join(lines[:MAX_ERRORS_SHOWN]) + (f"; and {more} more" if more > 0 else "")
    if all(reason == NO_CONSENT for _, _, reason in errors):
        raise Refused(shown, code="special_care_without_consent")
    raise InvalidInput(shown)


def _item_plan(terms: Terms, batch: Batch, field_id: object, given: object) -> _Plan:
    spec = terms.fields.get(field_id)  # type: ignore[call-overload]
    if spec is None:
        return _Plan(f"not a field of channel {terms.channel.id!r}")
    category = given or spec.category
    special = category in terms.special
    if category != spec.category and not (spec.free_text and special):
        return _Plan(f"category {category!r} does not fit field {spec.id!r}")
    if terms.policy.identifier_kind(str(category)) is not None:
        return _Plan("identifiers (e-mail, phone, name, member number) go in `identifiers`")
    assert isinstance(category, str)
    retain = terms.retain.get(category)
    if retain is None or special:
        return _Plan(None, category, special, retain)
    return _Plan(None, category, special, retain, batch.shape(spec.id, category, retain))


def _item_checked(
    terms: Terms, item: object, plan: _Plan | None, number: int, batch: Batch
) -> str | None:
    """An item off the short path: adds its value to the batch, or returns why it is refused."""
    if not isinstance(item, ItemIn) or plan is None:
        return "must be an ItemIn"
    if plan.error is not None:
        return plan.error
    consent = (item.special_care_consent or "").strip()
    # Checked before anything else about the value: without consent it is not acquired at all.
    if plan.special and not (consent and terms.channel.special_care_consent):
        return NO_CONSENT
    if plan.retain_until is None:
        return f"category {plan.category!r} is not used by the purposes stated"
    value = item.value
    if not isinstance(value, str) or not value.strip():
        return "must be non-empty text (leave an omitted field out)"
    if len(value) > MAX_VALUE_CHARS:
        return f"longer than {MAX_VALUE_CHARS} characters"
    if consent and not REF.fullmatch(consent):
        return "special_care_consent must be a consent record id"
    if plan.special:
        shape = batch.shape(item.field, plan.category, plan.retain_until, True, consent)
    else:
        shape = batch.shape(item.field, plan.category, plan.retain_until)
    batch.value_add(number, shape, value)
    return None


def _item_path(index: int, item: object) -> str:
    """Where an error is: the item's position and its field id (never its value)."""
    base = f"items[{index}]"
    if isinstance(item, ItemIn) and REF.fullmatch(str(item.field)):
        return f"{base}({item.field})"
    return base
