"""Supplementary notices as published pages: `/<lang>/privacy/notices/<id>/` (the version the
active policy carries), its version history and each earlier version."""

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from hogo.errors import NotFound
from hogo.policy.notice_history import (
    NoticeRelease,
    notice_release_at,
    notice_release_current,
    notice_releases,
)
from hogo.policy.schema import Category, NoticePurpose, Policy, Purpose
from hogo.policy.schema.notices import notice_purpose_needs_consent
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.policy.views import _page, _unavailable


@dataclass(frozen=True)
class PurposeShown:
    title: str
    description: str
    categories: list[Category]
    retention_days: int
    # A main purpose: where the main notice describes it. An own one: how it relates.
    main_url: str = ""
    consent_required: bool = False
    related: str = ""
    beyond_main: bool = False


def notice_page(request: HttpRequest, notice_id: str, number: int | None = None) -> HttpResponse:
    try:
        active = policy_active()
        current = active.notices.get(notice_id)
        release = (
            notice_release_current(policy=active, notice_id=notice_id)
            if number is None
            else notice_release_at(notice_id=notice_id, version=number)
        )
    except PolicyNotLoaded:
        return _unavailable(request)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    is_current = current is not None and current.version == release.notice.version
    return render(
        request,
        "policy/supplementary.html",
        {
            **_page(request),
            "policy": active,
            "release": release,
            "notice": release.notice,
            "is_current": is_current,
            "withdrawn": current is None,
            "purposes": _purposes_shown(release, is_current=is_current),
        },
    )


def notice_versions(request: HttpRequest, notice_id: str) -> HttpResponse:
    try:
        active = policy_active()
    except PolicyNotLoaded:
        return _unavailable(request)
    releases = notice_releases(notice_id=notice_id)
    if not releases:
        raise Http404(f"no notice {notice_id!r}")
    current = active.notices.get(notice_id)
    return render(
        request,
        "policy/supplementary_versions.html",
        {
            **_page(request),
            "policy": active,
            "notice": releases[-1].notice,
            "releases": list(reversed(releases)),
            "current_version": current.version if current else None,
        },
    )


def _purposes_shown(release: NoticeRelease, *, is_current: bool) -> list[PurposeShown]:
    policy = release.policy
    # The main notice the person would read beside this version of the notice.
    if is_current:
        main = reverse("policy:notice")
    else:
        assert policy.version is not None
        main = reverse("policy:version", kwargs={"number": policy.version})
    lang = get_language() or "ja"
    shown = [
        _main_shown(policy, policy.purposes[p], f"{main}#purpose-{p}", lang)
        for p in release.notice.purposes
    ]
    shown += [_own_shown(policy, p, lang) for p in release.notice.own_purposes.values()]
    return shown


def _main_shown(policy: Policy, purpose: Purpose, url: str, lang: str) -> PurposeShown:
    return PurposeShown(
        title=purpose.title.get(lang),
        description=purpose.description.get(lang),
        categories=[policy.categories[c] for c in purpose.categories],
        retention_days=purpose.retention_days,
        main_url=url,
        consent_required=purpose.consent_required,
    )


def _own_shown(policy: Policy, purpose: NoticePurpose, lang: str) -> PurposeShown:
    joiner = "」「" if lang.startswith("ja") else "”, “"
    return PurposeShown(
        title=purpose.title.get(lang),
        description=purpose.description.get(lang),
        categories=[policy.categories[c] for c in purpose.categories],
        retention_days=purpose.retention_days,
        consent_required=notice_purpose_needs_consent(purpose, policy.purposes),
        related=joiner.join(policy.purposes[p].title.get(lang) for p in purpose.related_to),
        beyond_main=purpose.beyond_main,
    )
