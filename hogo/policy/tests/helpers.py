"""Test helpers: the reference policy as data, and a minimal TOML writer to mutate it."""

import copy
import json
import re
import tomllib
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parent.parent / "reference.toml"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def reference_data() -> dict[str, Any]:
    return copy.deepcopy(tomllib.loads(reference_text()))


def toml_dumps(data: dict[str, Any]) -> str:
    """TOML for plain data, one top-level key per line (inline tables and arrays)."""
    return "".join(f"{_key(key)} = {_value(value)}\n" for key, value in data.items())


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # JSON string escapes are valid TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


# A fee and how to pay it, for tests only: the reference policy (like the published one) has none.
FEE_PAYMENT = {
    "ja": "手数料は、受付後にご案内する口座へのお振込みでお支払いください（テスト用の記載）。",
    "en": "Pay the fee by transfer to the account we tell you after the request (test wording).",
}


def with_disclosure_fee(data: dict[str, Any], fee_jpy: int = 1000) -> dict[str, Any]:
    """The policy data with a fee for disclosure and a text saying how fees are paid."""
    data["requests"]["kinds"]["disclosure"]["fee_jpy"] = fee_jpy
    data["requests"]["fee_payment"] = dict(FEE_PAYMENT)
    return data


def format_1(data: dict[str, Any]) -> dict[str, Any]:
    """The policy data as it was stored before format 2 (no operational keys)."""
    data["format"] = 1
    data.pop("staff")
    data.pop("records")
    for item in data["categories"]:
        item.pop("identifier", None)
    for item in data["channels"]:
        item.pop("follow_up", None)
        item.pop("imported", None)
    return data


def by_id(items: list[dict[str, Any]], ident: str) -> dict[str, Any]:
    return next(item for item in items if item.get("id") == ident)


RETENTION_KEYS = ("retention_days", "retention_months", "retention_years")


def in_days(purpose: dict[str, Any], days: object) -> dict[str, Any]:
    """The purpose with its retention given as `retention_days` (the reference file gives most
    in years): what tests that change or break a period start from."""
    for key in RETENTION_KEYS:
        purpose.pop(key, None)
    purpose["retention_days"] = days
    return purpose


def without_retention(purpose: dict[str, Any]) -> dict[str, Any]:
    for key in RETENTION_KEYS:
        purpose.pop(key, None)
    return purpose
