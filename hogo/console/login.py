"""The console's log-in: the password (Django's admin form, with the lockout), then, for staff
who set up a second factor, a code from their authenticator app. Between the two steps the
session holds only the user's id, the backend and when the password was right; the user is
logged in only after the code."""

import logging
import time
from typing import Any

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import login as auth_login
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from hogo.console.forms import CodeForm, ThrottledAdminAuthenticationForm
from hogo.console.second_factor import CodeCheck, second_factor_verify
from hogo.console.selectors import second_factor_enrolled
from hogo.console.totp_key import SecondFactorKeyError

logger = logging.getLogger(__name__)
PENDING = "hogo_console_second_step"

# The code must follow the password within this many seconds.
PENDING_SECONDS = 300


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if wanted and safe else reverse("admin:index")


@sensitive_post_parameters()
@csrf_protect
@never_cache
def staff_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """Replaces the admin site's login view (admin.py)."""
    if request.method == "GET" and admin.site.has_permission(request):
        return redirect(_next(request))
    form = ThrottledAdminAuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if second_factor_enrolled(user=user):
            request.session[PENDING] = {
                "user": user.pk,
                "backend": getattr(user, "backend", ""),
                "next": _next(request),
                "at": time.time(),
            }
            return redirect("console_staff:login_code")
        auth_login(request, user)
        return redirect(_next(request))
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
        "form": form,
        REDIRECT_FIELD_NAME: _next(request),
        **(extra_context or {}),
    }
    return TemplateResponse(request, "admin/login.html", context)


def _pending_user(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = User.objects.filter(
        pk=int(pending.get("user", 0)), is_active=True, is_staff=True
    ).first()
    return (user, pending) if user is not None else None


@sensitive_post_parameters()
@csrf_protect
@never_cache
def login_code(request: HttpRequest) -> HttpResponse:
    found = _pending_user(request)
    if found is None:
        request.session.pop(PENDING, None)
        return redirect("admin:login")
    user, pending = found
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = second_factor_verify(user=user, code=form.cleaned_data["code"])
        except SecondFactorKeyError as exc:
            # The operator's problem, not the user's: the message names files, never secrets.
            logger.error("second factor of user:%s cannot be checked: %s", user.pk, exc)
            form.add_error(
                "code",
                _(
                    "The code cannot be checked: the server's key for second factors is "
                    "missing or wrong. Ask the administrator of hogo."
                ),
            )
            result = None
        if result == CodeCheck.ACCEPTED:
            request.session.pop(PENDING, None)
            auth_login(request, user, backend=pending["backend"] or None)
            return redirect(pending["next"])
        if result == CodeCheck.LOCKED:
            form.add_error("code", _("Too many wrong codes: try again in 15 minutes."))
        elif result == CodeCheck.WRONG:
            form.add_error("code", _("The code is not right, or was already used."))
    context = {
        **admin.site.each_context(request),
        "title": _("Log in: second step"),
        "form": form,
    }
    return TemplateResponse(request, "console/login_code.html", context)
