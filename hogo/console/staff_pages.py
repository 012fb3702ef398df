"""Staff accounts in the console (/console/staff/), for the privacy officer: create a user with
a role, reset a password (generated, shown once), disable an account, reset a lost second
factor. Each irreversible action asks for confirmation first and is audited by the service
(ids only). Any staff member sets up their own second factor (second_factor_pages.py)."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hogo.audit.services import actor_for
from hogo.console.forms import ROLE_LABELS, StaffCreateForm
from hogo.console.second_factor import second_factor_reset
from hogo.console.selectors import second_factor_enrolled, staff_get, staff_list
from hogo.console.services import staff_create, staff_disable, staff_password_reset
from hogo.errors import HogoError, NotFound
from hogo.policy.wording import moment_shown
from hogo.roles import Role
from hogo.staffpages import staff_context, staff_view

OFFICER = (Role.PRIVACY_OFFICER,)
# The services' refusals in the staff's language, by code (their messages are English).
REFUSALS: dict[str, Promise] = {
    "bad_role": gettext_lazy("Choose a role."),
    "bad_username": gettext_lazy(
        "A username may contain only letters, digits and @ . + - _ (at most 150)."
    ),
    "bad_email": gettext_lazy("The e-mail address is not valid."),
    "exists": gettext_lazy("A staff user with this username already exists."),
    "self": gettext_lazy("You cannot disable your own account."),
    "disabled": gettext_lazy("This account is already disabled."),
    "no_second_factor": gettext_lazy("This user has no second factor."),
}


def _refusal(exc: HogoError) -> str:
    return str(REFUSALS.get(exc.code, exc.message))


def _acting(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _staff(user_id: int) -> User:
    try:
        return staff_get(user_id=user_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _context(request: HttpRequest, title: str, **extra: object) -> dict[str, object]:
    return staff_context(request, title, handlers=OFFICER, **extra)


@staff_view(OFFICER)
def staff_index(request: HttpRequest) -> HttpResponse:
    rows = [
        {
            "row": row,
            "roles": [str(ROLE_LABELS[Role(r)]) for r in row.roles],
            "last_login": moment_shown(row.last_login) if row.last_login else "—",
        }
        for row in staff_list()
    ]
    return TemplateResponse(
        request, "console/staff/list.html", _context(request, _("Staff accounts"), rows=rows)
    )


@staff_view(OFFICER)
def staff_new(request: HttpRequest) -> HttpResponse:
    form = StaffCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, password = staff_create(
                actor=actor_for(_acting(request)),
                username=form.cleaned_data["username"],
                role=form.cleaned_data["role"],
                email=form.cleaned_data["email"],
            )
        except HogoError as exc:
            form.add_error(None, _refusal(exc))
        else:
            return _password_shown(request, user, password, created=True)
    return TemplateResponse(
        request, "console/staff/new.html", _context(request, _("Add a staff member"), form=form)
    )


def _password_shown(request: HttpRequest, user: User, password: str, created: bool) -> HttpResponse:
    """The generated password, this once: it is never stored in clear nor shown again."""
    title = _("Staff member added") if created else _("New password")
    context = _context(request, title, staff=user, password=password, created=created)
    return TemplateResponse(request, "console/staff/password.html", context)


def _confirm(
    request: HttpRequest, staff: User, *, title: str, happens: str, button: str
) -> HttpResponse:
    context = _context(request, title, staff=staff, happens=happens, button=button)
    return TemplateResponse(request, "console/staff/confirm.html", context)


@staff_view(OFFICER)
def staff_password(request: HttpRequest, user_id: int) -> HttpResponse:
    staff = _staff(user_id)
    if request.method != "POST":
        return _confirm(
            request,
            staff,
            title=_("Reset the password of %(username)s?") % {"username": staff.username},
            happens=_(
                "A new password is generated and shown to you once. The old password stops "
                "working at once and the user's sessions end; a lockout of the username is "
                "lifted."
            ),
            button=_("Reset the password"),
        )
    password = staff_password_reset(actor=actor_for(_acting(request)), username=staff.username)
    return _password_shown(request, staff, password, created=False)


@staff_view(OFFICER)
def staff_disable_page(request: HttpRequest, user_id: int) -> HttpResponse:
    staff = _staff(user_id)
    if request.method != "POST":
        return _confirm(
            request,
            staff,
            title=_("Disable the account of %(username)s?") % {"username": staff.username},
            happens=_(
                "The user can no longer log in, and their sessions end at their next request. "
                "Their records and the audit log keep their id."
            ),
            button=_("Disable the account"),
        )
    try:
        staff_disable(
            actor=actor_for(_acting(request)), user_id=staff.pk, acting_user_id=_acting(request).pk
        )
    except HogoError as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(
            request, _("The account of %(username)s is disabled.") % {"username": staff.username}
        )
    return redirect("console_staff:list")


@staff_view(OFFICER)
def staff_second_factor_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    staff = _staff(user_id)
    if not second_factor_enrolled(user=staff):
        messages.error(request, str(REFUSALS["no_second_factor"]))
        return redirect("console_staff:list")
    if request.method != "POST":
        return _confirm(
            request,
            staff,
            title=_("Reset the second factor of %(username)s?") % {"username": staff.username},
            happens=_(
                "For a lost or replaced phone: the user logs in with the password alone and "
                "sets up the second factor again (at once, for a privacy officer the policy "
                "requires it of)."
            ),
            button=_("Reset the second factor"),
        )
    second_factor_reset(actor=actor_for(_acting(request)), user_id=staff.pk)
    messages.success(
        request, _("The second factor of %(username)s is reset.") % {"username": staff.username}
    )
    return redirect("console_staff:list")
