"""Re-consent in the staff console (/console/reconsent/): the campaigns per policy version
(what changed, how many people it concerns, how they answered), the request mail previewed in
both languages, and the officer's actions: queue the requests (sent at once), send what is
still queued. Pages use the console's (admin) layout and login; auditors may look."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.errors import HogoError, NotFound
from hogo.policy.selectors import policy_active
from hogo.reconsent.content import mail_render
from hogo.reconsent.delivery import requests_deliver
from hogo.reconsent.selectors import Campaign, campaign_counts, campaign_get, campaigns
from hogo.reconsent.services import requests_queue
from hogo.reconsent.tokens import ANSWER_DAYS
from hogo.roles import Role
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
VIEWERS = (*HANDLERS, Role.AUDITOR)
PREVIEW_LINK = "{origin}/{lang}/consent/(a signed link for each person)/"


def _context(request: HttpRequest, title: str, **extra: object) -> dict[str, object]:
    return staff_context(request, title, handlers=HANDLERS, **extra)


def _campaign_or_404(version: int, purpose: str) -> Campaign:
    try:
        return campaign_get(version=version, purpose=purpose)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _origin(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@staff_view(VIEWERS)
def campaign_list(request: HttpRequest) -> HttpResponse:
    rows = [(campaign, campaign_counts(campaign)) for campaign in campaigns()]
    return TemplateResponse(
        request, "reconsent/console/list.html", _context(request, gettext("Re-consent"), rows=rows)
    )


@staff_view(VIEWERS)
def campaign_detail(request: HttpRequest, version: int, purpose: str) -> HttpResponse:
    campaign = _campaign_or_404(version, purpose)
    policy = policy_active()
    previews = []
    if purpose in policy.purposes:
        expires = timezone.now() + timedelta(days=ANSWER_DAYS)
        for lang in ("ja", "en"):
            link = PREVIEW_LINK.format(origin=_origin(request), lang=lang)
            subject, body = mail_render(
                campaign=campaign, policy=policy, lang=lang, link=link, expires_at=expires
            )
            previews.append((lang, subject, body))
    return TemplateResponse(
        request,
        "reconsent/console/detail.html",
        _context(
            request,
            gettext("Re-consent: %(purpose)s (policy version %(version)s)")
            % {"purpose": purpose, "version": version},
            campaign=campaign,
            counts=campaign_counts(campaign),
            previews=previews,
            purpose_gone=purpose not in policy.purposes,
        ),
    )


@require_POST
@staff_view(HANDLERS)
def campaign_send(request: HttpRequest, version: int, purpose: str) -> HttpResponse:
    """Queues a request for everyone not asked yet; they go out once this commits."""
    _campaign_or_404(version, purpose)
    user = request.user
    assert isinstance(user, User)
    try:
        queued = requests_queue(
            actor=actor_for(user), version=version, purpose=purpose, origin=_origin(request)
        )
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            gettext(
                "%(queued)s request(s) queued and being sent; %(already)s person(s) had been "
                "asked before and were not asked again."
            )
            % {"queued": queued.queued, "already": queued.already},
        )
    return redirect("reconsent_console:detail", version=version, purpose=purpose)


@require_POST
@staff_view(HANDLERS)
def campaign_retry(request: HttpRequest, version: int, purpose: str) -> HttpResponse:
    """Sends what is still queued (a mail server that was down), now."""
    _campaign_or_404(version, purpose)
    done = requests_deliver(limit=1000)
    messages.info(
        request,
        gettext("%(sent)s sent, %(no_email)s without an address, %(failed)s failed.")
        % {"sent": done.sent, "no_email": done.no_email, "failed": done.failed},
    )
    return redirect("reconsent_console:detail", version=version, purpose=purpose)
