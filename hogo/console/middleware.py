"""Where the policy requires it (`[staff] officer_second_factor = true`), a privacy officer
without a second factor reaches only the page that sets one up (and log-out)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from hogo.console.selectors import second_factor_enrolled, second_factor_required


def second_factor_enrolment_required(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            request.path.startswith("/console/")
            and user.is_authenticated
            and second_factor_required(user=user)
            and not second_factor_enrolled(user=user)  # type: ignore[arg-type]
        ):
            allowed = (reverse("console_staff:second_factor"), reverse("admin:logout"))
            if request.path not in allowed and not request.path.startswith("/console/admin/jsi18n"):
                return redirect("console_staff:second_factor")
        return get_response(request)

    return middleware
