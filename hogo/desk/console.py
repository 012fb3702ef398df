"""The desk in the staff console (/console/desk/): the queue by deadline, one case with its
steps, mail and notes, and the desk's actions. Desk operators and the privacy officer act;
auditors may look. Pages use the console's (admin) layout and login. What the person and the
desk wrote is opened from the vault for the staff member looking (audited, content.py)."""

import json
from collections.abc import Callable, Iterable
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.desk.content import case_text
from hogo.desk.fees import Payment, case_fee_record
from hogo.desk.intake import (
    AGENT_KINDS,
    AUTHORITY_DOCUMENTS,
    IDENTITY_DOCUMENTS,
    Evidence,
    case_record,
)
from hogo.desk.labels import EVIDENCE_TITLES, REFUSAL_TEXTS
from hogo.desk.models import (
    QUEUE_STATUSES,
    Case,
    CaseKind,
    CaseRefusalReason,
    CaseStatus,
    FeeDifference,
    Step,
    StepName,
)
from hogo.desk.review import case_review, printable_pdf
from hogo.desk.selectors import (
    case_get,
    case_mails,
    case_notes,
    case_steps,
    cases_queue,
    step_waiting_for_post,
)
from hogo.desk.services import (
    case_approve,
    case_assign,
    case_note_add,
    case_posted_record,
    case_refuse,
    case_retry,
    case_system_done,
    cases_find,
)
from hogo.desk.system_steps import system_tasks, system_titles
from hogo.errors import HogoError, NotFound
from hogo.policy.wording import DELIVERY_METHODS
from hogo.roles import Role
from hogo.staffpages import View, staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)
VIEWERS = (*HANDLERS, Role.AUDITOR)


def _context(request: HttpRequest, title: str, **extra: object) -> dict[str, object]:
    return staff_context(request, title, handlers=HANDLERS, **extra)


class FindForm(forms.Form):
    email = forms.EmailField(label=_("Requester's e-mail address"), max_length=254)


@staff_view(VIEWERS)
def queue(request: HttpRequest) -> HttpResponse:
    """The queue; or (POST, so that the address stays out of URLs and logs) a requester's
    cases, found by the blind index of their address."""
    find = FindForm(request.POST or None)
    if request.method == "POST" and find.is_valid():
        user = request.user
        assert isinstance(user, User)
        try:
            found = cases_find(actor=actor_for(user), email=find.cleaned_data["email"])
        except HogoError as exc:
            find.add_error("email", exc.message)
        else:
            return TemplateResponse(
                request,
                "desk/console/queue.html",
                _context(
                    request,
                    gettext("Request desk: cases of one requester"),
                    rows=found,
                    show="found",
                    find=find,
                    kinds=CaseKind.choices,
                    now=timezone.now(),
                ),
            )
    show = request.GET.get("show", "open")
    statuses = {
        "open": QUEUE_STATUSES,
        "unverified": (CaseStatus.UNVERIFIED,),
        "closed": (CaseStatus.COMPLETED, CaseStatus.REFUSED, CaseStatus.EXPIRED),
    }.get(show, QUEUE_STATUSES)
    kind = request.GET.get("kind") or None
    mine = request.GET.get("mine") == "1"
    rows = cases_queue(
        statuses=tuple(statuses),
        kind=kind if kind in CaseKind.values else None,
        assignee_id=request.user.pk if mine else None,
    )[:500]
    return TemplateResponse(
        request,
        "desk/console/queue.html",
        _context(
            request,
            gettext("Request desk"),
            rows=rows,
            show=show,
            kind=kind,
            mine=mine,
            find=find,
            kinds=CaseKind.choices,
            now=timezone.now(),
        ),
    )


