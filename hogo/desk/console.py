"""The desk in the staff console (/console/desk/): the queue with its filters, a requester's
cases found by their address, bulk assignment, one case in words, and the export of a period.
Desk operators and the privacy officer act; auditors may look. Pages use the console's (admin)
layout and login. What the person and the desk wrote, and who is asking, are opened from the
vault for the staff member looking (audited: content.py, requester.py). The actions on a case,
with their confirmations, are in console_actions.py; the forms in console_forms.py."""

import json
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.desk.casewords import asked_in_words, evidence_in_words, step_in_words
from hogo.desk.console_forms import (
    BulkAssignForm,
    ExportForm,
    FeeForm,
    FilterForm,
    FindForm,
    NoteForm,
    RecordForm,
    RefuseForm,
    staff_choices,
)
from hogo.desk.content import case_text
from hogo.desk.export import cases_export
from hogo.desk.intake import Evidence, case_record
from hogo.desk.labels import REFUSAL_TEXTS
from hogo.desk.models import Case, CaseKind, Step
from hogo.desk.requester import RequesterName, requester_name
from hogo.desk.review import case_review, printable_pdf
from hogo.desk.roles import HANDLERS, VIEWERS
from hogo.desk.search import cases_search
from hogo.desk.selectors import (
    case_get,
    case_mails,
    case_notes,
    case_steps,
    step_waiting_for_post,
)
from hogo.desk.services import cases_assign, cases_find
from hogo.desk.system_steps import system_tasks, system_titles
from hogo.errors import HogoError, NotFound
from hogo.policy.selectors import policy_active
from hogo.roles import Role, has_role
from hogo.staffpages import staff_context, staff_view

QUEUE_ROWS = 500


def _context(request: HttpRequest, title: str, **extra: object) -> dict[str, object]:
    return staff_context(request, title, handlers=HANDLERS, **extra)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@staff_view(VIEWERS)
def queue(request: HttpRequest) -> HttpResponse:
    """The queue, filtered and sorted from the query string; or (POST, so that the address
    stays out of URLs and logs) a requester's cases, found by blind indexes."""
    user = _user(request)
    filters = FilterForm(request.GET or None)
    find = FindForm(request.POST or None)
    title = gettext("Request desk")
    if request.method == "POST" and find.is_valid():
        try:
            rows = cases_find(actor=actor_for(user), email=find.cleaned_data["email"])
        except HogoError as exc:
            find.add_error("email", exc.message)
            rows = []
        title = gettext("Request desk: cases of one requester")
        found = True
    else:
        chosen = filters.case_filter(user)
        rows = list(cases_search(filters=chosen)[:QUEUE_ROWS])
        found = False
        if chosen.assignee_id is not None:
            title = gettext("Request desk: my cases")
    return TemplateResponse(
        request,
        "desk/console/queue.html",
        _context(
            request,
            title,
            rows=rows,
            found=found,
            filters=filters,
            find=find,
            staff=staff_choices(gettext("— nobody —")),
            now=timezone.now(),
            limit=QUEUE_ROWS,
        ),
    )


@staff_view(HANDLERS)
@require_POST
def bulk_assign(request: HttpRequest) -> HttpResponse:
    """Assigns the requests ticked in the queue to one staff member (or to nobody)."""
    form = BulkAssignForm(request.POST, refs=request.POST.getlist("cases"))
    back = request.POST.get("back", "")
    target = back if back.startswith("?") else ""
    if not form.is_valid():
        messages.error(request, gettext("Tick at least one request first."))
        return redirect(f"{_queue_url()}{target}")
    who = form.cleaned_data["assignee"]
    assignee = User.objects.filter(pk=who, is_staff=True).first() if who else None
    try:
        n = cases_assign(
            actor=actor_for(_user(request)), case_refs=form.cleaned_data["cases"], assignee=assignee
        )
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        name = assignee.get_full_name() or assignee.username if assignee else gettext("nobody")
        messages.success(
            request,
            gettext("%(n)s requests assigned to %(who)s.") % {"n": n, "who": name},
        )
    return redirect(f"{_queue_url()}{target}")


def _queue_url() -> str:
    return reverse("desk_console:queue")


