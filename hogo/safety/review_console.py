"""The internal review in the console (/console/safety/reviews/): the privacy officer opens a
review, assesses each checklist item, records corrective actions for findings and marks them
done, and closes the review after a confirmation; the officer and auditors read every review
and its report (PDF). Japanese and English (gettext)."""

from collections.abc import Callable
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.errors import HogoError, NotFound
from hogo.policy.wording import date_shown
from hogo.roles import Role
from hogo.safety.oversight_models import ItemResult, Review, ReviewStatus
from hogo.safety.review import (
    action_complete,
    action_create,
    review_close,
    review_close_blockers,
    review_get,
    review_item_assess,
    review_next_due,
    review_open,
    reviews_all,
)
from hogo.safety.review_report import RESULTS, review_pdf, review_view
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)
BLOCKERS = {
    "pending_items": gettext_lazy("Some checklist items are not assessed yet."),
    "findings_without_action": gettext_lazy("Some findings have no corrective action."),
    "actions_open": gettext_lazy("Some corrective actions are not done yet."),
}


class AssessForm(forms.Form):
    # "—" while not assessed, so that an unassessed item does not look like "in place".
    result = forms.ChoiceField(
        label=gettext_lazy("Result"),
        choices=[("", "—"), *((v, RESULTS[v]) for v in ("ok", "finding", "na"))],
    )
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActionForm(forms.Form):
    description = forms.CharField(
        label=gettext_lazy("Corrective action"), widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner"),
        queryset=User.objects.filter(is_active=True, is_staff=True).order_by("username"),
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )


class DoneForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("What was done"), max_length=4000)


def _review(ref: str) -> Review:
    try:
        return review_get(ref=ref)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _actor(request: HttpRequest) -> str:
    user = request.user
    assert isinstance(user, User)
    return actor_for(user)


def _run(request: HttpRequest, ref: str, call: Callable[[str], object]) -> HttpResponse:
    try:
        call(_actor(request))
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("safety_console:review", ref=ref)


@staff_view(VIEWERS)
def review_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    due = review_next_due(now=now)
    reviews = reviews_all()
    rows = [
        {
            "review": r,
            "opened": date_shown(r.opened_at),
            "closed": date_shown(r.closed_at) if r.closed_at else "",
            "findings": r.items.filter(result=ItemResult.FINDING).count(),
        }
        for r in reviews
    ]
    return TemplateResponse(
        request,
        "safety/console/reviews.html",
        staff_context(
            request,
            _("Internal reviews"),
            handlers=HANDLERS,
            rows=rows,
            next_due=date_shown(due) if due else "",
            due_now=due is None or due <= timezone.localdate(now),
            has_open=any(r.status == ReviewStatus.OPEN for r in reviews),
        ),
    )


@staff_view(HANDLERS)
@require_POST
def review_new(request: HttpRequest) -> HttpResponse:
    try:
        review = review_open(actor=_actor(request))
    except HogoError as exc:
        messages.error(request, exc.message)
        return redirect("safety_console:reviews")
    return redirect("safety_console:review", ref=review.ref)


@staff_view(VIEWERS)
def review_detail(request: HttpRequest, ref: str) -> HttpResponse:
    review = _review(ref)
    view = review_view(review)
    forms_of = {
        r.item.position: AssessForm(
            initial={
                "result": "" if r.item.result == ItemResult.PENDING else r.item.result,
                "note": r.item.note,
            }
        )
        for r in view.items
    }
    return TemplateResponse(
        request,
        "safety/console/review.html",
        staff_context(
            request,
            _("Internal review %(ref)s") % {"ref": review.ref},
            handlers=HANDLERS,
            v=view,
            rows=[(r, forms_of[r.item.position]) for r in view.items],
            action_form=ActionForm(),
            done_form=DoneForm(),
            blockers=[BLOCKERS[b] for b in review_close_blockers(review=review)],
            is_open=review.status == ReviewStatus.OPEN,
        ),
    )


@staff_view(HANDLERS)
@require_POST
def review_assess(request: HttpRequest, ref: str, position: int) -> HttpResponse:
    form = AssessForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a result."))
        return redirect("safety_console:review", ref=ref)
    data = form.cleaned_data
    return _run(
        request,
        ref,
        lambda actor: review_item_assess(
            actor=actor, review_ref=ref, position=position, result=data["result"], note=data["note"]
        ),
    )


@staff_view(HANDLERS)
@require_POST
def review_action_new(request: HttpRequest, ref: str, position: int) -> HttpResponse:
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("The corrective action needs a description, an owner and a due day.")
        )
        return redirect("safety_console:review", ref=ref)
    data = form.cleaned_data
    due: date = data["due_on"]
    return _run(
        request,
        ref,
        lambda actor: action_create(
            actor=actor,
            review_ref=ref,
            position=position,
            description=data["description"],
            owner=data["owner"],
            due_on=due,
        ),
    )


@staff_view(HANDLERS)
@require_POST
def review_action_done(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    form = DoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what was done."))
        return redirect("safety_console:review", ref=ref)
    note = form.cleaned_data["note"]
    return _run(request, ref, lambda actor: action_complete(actor=actor, action_id=pk, note=note))


@staff_view(HANDLERS)
@require_POST
def review_close_view(request: HttpRequest, ref: str) -> HttpResponse:
    review = _review(ref)
    conclusion = request.POST.get("conclusion", "")
    if request.POST.get("confirmed") != "1":
        return TemplateResponse(
            request,
            "safety/console/review_close.html",
            staff_context(
                request,
                _("Close internal review %(ref)s") % {"ref": review.ref},
                handlers=HANDLERS,
                review=review,
                conclusion=conclusion,
            ),
        )
    return _run(
        request, ref, lambda actor: review_close(actor=actor, review_ref=ref, conclusion=conclusion)
    )


@staff_view(VIEWERS)
def review_report(request: HttpRequest, ref: str) -> HttpResponse:
    review = _review(ref)
    response = HttpResponse(review_pdf(review), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{review.ref}.pdf"'
    return response
