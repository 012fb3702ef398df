"""The published notice (APPI Art. 21, 32): the active policy version and every earlier one."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils.translation import get_language

from hogo.errors import NotFound
from hogo.policy.models import PolicyVersion
from hogo.policy.schema import Category, Channel, Field, Policy, Purpose
from hogo.policy.selectors import (
    PolicyNotLoaded,
    policy_at,
    policy_version_active,
    policy_version_at,
    policy_versions,
)


@dataclass(frozen=True)
class PurposeRow:
    purpose: Purpose
    categories: list[Category]


@dataclass(frozen=True)
class FieldRow:
    field: Field
    category: Category


@dataclass(frozen=True)
class ChannelRow:
    channel: Channel
    purposes: list[Purpose]
    fields: list[FieldRow]


def notice(request: HttpRequest, number: int | None = None) -> HttpResponse:
    try:
        active = policy_version_active()
        shown = active if number is None else policy_version_at(version=number)
    except PolicyNotLoaded:
        return _unavailable(request)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    policy = policy_at(version=shown.number)
    return render(
        request,
        "policy/notice.html",
        {
            **_page(request),
            "policy": policy,
            "shown": shown,
            "active": active,
            "is_current": shown.number == active.number,
            "purposes": _purpose_rows(policy),
            "channels": _channel_rows(policy),
            "ordinary": [c for c in policy.categories.values() if not c.special_care],
            "special": [c for c in policy.categories.values() if c.special_care],
        },
    )


def versions(request: HttpRequest) -> HttpResponse:
    rows: list[PolicyVersion] = list(policy_versions().order_by("-number"))
    if not rows:
        return _unavailable(request)
    return render(request, "policy/versions.html", {**_page(request), "versions": rows})


def _unavailable(request: HttpRequest) -> HttpResponse:
    # 503: the service exists but cannot publish anything until a policy is loaded.
    response = render(request, "policy/unavailable.html", _page(request), status=503)
    response["Retry-After"] = "3600"
    return response


def _page(request: HttpRequest) -> dict[str, object]:
    other = "en" if (get_language() or "ja") == "ja" else "ja"
    return {
        "other_lang": other,
        # The other language by its own name (English / 日本語), the same in both languages.
        "other_name": dict(settings.LANGUAGES)[other],
        "other_url": translate_url(request.path, other),
    }


def _purpose_rows(policy: Policy) -> list[PurposeRow]:
    return [
        PurposeRow(purpose=p, categories=[policy.categories[c] for c in p.categories])
        for p in policy.purposes.values()
    ]


def _channel_rows(policy: Policy) -> list[ChannelRow]:
    return [
        ChannelRow(
            channel=channel,
            purposes=[policy.purposes[p] for p in channel.purposes],
            fields=[
                FieldRow(field=f, category=policy.categories[f.category]) for f in channel.fields
            ],
        )
        for channel in policy.channels.values()
    ]
