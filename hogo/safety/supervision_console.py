"""Contractors in the console (/console/safety/contractors/, policy 6.3, APPI Art. 25): each
contractor of share's register with its latest selection assessment and when its supervision
is next due (overdue ones marked); the privacy officer assesses a contractor against the
policy's selection criteria, which an outsourcing agreement needs first. Japanese and English."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hogo.audit.services import actor_for
from hogo.errors import HogoError, NotFound
from hogo.policy.schema import Text
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.policy.wording import date_shown
from hogo.roles import Role
from hogo.safety.clocks import today_jst
from hogo.safety.supervision import supervision_states
from hogo.share.selectors import assessment_latest, contractor_get, contractors_list
from hogo.share.services import CriterionResult, contractor_assess
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)
MET = (("yes", gettext_lazy("met")), ("no", gettext_lazy("not met")))


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(
        label=gettext_lazy("Assessed on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, criteria: tuple[Text, ...], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = get_language() or "ja"
        self.count = len(criteria)
        for number, criterion in enumerate(criteria, start=1):
            self.fields[f"met_{number}"] = forms.ChoiceField(
                label=f"{number}. {criterion.get(language)}",
                choices=MET,
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{number}"] = forms.CharField(
                label=gettext_lazy("Note (why, where not met)"), required=False, max_length=2000
            )

    def results(self) -> list[CriterionResult]:
        data = self.cleaned_data
        return [
            CriterionResult(met=data[f"met_{n}"] == "yes", note=data[f"note_{n}"])
            for n in range(1, self.count + 1)
        ]


def _criteria() -> tuple[Text, ...]:
    try:
        return policy_active().outsourcing.selection_criteria
    except PolicyNotLoaded:
        raise Http404("no policy is loaded") from None


def _assessment_words(recipient_id: str) -> tuple[str, bool]:
    latest = assessment_latest(recipient_id=recipient_id)
    if latest is None:
        return _("not assessed: no agreement can be recorded"), False
    if latest.suitable:
        return _("suitable (assessed %(day)s)") % {"day": date_shown(latest.assessed_on)}, True
    return _("criteria not met (assessed %(day)s)") % {"day": date_shown(latest.assessed_on)}, False


@staff_view(VIEWERS)
def contractors(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    today = today_jst(now)
    states: dict[int, list[dict[str, object]]] = {}
    for due in supervision_states(now=now):
        agreement = due.state.agreement
        states.setdefault(agreement.recipient_id, []).append(
            {
                # Named by when it was signed: its ref (agr_...) means nothing to a reader.
                "agreement": _("Agreement signed %(day)s")
                % {"day": date_shown(agreement.signed_on)},
                "last": date_shown(due.state.last_supervised) if due.state.last_supervised else "",
                "due": date_shown(due.due_on),
                "overdue": today > due.due_on,
            }
        )
    rows = []
    for contractor in contractors_list():
        words, suitable = _assessment_words(contractor.ref)
        rows.append(
            {
                "contractor": contractor,
                "assessment": words,
                "suitable": suitable,
                "agreements": states.get(contractor.pk, []),
            }
        )
    return TemplateResponse(
        request,
        "safety/console/contractors.html",
        staff_context(request, _("Contractors"), handlers=HANDLERS, rows=rows),
    )


@staff_view(HANDLERS)
def contractor_assess_view(request: HttpRequest, ref: str) -> HttpResponse:
    try:
        contractor = contractor_get(recipient_id=ref)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    criteria = _criteria()
    form = AssessmentForm(
        request.POST or None, criteria=criteria, initial={"assessed_on": date.today()}
    )
    if request.method == "POST" and form.is_valid():
        user = request.user
        assert isinstance(user, User)
        try:
            contractor_assess(
                actor=actor_for(user),
                recipient_id=ref,
                assessed_on=form.cleaned_data["assessed_on"],
                results=form.results(),
            )
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The assessment is recorded."))
            return redirect("safety_console:contractors")
    return TemplateResponse(
        request,
        "safety/console/contractor_assess.html",
        staff_context(
            request,
            _("Assess %(name)s") % {"name": contractor.name},
            handlers=HANDLERS,
            contractor=contractor,
            form=form,
            latest=assessment_latest(recipient_id=ref),
        ),
    )
