"""The desk's actions on a case in the console. Irreversible ones (approve, refuse, record a fee
or a posted answer, send a reply) first answer with a confirmation page that says what will
happen (consequences.py) and carries the form's values back; only its "confirm" button, a POST
with `confirmed=yes`, acts. No script is needed, so it works under the strict CSP."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, pgettext

from hogo.audit.services import actor_for
from hogo.desk.consequences import (
    approve_consequences,
    fee_consequences,
    posted_consequences,
    refuse_consequences,
    reply_consequences,
)
from hogo.desk.console_forms import FeeForm, NoteForm, RefuseForm
from hogo.desk.fees import Payment, case_fee_record
from hogo.desk.models import Case, CaseKind, StepName
from hogo.desk.selectors import case_get
from hogo.desk.services import (
    case_approve,
    case_assign,
    case_note_add,
    case_posted_record,
    case_refuse,
    case_retry,
    case_system_done,
)
from hogo.desk.system_steps import system_tasks
from hogo.desk.system_uploads import MAX_BYTES, Upload, case_system_upload
from hogo.errors import HogoError, NotFound
from hogo.roles import Role
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)
Data = dict[str, Any]


@dataclass(frozen=True)
class Act:
    """One action: its form, what it does, and (if irreversible) what to tell before."""

    form: type[forms.Form] | None
    run: Callable[[str, User, Case, Data], object]
    invalid: str = ""  # the message for a form that does not validate
    confirm: Callable[[User, str, Case, Data], list[str]] | None = None
    button: Callable[[Case], str] = lambda case: ""


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _view(act: Act) -> Callable[[HttpRequest, str], HttpResponse]:
    @staff_view(HANDLERS)
    def view(request: HttpRequest, ref: str) -> HttpResponse:
        if request.method != "POST":
            return redirect("desk_console:detail", ref=ref)
        user, actor = _user(request), actor_for(_user(request))
        try:
            case = case_get(case_ref=ref)
        except NotFound as exc:
            messages.error(request, exc.message)
            return redirect("desk_console:queue")
        form = act.form(request.POST) if act.form else None
        if form is not None and not form.is_valid():
            messages.error(request, act.invalid or _problems(form))
            return redirect("desk_console:detail", ref=ref)
        data: Data = form.cleaned_data if form is not None else {}
        try:
            if act.confirm is not None and request.POST.get("confirmed") != "yes":
                consequences = act.confirm(user, actor, case, data)
                if consequences:
                    return _confirmation(request, case, act, consequences)
            act.run(actor, user, case, data)
        except HogoError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, gettext("Done."))
        return redirect("desk_console:detail", ref=ref)

    return view


def _problems(form: forms.Form) -> str:
    problems = (
        f"{form.fields[n].label if n in form.fields else ''}: {' '.join(map(str, e))}"
        for n, e in form.errors.items()
    )
    return gettext("Not done: %(problems)s") % {"problems": "; ".join(problems)}


def _confirmation(
    request: HttpRequest, case: Case, act: Act, consequences: list[str]
) -> HttpResponse:
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", "confirmed")
        for value in values
    ]
    return TemplateResponse(
        request,
        "desk/console/confirm.html",
        staff_context(
            request,
            gettext("Confirm: %(action)s") % {"action": act.button(case)},
            handlers=HANDLERS,
            case=case,
            consequences=consequences,
            carried=carried,
            button=act.button(case),
            action=request.path,
        ),
    )


def _approve_button(case: Case) -> str:
    if case.kind == CaseKind.COMPLAINT:
        return gettext("Close after the replies are delivered")
    return gettext("Approve and fulfil")


def _fee_payment(data: Data) -> Payment:
    return Payment(
        amount_jpy=data["amount_jpy"],
        received_on=data["received_on"],
        reference=data["reference"],
        difference=data["difference"],
    )


class _StepForm(forms.Form):
    step = forms.ChoiceField(choices=StepName.choices)


class _AssignForm(forms.Form):
    assignee = forms.IntegerField(required=False)


class _SystemDoneForm(forms.Form):
    system = forms.CharField(max_length=64)
    note = forms.CharField(required=False, max_length=2000)


def _system_done_consequences(case: Case, data: Data) -> list[str]:
    said = [
        gettext(
            "The request is recorded as carried out in this system, with your note. The "
            "answer to the person is sent once every system is done."
        )
    ]
    task = next((t for t in system_tasks(case, lang="en") if t.system == data["system"]), None)
    if task is not None and task.uploadable and not task.uploaded:
        said.append(
            gettext(
                "No file was uploaded for this system: the disclosure package will hold "
                "nothing from it. Upload what was found there first, if anything was."
            )
        )
    return said


def _assignee(data: Data) -> User | None:
    who = data.get("assignee")
    return User.objects.filter(pk=who, is_staff=True).first() if who else None


approve = _view(
    Act(
        form=None,
        run=lambda actor, user, case, data: case_approve(actor=actor, case_ref=case.ref),
        confirm=lambda user, actor, case, data: approve_consequences(
            case=case, user=user, actor=actor
        ),
        button=_approve_button,
    )
)
refuse = _view(
    Act(
        form=RefuseForm,
        run=lambda actor, user, case, data: case_refuse(
            actor=actor, case_ref=case.ref, reason=data["reason"], explanation=data["explanation"]
        ),
        invalid=gettext("Choose a reason from the list."),
        confirm=lambda user, actor, case, data: refuse_consequences(
            case=case, reason=data["reason"]
        ),
        button=lambda case: gettext("Refuse with this reason"),
    )
)
fee = _view(
    Act(
        form=FeeForm,
        run=lambda actor, user, case, data: case_fee_record(
            actor=actor, case_ref=case.ref, payment=_fee_payment(data)
        ),
        confirm=lambda user, actor, case, data: fee_consequences(
            amount=data["amount_jpy"], received_on=data["received_on"]
        ),
        button=lambda case: gettext("Record the fee as received"),
    )
)
posted = _view(
    Act(
        form=_StepForm,
        run=lambda actor, user, case, data: case_posted_record(
            actor=actor, case_ref=case.ref, step=StepName(data["step"])
        ),
        invalid=gettext("Unknown step."),
        confirm=lambda user, actor, case, data: posted_consequences(),
        button=lambda case: gettext("Posted"),
    )
)
note = _view(
    Act(
        form=NoteForm,
        run=lambda actor, user, case, data: case_note_add(
            actor=actor, author=user, case_ref=case.ref, text=data["text"], reply=data["reply"]
        ),
        invalid=gettext("Write the note first."),
        # Only a reply leaves the desk: a note for colleagues needs no confirmation.
        confirm=lambda user, actor, case, data: (
            reply_consequences(case=case) if data["reply"] else []
        ),
        button=lambda case: gettext("Send the reply"),
    )
)
assign = _view(
    Act(
        form=_AssignForm,
        run=lambda actor, user, case, data: case_assign(
            actor=actor, case_ref=case.ref, assignee=_assignee(data)
        ),
    )
)
system_done = _view(
    Act(
        form=_SystemDoneForm,
        run=lambda actor, user, case, data: case_system_done(
            actor=actor, author=user, case_ref=case.ref, system=data["system"], note=data["note"]
        ),
        confirm=lambda user, actor, case, data: _system_done_consequences(case, data),
        button=lambda case: pgettext("console", "Done in this system"),
    )
)
retry = _view(
    Act(form=None, run=lambda actor, user, case, data: case_retry(actor=actor, case_ref=case.ref))
)


@staff_view(HANDLERS)
def system_upload(request: HttpRequest, ref: str) -> HttpResponse:
    """The file of what was found in a manual system, for the disclosure package (replaced by
    a later upload until the step is done, so it needs no confirmation)."""
    if request.method != "POST":
        return redirect("desk_console:detail", ref=ref)
    given = request.FILES.get("file")
    if given is None or given.size is None or given.size > MAX_BYTES:
        messages.error(
            request, gettext("Not done: choose a CSV, xlsx, PDF or JSON file of at most 2 MB.")
        )
        return redirect("desk_console:detail", ref=ref)
    upload = Upload(file_name=given.name or "", content=given.read())
    try:
        case_system_upload(
            actor=actor_for(_user(request)),
            case_ref=ref,
            system=request.POST.get("system", "")[:64],
            upload=upload,
        )
    except HogoError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, gettext("The file is sealed with the request and goes into the package.")
        )
    return redirect("desk_console:detail", ref=ref)
