"""Reads of the stored policy versions. The active version is the latest one loaded."""

import dataclasses
import threading

from django.db import connection
from django.db.models import QuerySet

from hogo.errors import HogoError, NotFound
from hogo.policy.models import PolicyVersion
from hogo.policy.schema import Policy, policy_parse


class PolicyNotLoaded(HogoError):
    code = "policy_not_loaded"
    status = 503

    def __init__(self) -> None:
        super().__init__("No policy is loaded yet: run `hogo policy load` first")


# Parsed policies per (number, sha256). Versions never change once stored, and the digest in
# the key keeps the cache right even when a test database reuses a version number.
_parsed: dict[tuple[int, str], Policy] = {}
_parsed_lock = threading.Lock()
_CACHE_LIMIT = 64


def policy_versions() -> QuerySet[PolicyVersion]:
    """Every stored version, oldest first, without the (large) source text."""
    return PolicyVersion.objects.defer("source").order_by("number")


def policy_version_active() -> PolicyVersion:
    version = policy_versions().order_by("-number").first()
    if version is None:
        raise PolicyNotLoaded()
    return version


def policy_version_at(*, version: int) -> PolicyVersion:
    found = policy_versions().filter(number=version).first()
    if found is None:
        raise NotFound(f"policy version {version} does not exist")
    return found


def policy_active() -> Policy:
    """The active policy, by the same plain query as `policy_in_force`: a request reads it
    several times (a deletion four), and through the ORM each read cost more than the rest of
    the lookup."""
    return policy_in_force()[1]


def policy_at(*, version: int) -> Policy:
    """A stored version, parsed (NotFound if there is none). Its digest is read with one
    plain indexed query: every form post reads its version this way."""
    row = _number_and_sha256("WHERE {number} = %s", [version])
    if row is None:
        raise NotFound(f"policy version {version} does not exist")
    return _policy_cached(*row)


def policy_in_force() -> tuple[int, Policy]:
    """The active policy and its version number, read afresh on every call.

    The site's consent endpoint calls this on every request, so the latest version's number
    and digest come from one plain indexed query (through the ORM it cost a third of the
    request), and the parsed policy comes from the cache while they stay the same.
    """
    row = _number_and_sha256("ORDER BY {number} DESC LIMIT 1", [])
    if row is None:
        raise PolicyNotLoaded()
    return row[0], _policy_cached(*row)


def _number_and_sha256(rest: str, params: list[int]) -> tuple[int, str] | None:
    """One version's number and digest; `rest` follows the FROM clause ({number} in it is
    the quoted column)."""
    quote = connection.ops.quote_name
    table, number, sha256 = quote(PolicyVersion._meta.db_table), quote("number"), quote("sha256")
    # Names from the model, values bound.
    sql = f"SELECT {number}, {sha256} FROM {table} " + rest.format(number=number)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def _policy_of(row: PolicyVersion) -> Policy:
    return _policy_cached(row.number, row.sha256)


def _policy_cached(number: int, sha256: str) -> Policy:
    key = (number, sha256)
    with _parsed_lock:
        cached = _parsed.get(key)
    if cached is not None:
        return cached
    source = PolicyVersion.objects.values_list("source", flat=True).get(number=number)
    # Stored versions were valid when loaded and are never edited, so this parse succeeds.
    policy = dataclasses.replace(policy_parse(source), version=number, sha256=sha256)
    with _parsed_lock:
        if len(_parsed) >= _CACHE_LIMIT:
            _parsed.pop(next(iter(_parsed)))
        _parsed[key] = policy
    return policy