@staff_view(VIEWERS)
def detail(request: HttpRequest, ref: str) -> HttpResponse:
    case = _case_or_404(ref)
    user = _user(request)
    actor = actor_for(user)
    can_handle = has_role(user, *HANDLERS)
    notes = case_notes(case=case)
    # One audited reading for the page: the address (the desk only), what was asked, the
    # explanation, the notes.
    text = case_text(
        case,
        actor=actor,
        via="console",
        email=can_handle,
        details=True,
        refusal=True,
        refs=[n.text_note for n in notes],
    )
    policy = policy_active()
    steps = case_steps(case=case)
    if can_handle:
        name = requester_name(case=case, user=user, actor=actor)
    else:
        name = RequesterName(why_not=gettext("Shown to the desk only."))
    return TemplateResponse(
        request,
        "desk/console/detail.html",
        _context(
            request,
            gettext("Request %(ref)s") % {"ref": case.ref},
            case=case,
            requester=name,
            email=text.email,
            asked=asked_in_words(case.kind, text.details, policy),
            disposed=text.disposed,
            evidence=evidence_in_words(case, _staff_names()),
            refusal_explanation=text.refusal_explanation,
            is_correction=case.kind == CaseKind.CORRECTION,
            steps=[(s, step_in_words(s, policy)) for s in _titled(steps, request.LANGUAGE_CODE)],
            system_tasks=system_tasks(case, lang=request.LANGUAGE_CODE),
            mails=case_mails(case=case),
            notes=[(n, text.texts.get(n.text_note, "")) for n in notes],
            post_step=step_waiting_for_post(case=case),
            refuse_form=RefuseForm(),
            note_form=NoteForm(),
            fee_form=FeeForm(
                initial={"amount_jpy": case.fee_jpy, "received_on": timezone.localdate()}
            ),
            # The ground as the person reads it, in the console's language.
            refusal_text=str(REFUSAL_TEXTS.get(case.refusal_reason, "")),
            staff=staff_choices(gettext("— nobody —")),
            now=timezone.now(),
        ),
    )


def _staff_names() -> dict[str, str]:
    return {
        f"user:{u.pk}": u.get_full_name() or u.username for u in User.objects.filter(is_staff=True)
    }


@staff_view(HANDLERS)
def export(request: HttpRequest) -> HttpResponse:
    """The requests of a period as xlsx or CSV; personal values only for the officer, with a
    reason (audited)."""
    user = _user(request)
    today = timezone.localdate()
    form = ExportForm(request.POST or None, initial={"start": today.replace(day=1), "end": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = cases_export(
                actor=actor_for(user),
                user=user,
                start=data["start"],
                end=data["end"],
                file_format=data["file_format"],
                purpose=data["purpose"],
            )
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            response = HttpResponse(made.content, content_type=made.content_type)
            response["Content-Disposition"] = f'attachment; filename="{made.name}"'
            return response
    return TemplateResponse(
        request,
        "desk/console/export.html",
        _context(
            request,
            gettext("Export requests"),
            form=form,
            officer=has_role(user, Role.PRIVACY_OFFICER),
        ),
    )


@staff_view(HANDLERS)
def review(request: HttpRequest, ref: str) -> HttpResponse:
    """A correction as a diff against the values held (read through the vault's disclosure
    path for this case, audited)."""
    case = _case_or_404(ref)
    user = request.user
    assert isinstance(user, User)
    rows = case_review(case=case, actor=actor_for(user))
    return TemplateResponse(
        request,
        "desk/console/review.html",
        _context(request, gettext("Review %(ref)s") % {"ref": case.ref}, case=case, rows=rows),
    )


@staff_view(HANDLERS)
def print_pdf(request: HttpRequest, ref: str) -> HttpResponse:
    """The disclosure PDF to print and post (postal delivery); each download is audited."""
    case = _case_or_404(ref)
    user = request.user
    assert isinstance(user, User)
    try:
        name, pdf = printable_pdf(case=case, actor=actor_for(user))
    except HogoError as exc:  # no package (yet): say so on the case, not as a server error
        messages.error(request, exc.message)
        return redirect("desk_console:detail", ref=ref)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@staff_view(HANDLERS)
def record(request: HttpRequest) -> HttpResponse:
    """A request received by post or e-mail, or through an agent, entered by the desk."""
    form = RecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = request.user
        assert isinstance(user, User)
        try:
            raw = json.loads(data["details"] or "{}")
            if not isinstance(raw, dict):
                raise HogoError(gettext("details: give a JSON object"))
            if data["kind"] == CaseKind.DISCLOSURE:
                raw.setdefault("delivery", data["delivery"] or "postal_mail")
            case = case_record(
                actor=actor_for(user),
                kind=data["kind"],
                email=data["email"] or "",
                language=data["language"],
                details=raw,
                received_at=data["received_on"],
                evidence=Evidence(
                    document=data["document"],
                    agent=data["agent"] or "",
                    authority_document=data["authority_document"] or "",
                    copy_destroyed=data["copy_destroyed"],
                ),
                origin=request.build_absolute_uri("/").rstrip("/"),
                subject_id=data["subject_id"] or "",
            )
        except json.JSONDecodeError:
            form.add_error("details", gettext("Not valid JSON."))
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("desk_console:detail", ref=case.ref)
    return TemplateResponse(
        request,
        "desk/console/record.html",
        _context(request, gettext("Record a request"), form=form),
    )


def _case_or_404(ref: str) -> Case:
    try:
        return case_get(case_ref=ref)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _titled(steps: Iterable[Step], lang: str) -> list[Step]:
    """The steps, each of a system carrying that system's title for the table."""
    titles = system_titles(lang=lang)
    listed = list(steps)
    for step in listed:
        step.system_title = titles.get(step.system, step.system)  # type: ignore[attr-defined]
    return listed
