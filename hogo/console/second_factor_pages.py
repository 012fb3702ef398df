"""A staff member's own second factor (/console/staff/second-factor/): scan the QR code (an
SVG made on the server) or type the secret into an authenticator app, then confirm with a
first code."""

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hogo.console.forms import CodeForm
from hogo.console.second_factor import CodeCheck, second_factor_begin, second_factor_confirm
from hogo.console.selectors import (
    second_factor_enrolled,
    second_factor_pending,
    second_factor_required,
)
from hogo.console.totp import provisioning_uri, qr_svg, secret_grouped


def second_factor_setup(request: HttpRequest) -> HttpResponse:
    """Mounted inside the admin site's login and staff check (urls.py)."""
    user = request.user
    assert isinstance(user, User)
    context: dict[str, object] = {
        "required": second_factor_required(user=user),
        "enrolled": second_factor_enrolled(user=user),
    }
    if context["enrolled"]:
        return _page(request, context)
    secret = second_factor_pending(user=user) or second_factor_begin(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = second_factor_confirm(user=user, code=form.cleaned_data["code"])
        if result == CodeCheck.ACCEPTED:
            messages.success(
                request, _("Your second factor is set up: log-ins now ask for a code.")
            )
            return redirect("admin:index")
        form.add_error(
            "code",
            _("Too many wrong codes: try again in 15 minutes.")
            if result == CodeCheck.LOCKED
            else _("The code is not right, or was already used."),
        )
    # segno's own markup, from a URI hogo made: nothing a person typed.
    context["qr"] = mark_safe(qr_svg(provisioning_uri(secret, user.get_username())))  # noqa: S308
    context["secret"] = secret_grouped(secret)
    context["form"] = form
    return _page(request, context)


def _page(request: HttpRequest, context: dict[str, object]) -> HttpResponse:
    from django.contrib import admin

    return TemplateResponse(
        request,
        "console/second_factor.html",
        {**admin.site.each_context(request), "title": _("Second factor"), **context},
    )
