"""The consent page at /<lang>/consent/<token>/: what changed, and agree, decline or withdraw.

Thin: the signed token names the request, one service call records the answer, and the page
is shown again (post/redirect/get) with the answer's state. Nothing personal is in the URL or
on the page: the token carries a pseudonymous ref, the page the policy's texts."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from hogo.errors import HogoError, NotFound
from hogo.network import client_network
from hogo.policy.selectors import policy_active
from hogo.policy.wording import moment_shown
from hogo.reconsent.content import explain
from hogo.reconsent.labels import LABELS, say
from hogo.reconsent.models import Answer, ConsentRequest
from hogo.reconsent.selectors import campaign_get, request_get
from hogo.reconsent.services import request_answer
from hogo.reconsent.tokens import LinkInvalid, Token, TokenKind, token_make, token_read

ACTIONS = {"agree": Answer.AGREED, "decline": Answer.DECLINED, "withdraw": Answer.WITHDRAWN}
STATES = {Answer.AGREED: "agreed", Answer.DECLINED: "declined", Answer.WITHDRAWN: "withdrawn"}


@never_cache
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, token: str) -> HttpResponse:
    lang = "en" if (get_language() or "ja").startswith("en") else "ja"
    try:
        link = token_read(token)
        asked = request_get(ref=link.ref)
    except (LinkInvalid, NotFound):
        return _invalid(request, lang)
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None or (link.kind == TokenKind.WITHDRAW and action != Answer.WITHDRAWN):
            return _invalid(request, lang, status=400)
        try:
            network = client_network(request) or ""
            request_answer(ref=asked.ref, answer=action, lang=lang, network=network)
        except HogoError:
            return _page(request, lang, token, link, asked, status=409)
        return redirect(request.path)
    return _page(request, lang, token, link, asked)


def _page(
    request: HttpRequest,
    lang: str,
    token: str,
    link: Token,
    asked: ConsentRequest,
    status: int = 200,
) -> HttpResponse:
    asked.refresh_from_db()
    policy = policy_active()
    if asked.purpose not in policy.purposes:
        return _invalid(request, lang, gone=True)
    campaign = campaign_get(version=asked.policy_version, purpose=asked.purpose)
    state = STATES.get(Answer(asked.answer)) if asked.answer else None
    withdraw_url = ""
    if asked.answer == Answer.AGREED:
        days = policy.purposes[asked.purpose].retention_days
        keep = token_make(ref=asked.ref, kind=TokenKind.WITHDRAW, days=days)
        withdraw_url = request.build_absolute_uri(reverse("reconsent:page", args=[keep]))
    answered = moment_shown(asked.answered_at, lang) if asked.answered_at else ""
    other = "ja" if lang == "en" else "en"
    context = {
        "said": explain(campaign, policy, lang),
        "intro": say(
            LABELS["intro"], lang, org=policy.organization.name.get(lang), version=campaign.version
        ),
        "state": state,
        "state_text": say(LABELS[state], lang, date=answered) if state else "",
        "withdraw_only": link.kind == TokenKind.WITHDRAW,
        "withdraw_url": withdraw_url,
        "expires": say(LABELS["expires"], lang, date=moment_shown(link.expires_at, lang)),
        "other_lang": other,
        "other_name": "English" if other == "en" else "日本語",
        "other_url": translate_url(request.path, other),
        "conflict": status == 409,
    }
    with translation.override(lang):
        return render(request, "reconsent/consent.html", context, status=status)


def _invalid(
    request: HttpRequest, lang: str, *, status: int = 404, gone: bool = False
) -> HttpResponse:
    policy = policy_active()
    context = {
        "message": say(LABELS["gone" if gone else "invalid"], lang),
        "contact": policy.organization.contact,
    }
    with translation.override(lang):
        return render(request, "reconsent/invalid.html", context, status=410 if gone else status)
