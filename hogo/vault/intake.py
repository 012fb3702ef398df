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
    time, bench/README.md, h20ingest3)."""

    # Per value.
    records: list[int] = field(default_factory=list)  # the number of the record it came in
    fields: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    retain_until: list[datetime] = field(default_factory=list)
    special_care: list[bool] = field(default_factory=list)
    consent_refs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # identifier kind, "" for an item
    digests: list[str] = field(default_factory=list)  # an identifier's blind-index digest
    # Per record: the digests of its e-mail address and phone number, if given.
    emails: list[str | None] = field(default_factory=list)
    phones: list[str | None] = field(default_factory=list)

    def value_add(
        self,
        record: int,
        field_id: str,
        category: str,
        text: str,
        retain_until: datetime,
        special_care: bool = False,
        consent_ref: str = "",
        kind: str = "",
        digest: str = "",
    ) -> None:
        self.records.append(record)
        self.fields.append(field_id)
        self.categories.append(category)
        self.texts.append(text)
        self.retain_until.append(retain_until)
        self.special_care.append(special_care)
        self.consent_refs.append(consent_ref)
        self.kinds.append(kind)
        self.digests.append(digest)


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
    retain_until: datetime | None  # None: no purpose stated uses the category


@dataclass(frozen=True, slots=True)
class _Plan:
    """What the channel and the purposes say about one (field, category) of an item: worked out
    once per call, since a batch repeats the same few fields thousands of times."""

    error: str | None  # the field or category does not fit
    category: str = ""
    special: bool = False
    retain_until: datetime | None = None  # None: no purpose stated uses the category


def records_parse(terms: Terms, records: Sequence[SubjectIn], *, prefixed: bool) -> Batch:
    """Each record's values, checked, normalized and blind-indexed; raises InvalidInput (or
    Refused, when all that is wrong is special-care data without consent) naming every error."""
    # The policy says which category holds each identifier kind (`identifier = "email"`).
    kinds = {
        kind: _Kind(
            NORMALIZERS[kind],
            blind_indexer(kind).digest,
            category,
            terms.retain.get(category),
        )
        for kind, category in terms.policy.identifier_categories().items()
        if kind in NORMALIZERS
    }
    plans: dict[tuple[object, object], _Plan] = {}
    errors: list[tuple[int, str, str]] = []  # (record number, path, reason)
    batch = Batch()
    for number, record in enumerate(records):
        email, phone = _identifiers_parse(number, record.identifiers, kinds, batch, errors)
        batch.emails.append(email)
        batch.phones.append(phone)
        _items_parse(number, record.items, terms, plans, batch, errors)
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
        if spec.retain_until is None:
            reason = f"category {spec.category!r} is not used by the purposes stated"
            errors.append((number, f"identifiers.{kind}", reason))
            continue
        batch.value_add(
            number, kind, spec.category, raw.strip(), spec.retain_until, False, "", kind, digest
        )
        if kind == _EMAIL:
            email = digest
        elif kind == _PHONE:
            phone = digest
    return email, phone


def _items_parse(
    number: int,
    items: Sequence[ItemIn] | Mapping[str, str],
    terms: Terms,
    plans: dict[tuple[object, object], _Plan],
    batch: Batch,
    errors: list[tuple[int, str, str]],
) -> None:
    """Adds a record's items to the batch (or their errors to `errors`): `ItemIn`s, or field
    ids mapped to text, each in its field's own category and without consent."""
    mapping = type(items) is dict or isinstance(items, Mapping)
    for index, entry in enumerate(items.items() if mapping else items):  # type: ignore[union-attr]
        if mapping:
            (field_id, value), category, consent = entry, None, None
        elif isinstance(entry, ItemIn):
            field_id, category, value = entry.field, entry.category, entry.value
            consent = entry.special_care_consent
        else:
            errors.append((number, _item_path(index, entry), "must be an ItemIn"))
            continue
        plan = plans.get((field_id, category))
        if plan is None:
            plan = plans[(field_id, category)] = _item_plan(terms, field_id, category)
        # The usual case: a field the purposes use, plain text, no special care.
        if (
            plan.error is None
            and plan.retain_until is not None
            and not plan.special
            and not consent
            and type(value) is str
            and value
            and len(value) <= MAX_VALUE_CHARS
            and not value.isspace()
        ):
            batch.value_add(number, field_id, plan.category, value, plan.retain_until)
            continue
        item = ItemIn(field_id, None, value) if mapping else entry
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


def _item_plan(terms: Terms, field_id: object, given: object) -> _Plan:
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
    return _Plan(None, category, special, terms.retain.get(category))


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
    batch.value_add(
        number,
        item.field,
        plan.category,
        value,
        plan.retain_until,
        special_care=plan.special,
        consent_ref=consent if plan.special else "",
    )
    return None


def _item_path(index: int, item: object) -> str:
    """Where an error is: the item's position and its field id (never its value)."""
    base = f"items[{index}]"
    if isinstance(item, ItemIn) and REF.fullmatch(str(item.field)):
        return f"{base}({item.field})"
    return base
