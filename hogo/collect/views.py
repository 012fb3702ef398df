"""Public forms: one page per public channel of the active policy, in Japanese and English.

The page shows the stored notice block before the submit button and posts back to itself;
the service decides everything. Nothing here logs or echoes a value anywhere but back into
the person's own form.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from hogo.collect.forms import ConsentBox, channel_form_class, purpose_boxes, special_care_boxes
from hogo.collect.guard import SpecialCareFound
from hogo.collect.labels import (
    CONSENT_MISSING,
    FIELD_ERRORS,
    NOT_ACCEPTED,
    NOTICE_CHANGED,
    PASSWORD,
    PASSWORD_AGAIN,
    PASSWORD_MISMATCH,
    SPECIAL_FOUND,
    TOO_MANY,
)
from hogo.collect.members import member_activate, member_for_token
from hogo.collect.models import NoticeText
from hogo.collect.notice import notice_shown
from hogo.collect.receipt import receipt_from_token, receipt_token
from hogo.collect.services import (
    ConsentMissing,
    NoticeChanged,
    SubmissionIn,
    submission_accept,
)
from hogo.collect.throttle import form_throttle_hit
from hogo.collect.values import MAX_CHARS, FieldErrors
from hogo.errors import HogoError, InvalidInput, NotFound
from hogo.network import client_network
from hogo.policy.schema import FOLLOW_UP_MEMBER_ACCOUNT, Channel, Field, Policy
from hogo.policy.selectors import PolicyNotLoaded, policy_active, policy_in_force
from hogo.policy.wording import list_join

FORM_ACTOR = "system:forms"


@dataclass(frozen=True)
class FieldRow:
    field: forms.BoundField
    required: bool
    if_omitted: str
    hint_id: str
    error_id: str
    error: str


@dataclass(frozen=True)
class SpecialCareMessage:
    text: str
    consent_possible: bool


@dataclass(frozen=True)
class Ticked:
    """The consent boxes the person ticked, shown ticked again."""

    purposes: set[str] = field(default_factory=set)
    special: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Said:
    """What the form page says besides the fields: a note, a consent error, findings."""

    message: str = ""
    consent_error: str = ""
    found: SpecialCareFound | None = None
    status: int = 200


# What the page says for each way the service refuses a submission, in order (first match).
# A conflict with a concurrent change (an erasure in progress...) stores nothing: send again.
REFUSALS: tuple[tuple[type[HogoError], Callable[[HogoError], Said]], ...] = (
    (SpecialCareFound, lambda exc: Said(found=exc if isinstance(exc, SpecialCareFound) else None)),
    (ConsentMissing, lambda exc: Said(consent_error=str(CONSENT_MISSING))),
    (NoticeChanged, lambda exc: Said(message=str(NOTICE_CHANGED))),
    (HogoError, lambda exc: Said(message=str(NOT_ACCEPTED), status=exc.status)),
)


def _said(exc: HogoError) -> Said:
    return next(said(exc) for kind, said in REFUSALS if isinstance(exc, kind))


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def _page(request: HttpRequest, lang: str) -> dict[str, object]:
    other = "ja" if lang == "en" else "en"
    return {"other_lang": other, "other_url": translate_url(request.path, other)}


def _public_channel(channel_id: str) -> tuple[Policy, Channel]:
    _, policy = policy_in_force()
    channel = policy.channels.get(channel_id)
    if channel is None or not channel.public_form:
        raise Http404("no such form")
    return policy, channel


def _unavailable(request: HttpRequest) -> HttpResponse:
    # No policy, no notice: nothing may be collected until one is loaded.
    response = render(request, "policy/unavailable.html", {}, status=503)
    response["Retry-After"] = "3600"
    return response


def index(request: HttpRequest) -> HttpResponse:
    try:
        policy = policy_active()
    except PolicyNotLoaded:
        return _unavailable(request)
    lang = _lang()
    channels = [c for c in policy.channels.values() if c.public_form]
    return render(
        request,
        "collect/index.html",
        {**_page(request, lang), "policy": policy, "channels": channels},
    )


@require_http_methods(["GET", "POST"])
def channel_form(request: HttpRequest, channel_id: str) -> HttpResponse:
    try:
        policy, channel = _public_channel(channel_id)
    except PolicyNotLoaded:
        return _unavailable(request)
    lang = _lang()
    form_class = channel_form_class(channel, lang)
    if request.method != "POST":
        return _render(request, policy, channel, form_class())

    form = form_class(request.POST)
    form.is_valid()  # every field is optional text here: the service checks the values
    ticked = Ticked(
        purposes=set(request.POST.getlist("consent_purpose")),
        special=set(request.POST.getlist("consent_special_care")),
    )
    if not form_throttle_hit(network=client_network(request)):
        return _render(request, policy, channel, form, ticked, Said(str(TOO_MANY), status=429))
    try:
        accepted = submission_accept(
            actor=FORM_ACTOR, submission=_submission(request, channel, form, lang, ticked)
        )
    except FieldErrors as exc:
        _field_errors(form, channel, exc)
        return _render(request, policy, channel, form, ticked)
    except HogoError as exc:
        return _render(request, policy, channel, form, ticked, _said(exc))
    # The thanks page shows the reference from its (signed) address, so a reload still shows it.
    token = receipt_token(
        channel=channel,
        ref=accepted.case_id or accepted.record_id or "",
        mailed=accepted.mailed,
    )
    done_url = reverse("collect:done", kwargs={"channel_id": channel.id})
    return HttpResponseRedirect(f"{done_url}?{urlencode({'r': token})}")


def _submission(
    request: HttpRequest, channel: Channel, form: forms.Form, lang: str, ticked: Ticked
) -> SubmissionIn:
    return SubmissionIn(
        channel=channel.id,
        values={k: v for k, v in form.cleaned_data.items()},
        lang=lang,
        notice_sha256=request.POST.get("notice", "")[:64],
        purposes_consented=ticked.purposes,
        special_care_consented=ticked.special,
        network=client_network(request) or "",
        origin=f"{request.scheme}://{request.get_host()}",
    )


def _field_errors(form: forms.Form, channel: Channel, exc: FieldErrors) -> None:
    for field_id, code in exc.errors.items():
        spec = channel.field(field_id)
        if field_id in form.fields and spec is not None:
            limit = MAX_CHARS.get(spec.kind, 200)
            form.add_error(field_id, FIELD_ERRORS[code] % {"n": limit})


def _render(
    request: HttpRequest,
    policy: Policy,
    channel: Channel,
    form: forms.Form,
    ticked: Ticked = Ticked(),
    said: Said = Said(),
) -> HttpResponse:
    lang = _lang()
    notice: NoticeText = notice_shown(policy=policy, channel=channel, lang=lang)
    messages, special_boxes = _special_care(policy, channel, said.found, ticked.special, lang)

    context = {
        **_page(request, lang),
        "policy": policy,
        "channel": channel,
        "lang": lang,
        "title": channel.title.get(lang),
        "form": form,
        "has_errors": bool(form.errors),
        "consent_error": said.consent_error,
        "special_messages": messages,
        "message": said.message,
        "notice": notice,
        # A blank form's fields, notice block and consent boxes are the same for every visitor:
        # the template caches them per policy version, channel, language and notice block.
        "blank": not form.is_bound and ticked == Ticked() and said == Said(),
        "rows": [_row(form, spec, lang) for spec in channel.fields],
        "purpose_boxes": purpose_boxes(policy, channel, lang, ticked.purposes),
        "special_boxes": special_boxes,
        # Our own rendering, stored and shown byte for byte: its hash is the evidence.
        "notice_html": mark_safe(notice.text),  # noqa: S308
    }
    return render(request, "collect/form.html", context, status=said.status)


def _row(form: forms.Form, spec: Field, lang: str) -> FieldRow:
    """A field with its hint and error, described to assistive technology."""
    bound = form[spec.id]
    hint_id, error_id = f"hint-{spec.id}", f"error-{spec.id}"
    errors = [str(e) for e in form.errors.get(spec.id) or []]
    described = [i for i, on in ((hint_id, not spec.required), (error_id, bool(errors))) if on]
    attrs = bound.field.widget.attrs
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if errors:
        attrs["aria-invalid"] = "true"
    return FieldRow(
        field=bound,
        required=spec.required,
        if_omitted=spec.if_omitted.get(lang) if spec.if_omitted else "",
        hint_id=hint_id,
        error_id=error_id,
        error=" ".join(errors),
    )


def _special_care(
    policy: Policy,
    channel: Channel,
    found: SpecialCareFound | None,
    ticked: set[str],
    lang: str,
) -> tuple[list[SpecialCareMessage], list[ConsentBox]]:
    """What the page says about special-care information found in the text, and the consent
    boxes for the kinds the channel may take with consent."""
    if found is None:
        return [], []
    messages: list[SpecialCareMessage] = []
    consentable: list[str] = []
    for finding in found.findings:
        shown = channel.field(finding.field)
        kinds = (policy.categories[c].title.get(lang) for c in finding.categories)
        text = SPECIAL_FOUND % {
            "field": shown.label.get(lang) if shown else finding.field,
            "kinds": list_join(kinds, lang),
        }
        possible = set(finding.categories) <= set(finding.consentable)
        messages.append(SpecialCareMessage(text=text, consent_possible=possible))
        if possible:
            consentable += [c for c in finding.categories if c not in consentable]
    return messages, special_care_boxes(policy, consentable, lang, ticked)


def done(request: HttpRequest, channel_id: str) -> HttpResponse:
    try:
        policy, channel = _public_channel(channel_id)
    except PolicyNotLoaded:
        return _unavailable(request)
    lang = _lang()
    receipt = receipt_from_token(channel=channel, token=request.GET.get("r", ""))
    ref, mailed = receipt or ("", False)
    page = _page(request, lang)
    if receipt is not None:  # the other language shows the same reference
        page["other_url"] = f"{page['other_url']}?{urlencode({'r': request.GET['r']})}"
    response = render(
        request,
        "collect/done.html",
        {
            **page,
            "policy": policy,
            "channel": channel,
            "title": channel.title.get(lang),
            "member": channel.follow_up == FOLLOW_UP_MEMBER_ACCOUNT,
            "ref": ref,
            "mailed": mailed,
            "anonymous": receipt is not None and not ref,
        },
    )
    # The reference rides in the address: keep it out of Referer headers to other sites.
    response["Referrer-Policy"] = "same-origin"
    return response


class PasswordForm(forms.Form):
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )


@require_http_methods(["GET", "POST"])
def activate(request: HttpRequest, token: str) -> HttpResponse:
    lang = _lang()
    context: dict[str, object] = {**_page(request, lang)}
    try:
        context["policy"] = policy_active()
        member_for_token(token=token)
    except (NotFound, PolicyNotLoaded):
        return render(request, "collect/activate.html", {**context, "invalid": True}, status=404)
    form = PasswordForm(request.POST or None)
    form.fields["password"].label = PASSWORD
    form.fields["password_again"].label = PASSWORD_AGAIN
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["password"] != form.cleaned_data["password_again"]:
            form.add_error("password_again", str(PASSWORD_MISMATCH))
        else:
            try:
                member_activate(token=token, password=form.cleaned_data["password"])
            except InvalidInput as exc:
                form.add_error("password", exc.message)
            else:
                return render(request, "collect/activate.html", {**context, "done": True})
    response = render(request, "collect/activate.html", {**context, "form": form})
    # The token is in the path: send only the origin as Referer, never the path, even to
    # ourselves. Not `no-referrer`: with it Chromium posts the form with `Origin: null`, which
    # Django's CSRF check rightly refuses.
    response["Referrer-Policy"] = "strict-origin"
    return response
