"""The notice pages of an incident in the console (/console/safety/<ref>/notices/): the rounds
so far and where each person stands; choosing whom to notify (with the count first), writing the
texts per language, the preview of each mail as sent, and a confirmation that says what will
happen; the public announcement. The officer acts; auditors look."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.errors import HogoError, NotFound
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.roles import Role
from hogo.safety import labels
from hogo.safety.announcement import announcement_publish
from hogo.safety.models import Incident
from hogo.safety.notice_content import (
    LANGS,
    Texts,
    announcement_skeleton,
    closing,
    notice_mail,
    notice_skeleton,
)
from hogo.safety.notice_forms import SelectionForm, TextsForm
from hogo.safety.notice_models import IncidentAnnouncement, SelectionKind
from hogo.safety.notices import Chosen, Round, notice_queue, notice_rounds, selection_count
from hogo.safety.selectors import incident_get
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)
LANG_NAMES: dict[str, Promise] = {"ja": gettext_lazy("Japanese"), "en": gettext_lazy("English")}
SELECTIONS: dict[str, Promise] = {
    SelectionKind.CHANNEL: gettext_lazy("a channel between two days"),
    SelectionKind.IMPORT: gettext_lazy("a directory import"),
    SelectionKind.IDS: gettext_lazy("a list of subject ids"),
}
# Why someone cannot be reached by mail: no address, or the vault's reason for not opening it.
UNREACHABLE: dict[str, Promise] = {
    "no_email": gettext_lazy("no e-mail address held"),
    "erased": gettext_lazy("erased on request"),
    "disposed": gettext_lazy("disposed of after retention"),
    "suspended": gettext_lazy("use suspended at the person's request"),
    "retention_expired": gettext_lazy("retention period ended"),
    "purpose_not_allowed": gettext_lazy("no purpose allows reading the address"),
    "consent_missing": gettext_lazy("no consent to a changed purpose"),
}


def _incident(ref: str) -> Incident:
    try:
        return incident_get(ref=ref)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _context(
    request: HttpRequest, incident: Incident, title: str, **extra: object
) -> dict[str, object]:
    return staff_context(request, title, handlers=HANDLERS, incident=incident, crumb=title, **extra)


def _actor(request: HttpRequest) -> str:
    user = request.user
    assert isinstance(user, User)
    return actor_for(user)


def _round_row(found: Round) -> dict[str, object]:
    notice = found.notice
    return {
        "queued_at": labels.local_time(notice.queued_at),
        "selection": SELECTIONS[notice.selection],
        "people": notice.people,
        "pending": found.pending,
        "queued": found.queued,
        "delivered": found.delivered,
        "unreachable": [
            (UNREACHABLE.get(reason, reason), n) for reason, n in found.unreachable.items()
        ],
        "done": labels.local_time(notice.finished_at) if notice.finished_at else "",
    }


@staff_view(VIEWERS)
def notices_overview(request: HttpRequest, ref: str) -> HttpResponse:
    incident = _incident(ref)
    announcement = IncidentAnnouncement.objects.filter(incident=incident).first()
    return TemplateResponse(
        request,
        "safety/notices/overview.html",
        _context(
            request,
            incident,
            _("Notices to the people affected"),
            rounds=[_round_row(r) for r in notice_rounds(incident=incident)],
            form=SelectionForm(policy=policy_active()),
            announcement=announcement,
            announcement_url=_public_urls(incident),
        ),
    )


def _public_urls(incident: Incident) -> list[tuple[str, str]]:
    urls = []
    for lang in LANGS:
        with translation.override(lang):
            urls.append((str(LANG_NAMES[lang]), reverse("notices:incident", args=[incident.ref])))
    return urls


def _chosen_words(chosen: Chosen) -> list[str]:
    lines = [
        _("%(n)s people are chosen.") % {"n": chosen.named},
        _("%(n)s of them were already notified of this incident and are skipped.")
        % {"n": chosen.already},
    ]
    lines += [
        _("%(n)s will be notified in %(lang)s.") % {"n": n, "lang": LANG_NAMES[lang]}
        for lang, n in chosen.by_lang.items()
    ]
    return lines


def _chosen(request: HttpRequest, ref: str, policy: Policy) -> tuple[SelectionForm, Chosen | None]:
    form = SelectionForm(request.POST, policy=policy)
    if not form.is_valid():
        return form, None
    try:
        chosen = selection_count(ref=ref, selection=form.selection())
    except HogoError as exc:
        form.add_error(None, exc.message)
        return form, None
    if not chosen.new:
        form.add_error(None, _("Nobody to notify: no one is chosen, or everyone already was."))
        return form, None
    return form, chosen


@staff_view(HANDLERS)
@require_POST
def notices_compose(request: HttpRequest, ref: str) -> HttpResponse:
    """Step 2: the count, and the texts (the skeleton from the record, or what was written)."""
    incident, policy = _incident(ref), policy_active()
    form, chosen = _chosen(request, ref, policy)
    if chosen is None:
        return _back_to_selection(request, incident, form)
    written = TextsForm(request.POST) if "body_ja" in request.POST else None
    texts = written or TextsForm(initial=TextsForm.initial_from(notice_skeleton(incident, policy)))
    return TemplateResponse(
        request,
        "safety/notices/compose.html",
        _context(
            request,
            incident,
            _("Write the notice"),
            selection=form,
            chosen=_chosen_words(chosen),
            texts=texts,
        ),
    )


def _back_to_selection(
    request: HttpRequest, incident: Incident, form: SelectionForm
) -> HttpResponse:
    return TemplateResponse(
        request,
        "safety/notices/overview.html",
        _context(
            request,
            incident,
            _("Notices to the people affected"),
            rounds=[_round_row(r) for r in notice_rounds(incident=incident)],
            form=form,
            announcement=IncidentAnnouncement.objects.filter(incident=incident).first(),
            announcement_url=_public_urls(incident),
        ),
        status=400,
    )


def _previews(texts: Texts, policy: Policy) -> list[dict[str, str]]:
    return [
        dict(
            zip(("subject", "body"), notice_mail(texts, policy, lang), strict=True),
            lang=str(LANG_NAMES[lang]),
        )
        for lang in LANGS
    ]


@staff_view(HANDLERS)
@require_POST
def notices_preview(request: HttpRequest, ref: str) -> HttpResponse:
    """Step 3: each language's mail exactly as sent, and what confirming will do."""
    incident, policy = _incident(ref), policy_active()
    form, chosen = _chosen(request, ref, policy)
    if chosen is None:
        return _back_to_selection(request, incident, form)
    texts = TextsForm(request.POST)
    if not texts.is_valid():
        return TemplateResponse(
            request,
            "safety/notices/compose.html",
            _context(
                request,
                incident,
                _("Write the notice"),
                selection=form,
                chosen=_chosen_words(chosen),
                texts=texts,
            ),
            status=400,
        )
    return TemplateResponse(
        request,
        "safety/notices/preview.html",
        _context(
            request,
            incident,
            _("Check and send the notice"),
            selection=form,
            texts=texts,
            chosen=_chosen_words(chosen),
            previews=_previews(texts.texts(), policy),
        ),
    )


