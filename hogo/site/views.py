"""`/site/`: the consent script, its configuration, the consent endpoint and the demo page.

The organization's own websites call these from other origins, so the configuration and the
consent endpoint answer CORS for the origins in `HOGO_SITE_ORIGINS`; nothing here reads or sets
a cookie of hogo's, which is why the consent endpoint needs no CSRF token.
"""

import functools
import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import pydantic
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from hogo.errors import HogoError
from hogo.network import client_network
from hogo.policy.selectors import policy_in_force
from hogo.site.banner import banner_texts
from hogo.site.models import ConsentMethod
from hogo.site.selectors import site_config
from hogo.site.services import CookieChoice, cookie_consent_record

ASSETS = Path(__file__).resolve().parent / "assets"
MAX_BODY = 2048
# The script's URL is fixed in every page that embeds it, so it cannot carry a version: a day
# of freshness, then a cheap revalidation by ETag (a 304), keeps fixes reaching visitors.
SCRIPT_CACHE = "public, max-age=86400, stale-while-revalidate=604800"
# Short, so a new cookie policy version reaches visitors (and re-asks them) within minutes.
CONFIG_CACHE = "public, max-age=300"
PREFLIGHT_MAX_AGE = "7200"  # Chromium's upper bound

CategoryId = Annotated[str, pydantic.StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,39}$")]
ConsentId = Annotated[str, pydantic.StringConstraints(pattern=r"^[A-Za-z0-9_-]{22}$")]


class ChoiceIn(pydantic.BaseModel):
    """The consent script's POST body."""

    model_config = pydantic.ConfigDict(extra="forbid", strict=True)

    consent_id: (
        Annotated[str, pydantic.StringConstraints(pattern=r"^[A-Za-z0-9_-]{22}$")] | None
    ) = None
    accepted: Annotated[list[CategoryId], pydantic.Field(max_length=16)]
    rejected: Annotated[list[CategoryId], pydantic.Field(max_length=16)]
    version: Annotated[int, pydantic.Field(ge=1, le=2_147_483_647)]
    method: ConsentMethod
    gpc: bool = False
    language: Literal["ja", "en"] = "ja"


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes
    etag: str


@functools.cache
def _asset(name: str) -> Asset:
    body = (ASSETS / name).read_bytes()
    return Asset(
        body=body,
        gzipped=gzip.compress(body, compresslevel=9, mtime=0),
        etag=hashlib.sha256(body).hexdigest()[:32],
    )


@require_safe
def consent_js(request: HttpRequest) -> HttpResponse:
    return _serve_asset(request, _asset("consent.js"))


@require_safe
def demo_analytics_js(request: HttpRequest) -> HttpResponse:
    return _serve_asset(request, _asset("demo-analytics.js"))


def _serve_asset(request: HttpRequest, asset: Asset) -> HttpResponse:
    use_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    etag = f'"{asset.etag}{"-gz" if use_gzip else ""}"'
    if etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(
            asset.gzipped if use_gzip else asset.body, content_type="text/javascript; charset=utf-8"
        )
        if use_gzip:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Cache-Control"] = SCRIPT_CACHE
    # Pages that isolate themselves (COEP require-corp) may still load the script.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


