"""The safety program in the staff console (/console/safety/): any staff member with a role
reports a suspected leak; the privacy officer triages it, decides on reportability with a
reason (after a confirmation), records the filings and downloads the PPC report drafts;
auditors may look. Japanese and English (gettext)."""

from collections.abc import Callable
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.errors import HogoError, NotFound
from hogo.policy.schema import Policy
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.roles import Role, has_role
from hogo.safety import labels
from hogo.safety.classify import incident_classify, reportable
from hogo.safety.console_forms import OverrideForm, ReportForm, TriageForm
from hogo.safety.models import Incident, ReportStage
from hogo.safety.report import report_draft, report_pdf, report_text
from hogo.safety.selectors import incident_get, incident_steps, incidents_all, incidents_open
from hogo.safety.services import (
    Narrative,
    incident_close,
    incident_file,
    incident_override,
    incident_report,
    incident_triage,
)
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)
REPORTERS = tuple(Role)  # any staff member with a role reports a suspected leak


def _context(request: HttpRequest, title: str, **extra: object) -> dict[str, object]:
    return staff_context(request, title, handlers=HANDLERS, **extra)


def _policy() -> Policy | None:
    try:
        return policy_active()
    except PolicyNotLoaded:
        return None


def _incident(ref: str) -> Incident:
    try:
        return incident_get(ref=ref)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def clock_words(due: datetime, filed: datetime | None, now: datetime) -> str:
    """The state of one clock in words: filed, overdue, or the time left."""
    if filed is not None:
        return _("filed %(when)s") % {"when": labels.local_time(filed)}
    left = due - now
    if left.total_seconds() < 0:
        late = now - due
        if late.days == 0:
            hours = max(1, late.seconds // 3600)
            return ngettext("overdue by %(n)d hour", "overdue by %(n)d hours", hours) % {"n": hours}
        return ngettext("overdue by %(n)d day", "overdue by %(n)d days", late.days) % {
            "n": late.days
        }
    if left.days == 0:
        hours = max(1, left.seconds // 3600)
        return ngettext("%(n)d hour left", "%(n)d hours left", hours) % {"n": hours}
    return ngettext("%(n)d day left", "%(n)d days left", left.days) % {"n": left.days}


def _row(incident: Incident, now: datetime) -> dict[str, object]:
    clocks = [
        {
            "stage": labels.STAGES[stage],
            "due": labels.local_time(incident.due(stage)),
            "state": clock_words(incident.due(stage), incident.filed_at(stage), now),
            "late": incident.filed_at(stage) is None and now > incident.due(stage),
        }
        for stage in ReportStage
    ]
    return {
        "incident": incident,
        "status": labels.STATUSES[incident.status],
        "discovered": labels.local_time(incident.discovered_at),
        "reportable": incident.reportable,
        "triggers": [labels.TRIGGERS[t] for t in incident.triggers()],
        "clocks": clocks if incident.reportable and incident.is_open else [],
    }


@staff_view(REPORTERS)
def incident_list(request: HttpRequest) -> HttpResponse:
    """Open incidents, the nearest deadline first, each with its clocks; `?show=all` for all.
    Staff who only report see the report link and nothing of other incidents."""
    user = request.user
    can_view = isinstance(user, User) and has_role(user, *VIEWERS)
    show_all = request.GET.get("show") == "all"
    rows = (incidents_all() if show_all else incidents_open())[:500] if can_view else []
    now = timezone.now()
    return TemplateResponse(
        request,
        "safety/console/list.html",
        _context(
            request,
            _("Incidents"),
            rows=[_row(i, now) for i in rows],
            can_view=can_view,
            show_all=show_all,
        ),
    )


@staff_view(REPORTERS)
def incident_new(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, policy=_policy())
    if request.method == "POST" and form.is_valid():
        user = request.user
        assert isinstance(user, User)
        try:
            incident = incident_report(
                actor=actor_for(user),
                discovered_at=form.cleaned_data["discovered_at"],
                summary=form.cleaned_data["summary"],
                facts=form.facts(),
                systems=form.systems_named(),
            )
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Incident %(ref)s is recorded.") % {"ref": incident.ref})
            return redirect("safety_console:list")
    return TemplateResponse(
        request,
        "safety/console/new.html",
        _context(request, _("Report a suspected leak, loss or damage"), form=form),
    )


def _category_titles(incident: Incident, policy: Policy | None) -> list[str]:
    """The policy's titles in the page's language; other names as they were given."""
    english = (get_language() or "ja").startswith("en")
    known = policy.categories if policy else {}
    return [
        (known[c].title.en if english else known[c].title.ja) if c in known else c
        for c in incident.categories
    ]


def _actor_name(actor: str) -> str:
    """Staff by user name (the console is staff-only); the system as itself."""
    kind, _sep, pk = actor.partition(":")
    if kind == "user" and pk.isdigit():
        name = User.objects.filter(pk=int(pk)).values_list("username", flat=True).first()
        return name or actor
    return _("hogo (automatic)") if kind == "system" else actor


def _findings(incident: Incident) -> list[dict[str, object]]:
    return [
        {
            "trigger": labels.TRIGGERS[row["trigger"]],
            "state": labels.STATES[row["state"]],
            "basis": labels.BASES[row["basis"]],
            "possible": row["state"] != "no",
        }
        for row in incident.classification
    ]


def _triage_initial(incident: Incident, policy: Policy | None) -> dict[str, object]:
    known = set(policy.categories) if policy else set()
    answer = {True: "yes", False: "no", None: "unknown"}
    return {
        "categories": [c for c in incident.categories if c in known],
        "other_categories": ", ".join(c for c in incident.categories if c not in known),
        "systems": ", ".join(incident.systems),
        "people_estimate": incident.people_estimate,
        "special_care": answer[incident.special_care],
        "property_damage": answer[incident.property_damage],
        "unjust_purpose": answer[incident.unjust_purpose],
        **{name: getattr(incident, name) for name in vars(Narrative())},
    }


@staff_view(VIEWERS)
def incident_detail(request: HttpRequest, ref: str) -> HttpResponse:
    incident = _incident(ref)
    policy = _policy()
    steps = [
        {"who": _actor_name(s.actor), "kind": labels.STEPS[s.kind], "at": labels.local_time(s.at)}
        for s in incident_steps(incident=incident)
    ]
    return TemplateResponse(
        request,
        "safety/console/detail.html",
        _context(
            request,
            _("Incident %(ref)s") % {"ref": incident.ref},
            row=_row(incident, timezone.now()),
            incident=incident,
            findings=_findings(incident),
            categories=_category_titles(incident, policy),
            steps=steps,
            triage_form=TriageForm(initial=_triage_initial(incident, policy), policy=policy),
            override_form=OverrideForm(),
            stages=[(s.value, labels.STAGES[s]) for s in ReportStage],
        ),
    )


def _confirm(
    request: HttpRequest, incident: Incident, title: str, preview: list[str], action: str
) -> HttpResponse:
    """The page that repeats what will be decided and posts it again with `confirmed`."""
    return TemplateResponse(
        request,
        "safety/console/confirm.html",
        _context(
            request,
            title,
            incident=incident,
            preview=preview,
            action=action,
            fields=[
                (key, value)
                for key in request.POST
                if key != "csrfmiddlewaretoken"
                for value in request.POST.getlist(key)
            ],
        ),
    )


@staff_view(HANDLERS)
@require_POST
def incident_triage_view(request: HttpRequest, ref: str) -> HttpResponse:
    incident = _incident(ref)
    policy = _policy()
    form = TriageForm(request.POST, policy=policy)
    if not form.is_valid():
        messages.error(request, _("The triage was not saved: check the fields."))
        return redirect("safety_console:detail", ref=ref)
    if request.POST.get("confirmed") != "1":
        findings = incident_classify(
            form.facts(), special_care_ids=policy.special_care_ids() if policy else ()
        )
        preview = [f"{labels.TRIGGERS[f.trigger]}: {labels.STATES[f.state]}" for f in findings]
        preview.append(
            _("Reportable to the PPC: %(answer)s")
            % {"answer": _("yes") if reportable(findings) else _("no")}
        )
        return _confirm(request, incident, _("Confirm the triage"), preview, "triage")
    return _run(
        request,
        ref,
        lambda actor: incident_triage(
            actor=actor, ref=ref, facts=form.facts(), narrative=form.narrative()
        ),
    )


@staff_view(HANDLERS)
@require_POST
def incident_override_view(request: HttpRequest, ref: str) -> HttpResponse:
    incident = _incident(ref)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("safety_console:detail", ref=ref)
    decision, reason = form.decision(), form.cleaned_data["reason"]
    if request.POST.get("confirmed") != "1":
        words = {
            True: _("Report it to the PPC"),
            False: _("Do not report it"),
            None: _("Follow the classification (withdraw an override)"),
        }
        preview = [
            words[decision],
            _("Reason: %(reason)s") % {"reason": reason or "—"},
        ]
        return _confirm(request, incident, _("Confirm the decision"), preview, "override")
    return _run(
        request,
        ref,
        lambda actor: incident_override(actor=actor, ref=ref, reportable=decision, reason=reason),
    )


def _run(request: HttpRequest, ref: str, call: Callable[[str], object]) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    try:
        call(actor_for(user))
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("safety_console:detail", ref=ref)


def _stage(request: HttpRequest) -> ReportStage:
    value = request.POST.get("stage") or request.GET.get("stage") or ""
    if value not in ReportStage.values:
        raise Http404("no such report stage")
    return ReportStage(value)


@staff_view(HANDLERS)
@require_POST
def incident_file_view(request: HttpRequest, ref: str) -> HttpResponse:
    stage = _stage(request)
    return _run(request, ref, lambda actor: incident_file(actor=actor, ref=ref, stage=stage))


@staff_view(HANDLERS)
@require_POST
def incident_close_view(request: HttpRequest, ref: str) -> HttpResponse:
    return _run(request, ref, lambda actor: incident_close(actor=actor, ref=ref))


@staff_view(HANDLERS)
def incident_report_view(request: HttpRequest, ref: str) -> HttpResponse:
    """The PPC report draft: `?stage=preliminary|final`, `&format=text` for the text."""
    draft = report_draft(incident=_incident(ref), stage=_stage(request))
    if request.GET.get("format") == "text":
        return HttpResponse(report_text(draft), content_type="text/plain; charset=utf-8")
    response = HttpResponse(report_pdf(draft), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{ref}-{_stage(request).value}.pdf"'
    return response
