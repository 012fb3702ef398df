"""Reads: the consent script's configuration, a visitor's history, statistics, who may see them."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count, Q, QuerySet

from hogo.policy.schema import Policy, Text
from hogo.policy.selectors import PolicyNotLoaded, policy_in_force
from hogo.roles import Role, has_role
from hogo.site.models import ConsentMethod, CookieConsent


def site_config(*, policy: Policy, notice_urls: Mapping[str, str], gpc: bool) -> dict[str, object]:
    """What the consent script shows and enforces, in both languages, from the policy.

    `gpc` says the request carried `Sec-GPC: 1`, which the script cannot see itself.
    """
    cookies, website = policy.cookies, policy.website
    analytics = website.analytics
    return {
        "version": cookies.version,
        "gpc": gpc,
        "notice": dict(notice_urls),
        "text": _text(cookies.text),
        "links": _text(website.links),
        "categories": [
            {
                "id": c.id,
                "required": c.required,
                "title": _text(c.title),
                "description": _text(c.description),
            }
            for c in cookies.categories.values()
        ],
        "analytics": None
        if analytics is None
        else {
            "category": analytics.cookie_category,
            "provider": analytics.provider,
            "text": _text(analytics.text),
            "links": [{"title": _text(link.title), "url": link.url} for link in analytics.links],
        },
    }


def _text(text: Text) -> dict[str, str]:
    return {"ja": text.ja, "en": text.en}


def cookie_consent_recent_count(*, network: str | None, since: datetime) -> int:
    """How many choices came from `network` after `since` (the rate limit's count).

    Plain SQL on purpose: this runs on every consent request, and building the same query
    through the ORM cost ten times the query itself. Values go through the backend's own
    adapters, so it means the same on SQLite and PostgreSQL.
    """
    quote = connection.ops.quote_name
    table, column, at = quote(CookieConsent._meta.db_table), quote("network"), quote("recorded_at")
    params: list[Any] = [connection.ops.adapt_datetimefield_value(since)]
    if network is None:
        where = f"{column} IS NULL"
    else:
        where = f"{column} = %s"
        params.insert(0, connection.ops.adapt_ipaddressfield_value(network))
    # Names come from the model, values go as parameters.
    sql = f"SELECT COUNT(*) FROM {table} WHERE {where} AND {at} > %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return int(row[0])


def cookie_consent_history(*, consent_id: str) -> list[CookieConsent]:
    """Every choice recorded under one consent id, oldest first."""
    return list(CookieConsent.objects.filter(consent_id=consent_id).order_by("recorded_at", "id"))


@dataclass(frozen=True)
class CategoryCount:
    id: str
    accepted: int
    rejected: int


@dataclass(frozen=True)
class ConsentStats:
    records: int
    visitors: int
    gpc: int
    by_method: dict[str, int]
    by_cookies_version: dict[int, int]
    categories: list[CategoryCount]


def cookie_consent_stats(
    *, since: datetime | None = None, until: datetime | None = None
) -> ConsentStats:
    """Counts over the choices recorded in [since, until); every choice counts, not only the
    latest per visitor, so a change of mind shows as one more record."""
    rows = _window(since, until)
    totals = rows.aggregate(
        records=Count("id"),
        visitors=Count("consent_id", distinct=True),
        gpc=Count("id", Q(gpc=True)),
    )
    by_method = {m.value: 0 for m in ConsentMethod}
    for method, n in rows.values_list("method").annotate(n=Count("id")).order_by():
        by_method[method] = n
    versions = (
        rows.values_list("cookies_version").annotate(n=Count("id")).order_by("cookies_version")
    )
    return ConsentStats(
        records=totals["records"],
        visitors=totals["visitors"],
        gpc=totals["gpc"],
        by_method=by_method,
        by_cookies_version=dict(sorted(versions)),
        categories=_category_counts(rows),
    )


def _window(since: datetime | None, until: datetime | None) -> QuerySet[CookieConsent]:
    rows = CookieConsent.objects.all()
    if since is not None:
        rows = rows.filter(recorded_at__gte=since)
    if until is not None:
        rows = rows.filter(recorded_at__lt=until)
    return rows


def _category_counts(rows: QuerySet[CookieConsent]) -> list[CategoryCount]:
    # Few distinct (accepted, rejected) combinations exist, so the database groups them and
    # Python only adds up a handful of rows, however many records there are.
    accepted: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    grouped = rows.values_list("accepted", "rejected").annotate(n=Count("id")).order_by()
    for accepted_ids, rejected_ids, n in grouped:
        for category in accepted_ids:
            accepted[category] += n
        for category in rejected_ids:
            rejected[category] += n
    order = _category_order()
    ids = sorted(accepted.keys() | rejected.keys(), key=lambda c: (order.get(c, len(order)), c))
    return [CategoryCount(id=c, accepted=accepted[c], rejected=rejected[c]) for c in ids]


def _category_order() -> dict[str, int]:
    try:
        _, policy = policy_in_force()
    except PolicyNotLoaded:
        return {}
    return {category: i for i, category in enumerate(policy.cookies.categories)}


def consent_stats_reader_check(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """Aggregates identify no one: the officer, auditors and marketing may read them."""
    return has_role(user, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.MARKETING_USER)  # type: ignore[arg-type]


def consent_lookup_check(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """A visitor may quote their consent id to the desk; the officer and auditors check it."""
    return has_role(user, Role.PRIVACY_OFFICER, Role.DESK_OPERATOR, Role.AUDITOR)  # type: ignore[arg-type]