@require_safe
def config(request: HttpRequest) -> HttpResponse:
    origin = _allowed_origin(request)
    try:
        _, policy = policy_in_force()
    except HogoError as exc:
        return _error(exc.status, exc.code, exc.message, origin=origin)
    notice_urls = {}
    for lang in ("ja", "en"):
        with translation.override(lang):
            notice_urls[lang] = request.build_absolute_uri(reverse("policy:notice")) + "#cookies"
    shown = site_config(policy=policy, notice_urls=notice_urls, gpc=_gpc_header(request))
    body = json.dumps(
        {**shown, "ui": banner_texts()},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CONFIG_CACHE
    patch_vary_headers(response, ("Origin", "Sec-GPC"))
    return _cors(response, origin)


@csrf_exempt  # no cookie of hogo's is read or set: there is no session to forge requests with
@require_http_methods(["POST", "OPTIONS"])
def consent(request: HttpRequest) -> HttpResponse:
    origin = _allowed_origin(request)
    if origin is None:
        if "Origin" not in request.headers:
            return _error(403, "origin_required", "The Origin header is required", origin=None)
        return _error(
            403, "origin_not_allowed", "This website is not in HOGO_SITE_ORIGINS", origin=None
        )
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = "POST"
        response["Access-Control-Allow-Headers"] = "Content-Type"
        response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        return _cors(response, origin)
    if request.content_type != "application/json":
        return _error(
            415, "unsupported_media_type", "Send the choice as application/json", origin=origin
        )
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = MAX_BODY + 1
    if length > MAX_BODY:
        return _error(
            413, "too_large", f"The choice must be at most {MAX_BODY} bytes", origin=origin
        )
    try:
        choice = ChoiceIn.model_validate_json(request.body)
    except pydantic.ValidationError as exc:
        return _error(400, "invalid", _first_error(exc), origin=origin)
    try:
        record = cookie_consent_record(
            choice=CookieChoice(
                accepted=frozenset(choice.accepted),
                rejected=frozenset(choice.rejected),
                cookies_version=choice.version,
                method=choice.method,
                gpc=choice.gpc or _gpc_header(request),
                language=choice.language,
            ),
            consent_id=choice.consent_id,
            network=client_network(request),
            origin=origin,
        )
    except HogoError as exc:
        response = _error(exc.status, exc.code, exc.message, origin=origin)
        if exc.status == 429:
            response["Retry-After"] = "60"
        return response
    out = {
        "consent_id": record.consent_id,
        "recorded_at": record.recorded_at.isoformat(),
        "version": record.cookies_version,
        "accepted": record.accepted,
        "gpc": record.gpc,
    }
    return _cors(JsonResponse(out, status=201), origin)


@require_safe
def demo(request: HttpRequest) -> HttpResponse:
    """The embed snippet and a sample page whose analytics script waits for consent."""
    lang = "en" if request.GET.get("lang") == "en" else "ja"
    script_url = request.build_absolute_uri(reverse("site:consent-js"))
    with translation.override(lang):
        return render(
            request,
            "site/demo.html",
            {
                "lang": lang,
                "other_lang": "ja" if lang == "en" else "en",
                "other_name": "日本語" if lang == "en" else "English",
                "script_url": script_url,
            },
        )


def _first_error(exc: pydantic.ValidationError) -> str:
    first = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    return f"{where}: {first['msg']}"


def _gpc_header(request: HttpRequest) -> bool:
    return request.headers.get("Sec-GPC", "").strip() == "1"


def _allowed_origin(request: HttpRequest) -> str | None:
    """The request's Origin if hogo itself or HOGO_SITE_ORIGINS allows it, else None."""
    origin = request.headers.get("Origin", "")
    allowed = settings.SITE_ORIGINS
    if origin and origin in allowed:
        return origin  # the usual case, without parsing
    normalized = _normalize_origin(origin)
    if normalized is None:
        return None  # also "null", from sandboxed frames and files, even with "*"
    if "*" in allowed or normalized in {_normalize_origin(o) for o in allowed}:
        return origin
    if normalized == _normalize_origin(f"{request.scheme}://{request.get_host()}"):
        return origin
    return None


def _normalize_origin(value: str) -> str | None:
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    suffix = f":{port}" if port not in (None, default) else ""
    return f"{parts.scheme}://{parts.hostname}{suffix}"


def _cors(response: HttpResponse, origin: str | None) -> HttpResponse:
    if origin is not None:
        response["Access-Control-Allow-Origin"] = origin
    patch_vary_headers(response, ("Origin",))
    return response


def _error(status: int, code: str, message: str, *, origin: str | None) -> HttpResponse:
    return _cors(JsonResponse({"error": {"code": code, "message": message}}, status=status), origin)
