"""The members' pages (`/<lang>/members/...`), in Japanese and English. Thin: a form, the
member from the member session, one service or selector, a page. Every page that shows or
takes personal data is `no-store`; pages reached through a link with a token send only the
origin as Referer (see the README)."""

from collections.abc import Callable
from datetime import datetime
from functools import wraps

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from hogo.collect.members import RESET_HOURS, Member, member_for_reset, member_password_reset
from hogo.collect.throttle import form_throttle_hit
from hogo.collect.values import MAX_CHARS, FieldErrors
from hogo.errors import Conflict, HogoError, InvalidInput, NotFound
from hogo.members.forms import (
    LoginForm,
    NewPasswordForm,
    ResetRequestForm,
    WithdrawForm,
    localize,
)
from hogo.members.labels import (
    CORRECT_DONE,
    CORRECT_REFUSED,
    CORRECT_SPECIAL,
    DATA_INTRO,
    FIELD_ERRORS,
    FIELD_INVALID,
    INVITATIONS_ALL,
    INVITATIONS_RESTARTED,
    INVITATIONS_STOPPED,
    INVITATIONS_UNKNOWN,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    LOGIN_NEEDED,
    NOT_NOW,
    RESET_SENT,
    TOO_MANY,
)
from hogo.members.selectors import latest_values, member_data, member_invitations
from hogo.members.services import (
    LoginFailed,
    LoginLocked,
    correctable_fields,
    member_correct,
    member_invitations_set,
    member_login,
    member_reset_request,
    member_withdraw,
)
from hogo.members.sessions import member_current, member_session_end, member_session_start
from hogo.network import client_network
from hogo.policy.schema import Policy
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.policy.wording import moment_shown

MemberView = Callable[[HttpRequest, Member, Policy, str], HttpResponse]


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def _when(moment: datetime, lang: str) -> str:
    """2026年4月1日 10:00（JST） / April 1, 2026, 10:00 JST, as the privacy center writes times."""
    return moment_shown(moment, lang)


def _page(request: HttpRequest, lang: str, **context: object) -> dict[str, object]:
    other = "ja" if lang == "en" else "en"
    return {
        "other_lang": other,
        "other_url": translate_url(request.path, other),
        **context,
    }


def _posted(request: HttpRequest) -> QueryDict | None:
    # Not `request.POST or None`: an empty POST must be a bound form that reports its errors.
    return request.POST if request.method == "POST" else None


def _unavailable(request: HttpRequest) -> HttpResponse:
    response = render(request, "policy/unavailable.html", {}, status=503)
    response["Retry-After"] = "3600"
    return response


def member_page(view: MemberView) -> Callable[[HttpRequest], HttpResponse]:
    """Only for the member of the member session; anyone else goes to the login page."""

    @wraps(view)
    @never_cache
    def wrapped(request: HttpRequest) -> HttpResponse:
        try:
            policy = policy_active()
        except PolicyNotLoaded:
            return _unavailable(request)
        member = member_current(request)
        if member is None:
            return HttpResponseRedirect(reverse("members:login") + "?next=1")
        return view(request, member, policy, _lang())

    return wrapped


@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    form = localize(LoginForm(_posted(request)))
    message, status = (str(LOGIN_NEEDED) if request.GET.get("next") else ""), 200
    if request.method == "POST" and form.is_valid():
        try:
            member = member_login(
                identifier=form.cleaned_data["identifier"],
                password=form.cleaned_data["password"],
                network=client_network(request),
            )
        except LoginLocked as exc:
            message, status = LOGIN_LOCKED % {"until": _when(exc.until, lang)}, 429
        except LoginFailed:
            message = str(LOGIN_FAILED)
        else:
            response = HttpResponseRedirect(reverse("members:home"))
            member_session_start(request, response, member)
            return response
    context = _page(request, lang, form=form, message=message)
    return render(request, "members/login.html", context, status=status)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    response = HttpResponseRedirect(reverse("members:login"))
    member_session_end(request, response)
    return response


@member_page
@require_http_methods(["GET"])
def home(request: HttpRequest, member: Member, policy: Policy, lang: str) -> HttpResponse:
    rows = member_data(member=member, policy=policy, lang=lang)
    intro = DATA_INTRO % {"time": _when(timezone.now(), lang)}
    context = _page(request, lang, member=member, rows=rows, intro=intro, policy=policy)
    return render(request, "members/home.html", context)


def _correction_form(policy: Policy, lang: str, data: object = None) -> forms.Form:
    fields: dict[str, forms.Field] = {}
    for f in correctable_fields(policy):
        if f.kind in ("select", "radio"):
            choices = [("", "—"), *((c.value, c.label.get(lang)) for c in f.choices)]
            # Any posted text reaches `values_clean`, which names a wrong choice itself.
            fields[f.id] = forms.CharField(
                label=f.label.get(lang), required=False, widget=forms.Select(choices=choices)
            )
        else:
            fields[f.id] = forms.CharField(label=f.label.get(lang), required=False, strip=False)
    form_class = type("CorrectionForm", (forms.Form,), fields)
    form: forms.Form = form_class(data)
    return form


