"""The privacy center at /<lang>/privacy-center/: requests, identity confirmation, status.

Thin views: a form, one service call, a page. Which cases this browser may see is kept in the
(database-backed) session for 30 minutes after a confirmation; nothing personal is in a URL
except the pseudonymous request number and single-use tokens.
"""

import io
import time
from dataclasses import dataclass

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hogo.desk.forms import FORMS, CodeForm, StatusForm
from hogo.desk.intake import (
    PUBLIC_ACTOR,
    VerificationFailed,
    case_confirm,
    case_confirm_link,
    case_start,
    status_access_start,
    unmatched_confirm,
)
from hogo.desk.labels import (
    KIND_STEPS,
    LABELS,
    REFUSAL_TEXTS,
    STATUS_TEXTS,
    STEP_STATUS_TEXTS,
    STEP_TEXTS,
    kind_title,
)
from hogo.desk.models import Case, CaseKind
from hogo.desk.package import link_use, link_valid, package_attachment
from hogo.desk.selectors import status_view
from hogo.desk.verification import Outcome, Throttled
from hogo.errors import HogoError
from hogo.network import client_network
from hogo.policy.labels import LABELS as POLICY_LABELS
from hogo.policy.schema import Policy, Text
from hogo.policy.selectors import PolicyNotLoaded, policy_active, policy_at

ACCESS_SECONDS = 30 * 60
PENDING = "desk_pending"
ACCESS = "desk_access"


@dataclass(frozen=True)
class KindRow:
    kind: str
    title: Text
    description: Text
    fee_jpy: int
    what_happens: Text
    clause: str


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def _page(request: HttpRequest, **context: object) -> dict[str, object]:
    other = "en" if _lang() == "ja" else "ja"
    return {
        "label": LABELS,
        "policy_label": POLICY_LABELS,
        "lang": _lang(),
        "other_lang": other,
        "other_url": translate_url(request.path, other),
        **context,
    }


def _policy_or_503(request: HttpRequest) -> Policy | HttpResponse:
    try:
        return policy_active()
    except PolicyNotLoaded:
        return render(request, "policy/unavailable.html", _page(request), status=503)


def _kind_rows(policy: Policy) -> list[KindRow]:
    rows = [
        KindRow(
            kind=k.id,
            title=k.title,
            description=k.description,
            fee_jpy=k.fee_jpy,
            what_happens=KIND_STEPS[k.id],
            clause=k.clause,
        )
        for k in policy.requests.kinds.values()
        if k.id in KIND_STEPS
    ]
    rows.append(
        KindRow(
            kind=CaseKind.COMPLAINT,
            title=LABELS["complaint_title"],
            description=LABELS["complaint_description"],
            fee_jpy=0,
            what_happens=KIND_STEPS[CaseKind.COMPLAINT],
            clause="7.2",
        )
    )
    return rows


@never_cache
def index(request: HttpRequest) -> HttpResponse:
    policy = _policy_or_503(request)
    if isinstance(policy, HttpResponse):
        return policy
    return render(
        request,
        "desk/index.html",
        _page(request, policy=policy, kinds=_kind_rows(policy)),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest, kind: str) -> HttpResponse:
    policy = _policy_or_503(request)
    if isinstance(policy, HttpResponse):
        return policy
    row = next((r for r in _kind_rows(policy) if r.kind == kind), None)
    if row is None:
        raise Http404("no such request")
    lang = _lang()
    form = FORMS[kind](request.POST or None, policy=policy, lang=lang)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            started = case_start(
                kind=kind,
                email=form.cleaned_data["email"],
                language=lang,
                details=form.details(),
                origin=request.build_absolute_uri("/").rstrip("/"),
                client_ip=client_network(request),
            )
        except Throttled:
            return _throttled(request)
        except HogoError as exc:
            error = exc.message
        else:
            request.session[PENDING] = {"ref": started.verification_ref, "case": None}
            return redirect("desk:verify")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "desk/request.html",
        _page(request, policy=policy, row=row, form=form, error=error),
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING)
    if not pending:
        return redirect("desk:index")
    lang = _lang()
    form = CodeForm(request.POST or None, lang=lang)
    message = None
    start_over = False
    if request.method == "POST" and form.is_valid():
        try:
            case = _check(request, pending, form.cleaned_data["code"])
        except Throttled:
            return _throttled(request)
        except VerificationFailed as exc:
            message = LABELS[f"code_{exc.outcome.value}"]
            start_over = exc.outcome != Outcome.WRONG
        else:
            del request.session[PENDING]
            _grant(request, case.ref)
            return redirect("desk:case", ref=case.ref)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "desk/verify.html",
        _page(request, form=form, message=message, start_over=start_over),
        status=status,
    )


