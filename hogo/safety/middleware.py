"""Until a staff member has acknowledged the active policy version and its handling rules, every
console page sends them to the acknowledgment page first (issue 14, item 7); a new version asks
again. The log-in, log-out and password pages stay reachable, and so does the API (tools)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from hogo.safety.selectors import acknowledgment_pending

OPEN_PATHS = ("/console/admin/login/", "/console/admin/logout/", "/console/admin/password_change/")


def acknowledgment_required(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        path = request.path
        if path.startswith("/console/") and not path.startswith(OPEN_PATHS):
            page = reverse("safety_console:acknowledge")
            if path != page and acknowledgment_pending(user=request.user) is not None:
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{page}?{query}")
        return get_response(request)

    return middleware
