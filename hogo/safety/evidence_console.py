"""An incident's sealed evidence in the console (/console/safety/<incident>/evidence/): the
officer attaches a file and/or a text and opens them with a reason; auditors see what is held
(labels, sizes, who and when), never the content. Japanese and English (gettext)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hogo.audit.services import actor_for
from hogo.errors import HogoError, NotFound
from hogo.roles import Role
from hogo.safety import labels
from hogo.safety.evidence import MAX_FILE_BYTES, EvidenceIn, evidence_attach, evidence_open
from hogo.safety.models import Incident
from hogo.safety.oversight_models import EvidenceDisposal, IncidentEvidence
from hogo.safety.selectors import incident_get
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
VIEWERS = (Role.PRIVACY_OFFICER, Role.AUDITOR)


class AttachForm(forms.Form):
    label = forms.CharField(label=gettext_lazy("What it is"), max_length=200)
    text = forms.CharField(
        label=gettext_lazy("Text (log lines, raw data)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    file = forms.FileField(label=gettext_lazy("File (at most 140 KB)"), required=False)


class OpenForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Why you open it"), max_length=500)
    part = forms.ChoiceField(
        choices=(
            ("text", gettext_lazy("Show the text")),
            ("file", gettext_lazy("Download the file")),
        )
    )


def _incident(ref: str) -> Incident:
    try:
        return incident_get(ref=ref)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _rows(incident: Incident) -> list[dict[str, object]]:
    return [
        {
            "evidence": e,
            "added": labels.local_time(e.added_at),
            "size": e.file_size,
        }
        for e in IncidentEvidence.objects.filter(incident=incident)
    ]


@staff_view(VIEWERS)
def evidence_page(request: HttpRequest, ref: str) -> HttpResponse:
    incident = _incident(ref)
    form = AttachForm()
    if request.method == "POST":
        form = AttachForm(request.POST, request.FILES)
        if _attach(request, incident, form):
            return redirect("safety_console:evidence", ref=ref)
    disposal = EvidenceDisposal.objects.filter(incident=incident).first()
    return TemplateResponse(
        request,
        "safety/console/evidence.html",
        staff_context(
            request,
            _("Evidence of incident %(ref)s") % {"ref": incident.ref},
            handlers=HANDLERS,
            incident=incident,
            rows=_rows(incident),
            form=form,
            open_form=OpenForm(),
            disposed=labels.local_time(disposal.disposed_at) if disposal else "",
        ),
    )


def _attach(request: HttpRequest, incident: Incident, form: AttachForm) -> bool:
    if not staff_context(request, "", handlers=HANDLERS)["can_handle"]:
        raise PermissionDenied
    if not form.is_valid():
        return False
    upload = form.cleaned_data["file"]
    if upload is not None and upload.size > MAX_FILE_BYTES:
        form.add_error("file", _("The file is larger than 140 KB: attach the lines that matter."))
        return False
    given = EvidenceIn(
        label=form.cleaned_data["label"],
        text=form.cleaned_data["text"],
        file_name=upload.name if upload else "",
        media_type=(upload.content_type or "") if upload else "",
        content=upload.read() if upload else None,
    )
    try:
        evidence_attach(actor=actor_for(_user(request)), incident_ref=incident.ref, given=given)
    except HogoError as exc:
        form.add_error(None, exc.message)
        return False
    messages.success(request, _("The evidence is sealed."))
    return True


@staff_view(HANDLERS)
@require_POST
def evidence_open_view(request: HttpRequest, ref: str, evidence: str) -> HttpResponse:
    """Opens one piece of evidence for the officer, with the reason (both audited)."""
    form = OpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you open the evidence."))
        return redirect("safety_console:evidence", ref=ref)
    try:
        opened = evidence_open(
            user=_user(request), ref=evidence, reason=form.cleaned_data["reason"]
        )
    except HogoError as exc:
        messages.error(request, exc.message)
        return redirect("safety_console:evidence", ref=ref)
    if opened.evidence.incident.ref != ref:
        raise Http404("no such evidence on this incident")
    if form.cleaned_data["part"] == "file" and opened.content is not None:
        response = HttpResponse(opened.content, content_type="application/octet-stream")
        name = opened.evidence.file_name.replace('"', "") or f"{evidence}.bin"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "no-store"
        return response
    response = TemplateResponse(
        request,
        "safety/console/evidence_open.html",
        staff_context(
            request,
            _("Evidence %(ref)s") % {"ref": evidence},
            handlers=HANDLERS,
            incident=opened.evidence.incident,
            opened=opened,
            reason=form.cleaned_data["reason"],
        ),
    )
    response["Cache-Control"] = "no-store"
    return response