@staff_view(HANDLERS)
@require_POST
def notices_send_view(request: HttpRequest, ref: str) -> HttpResponse:
    """Step 4: the round is queued; its mails go out batch by batch once it commits."""
    incident, policy = _incident(ref), policy_active()
    form, texts = SelectionForm(request.POST, policy=policy), TextsForm(request.POST)
    if request.POST.get("confirmed") != "1" or not (form.is_valid() and texts.is_valid()):
        messages.error(request, _("Nothing was sent: go through the preview and confirm."))
        return redirect("safety_console:notices", ref=ref)
    try:
        notice = notice_queue(
            actor=_actor(request), ref=ref, selection=form.selection(), texts=texts.texts()
        )
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(n)s notices are being handed to the outbox.") % {"n": notice.people},
        )
    return redirect("safety_console:notices", ref=incident.ref)


@staff_view(HANDLERS)
def announcement_edit(request: HttpRequest, ref: str) -> HttpResponse:
    """The public announcement: write (or change) it, see it as published, confirm."""
    incident, policy = _incident(ref), policy_active()
    found = IncidentAnnouncement.objects.filter(incident=incident).first()
    if request.method != "POST":
        start = (
            Texts(found.title_ja, found.body_ja, found.title_en, found.body_en)
            if found
            else announcement_skeleton(incident, policy)
        )
        form = TextsForm(initial=TextsForm.initial_from(start), heading="title")
        return _announcement_page(request, incident, form, found)
    form = TextsForm(request.POST, heading="title")
    if not form.is_valid():
        return _announcement_page(request, incident, form, found, status=400)
    if request.POST.get("confirmed") != "1":
        texts = form.texts()
        previews = [
            {
                "lang": LANG_NAMES[lang],
                "subject": texts.subject(lang),
                "body": texts.body(lang),
                "closing": closing(policy, lang),
            }
            for lang in LANGS
        ]
        return TemplateResponse(
            request,
            "safety/notices/announcement_preview.html",
            _context(
                request,
                incident,
                _("Check and publish the announcement"),
                texts=form,
                previews=previews,
                urls=_public_urls(incident),
            ),
        )
    try:
        announcement_publish(actor=_actor(request), ref=ref, texts=form.texts())
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The announcement is published."))
    return redirect("safety_console:notices", ref=incident.ref)


def _announcement_page(
    request: HttpRequest,
    incident: Incident,
    form: TextsForm,
    found: IncidentAnnouncement | None,
    status: int = 200,
) -> HttpResponse:
    return TemplateResponse(
        request,
        "safety/notices/announcement_form.html",
        _context(request, incident, _("Public announcement"), form=form, found=found),
        status=status,
    )