@member_page
@require_http_methods(["GET", "POST"])
def correct(request: HttpRequest, member: Member, policy: Policy, lang: str) -> HttpResponse:
    held = latest_values(member_data(member=member, policy=policy, lang=lang))
    fields = correctable_fields(policy)
    initial = {f.id: held.get(f.category, "") for f in fields}
    form = _correction_form(policy, lang, request.POST if request.method == "POST" else None)
    form.initial = initial
    message, status = "", 200
    if request.method == "POST" and form.is_valid():
        try:
            done = member_correct(member=member, policy=policy, values=form.cleaned_data, held=held)
        except FieldErrors as exc:
            for field_id, code in exc.errors.items():
                if field_id in form.fields:
                    kind = next(f.kind for f in fields if f.id == field_id)
                    text = FIELD_ERRORS.get(code, FIELD_INVALID)
                    form.add_error(field_id, text % {"n": MAX_CHARS.get(kind, 200)})
            status = 400
        except HogoError as exc:
            special = exc.code == "special_care_without_consent"
            reason = str(CORRECT_SPECIAL) if special else ""
            message = (CORRECT_REFUSED % {"reason": reason}).strip()
            status = 400 if isinstance(exc, InvalidInput) else exc.status
        else:
            key = "correct_done" if done else "correct_nothing"
            return HttpResponseRedirect(reverse("members:correct") + f"?done={key}")
    if request.GET.get("done") in CORRECT_DONE:
        message = str(CORRECT_DONE[str(request.GET["done"])])
    context = _page(request, lang, member=member, form=form, message=message)
    return render(request, "members/correct.html", context, status=status)


@member_page
@require_http_methods(["GET", "POST"])
def invitations(request: HttpRequest, member: Member, policy: Policy, lang: str) -> HttpResponse:
    message, status = "", 200
    if request.method == "POST":
        receive = request.POST.get("action") == "restart"
        try:
            if request.POST.get("action") not in ("stop", "restart"):
                raise InvalidInput("action: stop or restart")
            member_invitations_set(
                member=member,
                policy=policy,
                purpose=request.POST.get("purpose", ""),
                receive=receive,
            )
        except InvalidInput:
            message, status = str(INVITATIONS_UNKNOWN), 400
        except Conflict as exc:
            said = INVITATIONS_ALL if exc.code == "suspended_for_all" else NOT_NOW
            message, status = str(said), 409
        else:
            message = str(INVITATIONS_RESTARTED if receive else INVITATIONS_STOPPED)
    rows = member_invitations(member=member, policy=policy, lang=lang)
    context = _page(request, lang, member=member, rows=rows, message=message)
    return render(request, "members/invitations.html", context, status=status)


@member_page
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, member: Member, policy: Policy, lang: str) -> HttpResponse:
    form = localize(WithdrawForm(_posted(request)))
    if request.method == "POST" and form.is_valid():
        try:
            member_withdraw(member=member)
        except HogoError:
            context = _page(request, lang, member=member, form=form, message=str(NOT_NOW))
            return render(request, "members/withdraw.html", context, status=409)
        response = render(request, "members/withdrawn.html", _page(request, lang))
        member_session_end(request, response)
        return response
    status = 400 if request.method == "POST" else 200
    context = _page(request, lang, member=member, form=form)
    return render(request, "members/withdraw.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def reset_request(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    form = localize(ResetRequestForm(_posted(request)))
    message, status = "", 200
    if request.method == "POST" and form.is_valid():
        if not form_throttle_hit(network=client_network(request)):
            message, status = str(TOO_MANY), 429
        else:
            member_reset_request(
                email=form.cleaned_data["email"],
                lang=lang,
                origin=f"{request.scheme}://{request.get_host()}",
            )
            message = RESET_SENT % {"hours": RESET_HOURS}
            form = localize(ResetRequestForm())
    context = _page(request, lang, form=form, message=message)
    return render(request, "members/reset_request.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request: HttpRequest, token: str) -> HttpResponse:
    lang = _lang()
    context = _page(request, lang)
    try:
        member_for_reset(token=token)
    except NotFound:
        response = render(request, "members/reset.html", {**context, "invalid": True}, status=404)
    else:
        form = localize(NewPasswordForm(_posted(request)))
        done = False
        if request.method == "POST" and form.is_valid():
            try:
                member_password_reset(token=token, password=form.cleaned_data["password"])
                done = True
            except InvalidInput as exc:
                form.add_error("password", exc.message)
            except NotFound:
                context["invalid"] = True
        status = 400 if request.method == "POST" and not done else 200
        response = render(
            request, "members/reset.html", {**context, "form": form, "done": done}, status=status
        )
    # The token is in the path: only the origin goes out as Referer (see the README).
    response["Referrer-Policy"] = "strict-origin"
    return response
