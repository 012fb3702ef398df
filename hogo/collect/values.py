"""Checking submitted values against a channel's fields (forms and the API share it).

Errors are per field as codes (`required`, `choice`, ...) that the form shows in the person's
language and the API names; neither ever repeats a value.
"""

import datetime
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from hogo.errors import InvalidInput
from hogo.policy.schema import Channel, Field, Policy
from hogo.vault.normalize import email_normalize, phone_normalize

MAX_CHARS = {
    "text": 200,
    "email": 254,
    "tel": 32,
    "textarea": 4000,
    "url": 500,
    "date": 10,
    "select": 80,
    "radio": 80,
    "checkbox": 3,
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

ERROR_TEXT = {
    "required": "is required",
    "choice": "is not one of the field's choices",
    "too_long": "is too long",
    "email": "is not an e-mail address",
    "phone": "is not a phone number",
    "date": "is not a date (YYYY-MM-DD)",
    "url": "is not an http(s) address",
    "unknown": "is not a field of this channel",
    "text": "must be text",
}


class FieldErrors(InvalidInput):
    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(
            "; ".join(f"values.{field}: {ERROR_TEXT[code]}" for field, code in self.errors.items())
        )


def identifier_fields(policy: Policy, channel: Channel) -> dict[str, str]:
    """Field id -> identifier kind, for the channel's fields whose category holds one: they go
    to the vault as identifiers (blind-indexed)."""
    return {
        spec.id: kind
        for spec in channel.fields
        if (kind := policy.identifier_kind(spec.category)) is not None
    }


def values_clean(
    channel: Channel, raw: Mapping[str, object], identifiers: Mapping[str, str]
) -> dict[str, str]:
    """The channel's values trimmed, checked and without empty optional fields; `identifiers`
    (from `identifier_fields`) marks the fields checked as e-mail addresses or phone numbers."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    known = {spec.id for spec in channel.fields}
    for key in raw:
        if key not in known:
            errors[str(key)[:40]] = "unknown"
    for spec in channel.fields:
        value = raw.get(spec.id)
        if value is None or value is False:
            value = ""
        if value is True:
            value = "yes"
        if not isinstance(value, str):
            errors[spec.id] = "text"
            continue
        value = _CONTROL.sub("", value).strip()
        if not value:
            if spec.required:
                errors[spec.id] = "required"
            continue
        code = _field_error(spec, value, identifiers.get(spec.id))
        if code:
            errors[spec.id] = code
        else:
            clean[spec.id] = value
    if errors:
        raise FieldErrors(errors)
    return clean


def _field_error(spec: Field, value: str, identifier: str | None) -> str | None:
    if len(value) > MAX_CHARS.get(spec.kind, 200):
        return "too_long"
    if spec.kind in ("select", "radio") and value not in {c.value for c in spec.choices}:
        return "choice"
    checks = {"email": _email, "tel": _phone, "date": _date, "url": _url}
    check = checks.get(spec.kind)
    if identifier == "email":
        check = _email
    return check(value) if check else None


def _email(value: str) -> str | None:
    try:
        email_normalize(value)
    except ValueError:
        return "email"
    return None


def _phone(value: str) -> str | None:
    try:
        phone_normalize(value)
    except ValueError:
        return "phone"
    return None


def _date(value: str) -> str | None:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return "date"
    return None


def _url(value: str) -> str | None:
    parts = urlsplit(value)
    return None if parts.scheme in ("http", "https") and parts.netloc else "url"