class RefuseForm(forms.Form):
    reason = forms.ChoiceField(
        label=pgettext_lazy("console", "Reason"), choices=CaseRefusalReason.choices
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("console", "Text"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    reply = forms.BooleanField(required=False, label=_("E-mail this to the person as a reply"))


class FeeForm(forms.Form):
    amount_jpy = forms.IntegerField(label=_("Amount received (JPY)"), min_value=0)
    received_on = forms.DateField(
        label=_("Date it arrived"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=40,
        help_text=_("The transfer's or money order's number; never the payer's name."),
    )
    difference = forms.ChoiceField(
        label=_("If the amount is not the fee, why"),
        choices=[("", _("— the amount is the fee —")), *FeeDifference.choices],
        required=False,
    )


@staff_view(VIEWERS)
def detail(request: HttpRequest, ref: str) -> HttpResponse:
    case = _case_or_404(ref)
    user = request.user
    assert isinstance(user, User)
    notes = case_notes(case=case)
    # One audited reading for the page: what was asked, the explanation, the notes.
    text = case_text(
        case,
        actor=actor_for(user),
        via="console",
        details=True,
        refusal=True,
        refs=[n.text_note for n in notes],
    )
    return TemplateResponse(
        request,
        "desk/console/detail.html",
        _context(
            request,
            gettext("Request %(ref)s") % {"ref": case.ref},
            case=case,
            asked=text.details,
            disposed=text.disposed,
            refusal_explanation=text.refusal_explanation,
            is_correction=case.kind == CaseKind.CORRECTION,
            steps=_titled(case_steps(case=case), request.LANGUAGE_CODE),
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
            staff=User.objects.filter(is_staff=True, is_active=True).order_by("username"),
            now=timezone.now(),
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


def _action(run: Callable[[HttpRequest, str, str], object]) -> View:
    @wraps(run)
    def act(request: HttpRequest, ref: str) -> HttpResponse:
        user = request.user
        assert isinstance(user, User)
        try:
            run(request, ref, actor_for(user))
        except HogoError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, gettext("Done."))
        return redirect("desk_console:detail", ref=ref)

    return staff_view(HANDLERS)(require_POST(act))


@_action
def assign(request: HttpRequest, ref: str, actor: str) -> object:
    who = request.POST.get("assignee", "")
    assignee = User.objects.filter(pk=who, is_staff=True).first() if who.isdigit() else None
    return case_assign(actor=actor, case_ref=ref, assignee=assignee)


@_action
def note(request: HttpRequest, ref: str, actor: str) -> object:
    form = NoteForm(request.POST)
    if not form.is_valid():
        raise HogoError(gettext("Write the note first."))
    user = request.user
    assert isinstance(user, User)
    return case_note_add(
        actor=actor,
        author=user,
        case_ref=ref,
        text=form.cleaned_data["text"],
        reply=form.cleaned_data["reply"],
    )


@_action
def approve(request: HttpRequest, ref: str, actor: str) -> object:
    return case_approve(actor=actor, case_ref=ref)


@_action
def refuse(request: HttpRequest, ref: str, actor: str) -> object:
    form = RefuseForm(request.POST)
    if not form.is_valid():
        raise HogoError(gettext("Choose a reason from the list."))
    return case_refuse(
        actor=actor,
        case_ref=ref,
        reason=form.cleaned_data["reason"],
        explanation=form.cleaned_data["explanation"],
    )


@_action
def fee(request: HttpRequest, ref: str, actor: str) -> object:
    form = FeeForm(request.POST)
    if not form.is_valid():
        problems = (f"{name}: {' '.join(map(str, e))}" for name, e in form.errors.items())
        raise HogoError(
            gettext("Fee not recorded: %(problems)s") % {"problems": "; ".join(problems)}
        )
    data = form.cleaned_data
    payment = Payment(
        amount_jpy=data["amount_jpy"],
        received_on=data["received_on"],
        reference=data["reference"],
        difference=data["difference"],
    )
    return case_fee_record(actor=actor, case_ref=ref, payment=payment)


@_action
def posted(request: HttpRequest, ref: str, actor: str) -> object:
    step = request.POST.get("step", "")
    if step not in StepName.values:
        raise HogoError(gettext("Unknown step."))
    return case_posted_record(actor=actor, case_ref=ref, step=StepName(step))


@_action
def system_done(request: HttpRequest, ref: str, actor: str) -> object:
    user = request.user
    assert isinstance(user, User)
    return case_system_done(
        actor=actor,
        author=user,
        case_ref=ref,
        system=request.POST.get("system", ""),
        note=request.POST.get("note", ""),
    )


def _titled(steps: Iterable[Step], lang: str) -> list[Step]:
    """The steps, each of a system carrying that system's title for the table."""
    titles = system_titles(lang=lang)
    listed = list(steps)
    for step in listed:
        step.system_title = titles.get(step.system, step.system)  # type: ignore[attr-defined]
    return listed


@_action
def retry(request: HttpRequest, ref: str, actor: str) -> object:
    """Retries failed steps and undelivered mail now instead of at the next sweep."""
    return case_retry(actor=actor, case_ref=ref)


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("console", "Kind"), choices=CaseKind.choices)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Leave empty to answer by post."),
    )
    subject_id = forms.RegexField(
        label=_("Subject id"),
        regex=r"^sub_[a-z2-7]{16}$",
        required=False,
        help_text=_("The person's subject id (console > Subjects), when known."),
    )
    # Each language named in itself, as the page frame's language switch does.
    language = forms.ChoiceField(
        label=pgettext_lazy("console", "Language"), choices=[("ja", "日本語"), ("en", "English")]
    )
    received_on = forms.DateTimeField(
        label=pgettext_lazy("console", "Received"),
        help_text=_("When the letter or e-mail arrived."),
    )
    document = forms.ChoiceField(
        label=_("Identity document"), choices=[(d, EVIDENCE_TITLES[d]) for d in IDENTITY_DOCUMENTS]
    )
    agent = forms.ChoiceField(
        label=_("Agent"),
        choices=[("", _("— the person themself —"))]
        + [(a, EVIDENCE_TITLES[a]) for a in AGENT_KINDS],
        required=False,
    )
    authority_document = forms.ChoiceField(
        label=_("Document of the agent's authority"),
        choices=[("", "—")] + [(a, EVIDENCE_TITLES[a]) for a in AUTHORITY_DOCUMENTS],
        required=False,
    )
    copy_destroyed = forms.BooleanField(
        label=_("Copies of the documents were destroyed after the check (policy)")
    )
    delivery = forms.ChoiceField(
        label=_("Delivery of the disclosure"),
        choices=[(m, DELIVERY_METHODS[m]) for m in ("postal_mail", "email_attachment")],
        required=False,
        help_text=_("Disclosure only."),
    )
    details = forms.CharField(
        label=_("Details"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=format_lazy(
            "{} {}",
            _("What was asked, as JSON for corrections, suspension and complaints, e.g."),
            '{"changes": [{"category": "phone", "action": "set", "value": "..."}]}',
        ),
    )


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