def _check(request: HttpRequest, pending: dict[str, object], code: str) -> Case:
    """A status lookup whose number and address did not match has no verification behind it
    (`ref` None): it fails exactly as a real one would, wrong code by wrong code."""
    if pending.get("ref") is None:
        attempts = int(str(pending.get("attempts", 0))) + 1
        request.session[PENDING] = {**pending, "attempts": attempts}
        unmatched_confirm(attempts=attempts, client_ip=client_network(request))
    return case_confirm(
        verification_ref=str(pending["ref"]), code=code, client_ip=client_network(request)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: mail scanners that fetch links must not use them up."""
    if request.method == "POST":
        try:
            case = case_confirm_link(token=token, client_ip=client_network(request))
        except Throttled:
            return _throttled(request)
        except VerificationFailed:
            return _message(request, "code_expired", 410)
        _grant(request, case.ref)
        return redirect("desk:case", ref=case.ref)
    return render(request, "desk/link.html", _page(request))


@never_cache
@require_http_methods(["GET", "POST"])
def status_lookup(request: HttpRequest, ref: str = "") -> HttpResponse:
    lang = _lang()
    form = StatusForm(request.POST or None, lang=lang, initial={"ref": ref})
    if request.method == "POST" and form.is_valid():
        try:
            verification_ref = status_access_start(
                case_ref=form.cleaned_data["ref"].strip(),
                email=form.cleaned_data["email"],
                client_ip=client_network(request),
            )
        except Throttled:
            return _throttled(request)
        request.session[PENDING] = {"ref": verification_ref, "attempts": 0}
        return redirect("desk:verify")
    status = 400 if request.method == "POST" else 200
    return render(request, "desk/status_lookup.html", _page(request, form=form), status=status)


@never_cache
def case(request: HttpRequest, ref: str) -> HttpResponse:
    if not _granted(request, ref):
        return status_lookup(request, ref)
    policy = _policy_or_503(request)
    if isinstance(policy, HttpResponse):
        return policy
    # The verified requester reads their own case: audited as the privacy center.
    view = status_view(case_ref=ref, actor=PUBLIC_ACTOR)
    kind = policy.requests.kinds.get(view.case.kind)
    return render(
        request,
        "desk/status.html",
        _page(
            request,
            view=view,
            title=kind_title(kind.title if kind else None, view.case.kind),
            status_text=STATUS_TEXTS[view.case.status],
            steps=[(STEP_TEXTS[s.name], STEP_STATUS_TEXTS[s.status], s) for s in view.steps],
            refusal=REFUSAL_TEXTS.get(view.case.refusal_reason),
            fee_payment=_fee_payment(policy, view.case),
        ),
    )


def _fee_payment(policy: Policy, case: Case) -> Text | None:
    """How to pay the case's fee, in the words of the policy version the request was made
    under (the one that set the fee)."""
    if not case.fee_jpy:
        return None
    if case.policy_version != policy.version:
        policy = policy_at(version=case.policy_version)
    return policy.requests.fee_payment


@never_cache
@require_http_methods(["GET", "POST"])
def download(request: HttpRequest, token: str) -> HttpResponseBase:
    """GET shows a button while the link is valid; POST uses the link up and sends the file."""
    if request.method == "POST":
        package = link_use(token=token)
        if package is not None:
            filename, content_type = package_attachment(package)
            return FileResponse(
                io.BytesIO(bytes(package.content)),
                as_attachment=True,
                filename=filename,
                content_type=content_type,
            )
    elif link_valid(token=token):
        return render(request, "desk/download.html", _page(request))
    return _message(request, "download_gone", 410)


def _throttled(request: HttpRequest) -> HttpResponse:
    response = _message(request, "throttled", 429)
    response["Retry-After"] = "900"
    return response


def _message(request: HttpRequest, key: str, status: int) -> HttpResponse:
    return render(request, "desk/message.html", _page(request, message=LABELS[key]), status=status)


def _grant(request: HttpRequest, case_ref: str) -> None:
    access = dict(request.session.get(ACCESS) or {})
    now = time.time()
    access = {ref: until for ref, until in access.items() if until > now}
    access[case_ref] = now + ACCESS_SECONDS
    request.session[ACCESS] = access
    request.session.cycle_key()


def _granted(request: HttpRequest, case_ref: str) -> bool:
    until = (request.session.get(ACCESS) or {}).get(case_ref)
    return bool(until and until > time.time())
