"""Education in the console (/console/safety/trainings/, policy 6.2): every staff member sees
their own courses and when each is due; the privacy officer creates courses, records
completions and sees who is overdue; the officer and auditors export the completions as xlsx
for an inspection. Japanese and English (gettext)."""

import io
from datetime import date

from django import forms
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hogo.audit.services import actor_for
from hogo.csvfile import cell_safe
from hogo.errors import HogoError, NotFound
from hogo.policy.wording import date_shown
from hogo.roles import Role, has_role
from hogo.safety import labels
from hogo.safety.selectors import (
    completions_all,
    course_get,
    courses_all,
    trainings_of,
    trainings_overdue,
)
from hogo.safety.services import CourseFacts, completion_record, course_create, course_update
from hogo.staffpages import staff_context, staff_view

HANDLERS = (Role.PRIVACY_OFFICER,)
EXPORT_COLUMNS = (
    "course", "title", "user", "username", "completed_on", "acknowledged", "recorded_by",
    "recorded_at",
)  # fmt: skip


class CourseForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    material = forms.CharField(
        label=gettext_lazy("Material (text)"), required=False, widget=forms.Textarea
    )
    material_url = forms.URLField(label=gettext_lazy("Material (address)"), required=False)
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Who must take it"),
        choices=list(labels.ROLES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    cadence_months = forms.IntegerField(
        label=gettext_lazy("Every how many months (12: yearly)"),
        min_value=1,
        max_value=120,
        initial=12,
    )
    active = forms.BooleanField(
        label=gettext_lazy("Active (clear to retire the course; its completions stay)"),
        required=False,
        initial=True,
    )

    def facts(self) -> CourseFacts:
        data = self.cleaned_data
        return CourseFacts(
            title=data["title"],
            material=data["material"],
            material_url=data["material_url"],
            roles=list(data["roles"]),
            cadence_months=data["cadence_months"],
            active=data.get("active", True),  # a new course has no such field: active
        )


class CompletionForm(forms.Form):
    course = forms.ModelChoiceField(label=gettext_lazy("Course"), queryset=courses_all())
    user = forms.ModelChoiceField(
        label=gettext_lazy("Staff member"),
        queryset=User.objects.filter(is_staff=True, is_active=True).order_by("username"),
    )
    completed_on = forms.DateField(
        label=gettext_lazy("Taken on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    acknowledged = forms.BooleanField(
        label=gettext_lazy("The staff member confirms in writing that they took the course.")
    )


def _due_words(due: date, today: date, taken: bool) -> str:
    if not taken:
        return _("not taken yet: due now")
    if today > due:
        return _("overdue since %(day)s") % {"day": date_shown(due)}
    return _("next due %(day)s") % {"day": date_shown(due)}


def trainings(request: HttpRequest) -> HttpResponse:
    """Any staff member: their own courses; the officer also the courses and the overdue list."""
    user = request.user
    assert isinstance(user, User)
    now = timezone.now()
    today = timezone.localdate(now)
    own = [
        {
            "course": course,
            "last": date_shown(last) if last else "—",
            "state": _due_words(due, today, last is not None),
        }
        for course, last, due in trainings_of(user=user, now=now)
    ]
    officer = has_role(user, *HANDLERS)
    overdue = [
        {
            "course": o.course,
            "user": o.user,
            "last": date_shown(o.last_completed) if o.last_completed else "—",
            "state": _due_words(o.due_on, today, o.last_completed is not None),
        }
        for o in (trainings_overdue(now=now) if officer else [])
    ]
    courses = [
        {"course": c, "roles": [labels.ROLES[r] for r in c.roles if r in labels.ROLES]}
        for c in (courses_all() if officer else [])
    ]
    context = {
        **staff_context(request, _("Trainings"), handlers=HANDLERS),
        "own": own,
        "overdue": overdue,
        "courses": courses,
        "can_export": has_role(user, Role.PRIVACY_OFFICER, Role.AUDITOR),
    }
    return TemplateResponse(request, "safety/console/trainings.html", context)


@staff_view(HANDLERS)
def course_new(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    del form.fields["active"]  # a course starts active
    if request.method == "POST" and form.is_valid():
        try:
            course_create(actor=actor_for(request.user), facts=form.facts())  # type: ignore[arg-type]
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("safety_console:trainings")
    context = staff_context(
        request, _("New course"), handlers=HANDLERS, form=form, submit=_("Create the course")
    )
    return TemplateResponse(request, "safety/console/training_form.html", context)


@staff_view(HANDLERS)
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        course = course_get(pk=pk)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    initial = {
        "title": course.title,
        "material": course.material,
        "material_url": course.material_url,
        "roles": course.roles,
        "cadence_months": course.cadence_months,
        "active": course.active,
    }
    form = CourseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            course_update(
                actor=actor_for(request.user),  # type: ignore[arg-type]
                course=course,
                facts=form.facts(),
            )
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("safety_console:trainings")
    context = staff_context(
        request, course.title, handlers=HANDLERS, form=form, submit=_("Save the course")
    )
    return TemplateResponse(request, "safety/console/training_form.html", context)


@staff_view(HANDLERS)
def completion_new(request: HttpRequest) -> HttpResponse:
    form = CompletionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            completion_record(
                actor=actor_for(request.user),  # type: ignore[arg-type]
                course=data["course"],
                user=data["user"],
                completed_on=data["completed_on"],
                acknowledged=data["acknowledged"],
            )
        except HogoError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("safety_console:trainings")
    context = staff_context(
        request,
        _("Record a completion"),
        handlers=HANDLERS,
        form=form,
        submit=_("Record the completion"),
    )
    return TemplateResponse(request, "safety/console/training_form.html", context)


def completions_xlsx() -> bytes:
    """Every completion as a workbook; each text cell neutralised like the CSV exports."""
    from openpyxl import Workbook  # 0.4 s to import: only where a workbook is made

    book = Workbook(write_only=True)
    sheet = book.create_sheet("completions")
    sheet.append(list(EXPORT_COLUMNS))
    for c in completions_all():
        sheet.append(
            [
                c.course_id,
                cell_safe(c.course.title),
                f"user:{c.user_id}",
                cell_safe(c.user.username),
                c.completed_on,
                "yes" if c.acknowledged else "no",
                cell_safe(c.recorded_by),
                labels.local_time(c.recorded_at),
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@staff_view((Role.PRIVACY_OFFICER, Role.AUDITOR))
def completions_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        completions_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="training-completions.xlsx"'
    return response
