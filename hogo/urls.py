from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import include, path, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from hogo.api.api import api
from hogo.vault.views import unsubscribe


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def root(request: HttpRequest) -> HttpResponse:
    """The notice in the visitor's language: the language cookie, else Accept-Language, else
    Japanese (settings.LANGUAGE_CODE)."""
    with translation.override(translation.get_language_from_request(request)):
        response = HttpResponseRedirect(reverse("policy:notice"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


urlpatterns = [
    path("", root),
    path("healthz", healthz),
    path("api/v1/", api.urls),
    path("site/", include("hogo.site.urls")),
    # No language prefix: one URL per person and purpose, in the List-Unsubscribe header too.
    path("unsubscribe/<str:token>", unsubscribe, name="unsubscribe"),
    # The console's home: the dashboard, with links to the admin and the other pages.
    path("console/", include("hogo.board.urls")),
    path("console/desk/", include("hogo.desk.console_urls")),
    path("console/reconsent/", include("hogo.reconsent.console_urls")),
    path("console/safety/", include("hogo.safety.console_urls")),
    path("console/ledger/", include("hogo.ledger.urls")),
    path("console/systems/", include("hogo.systems.console_urls")),
    path("console/staff/", include("hogo.console.urls")),
    path("console/admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("privacy/", include("hogo.policy.urls")),
    path("forms/", include("hogo.collect.urls")),
    path("privacy-center/", include("hogo.desk.urls")),
    path("consent/", include("hogo.reconsent.urls")),
    path("members/", include("hogo.members.urls")),
    path("notices/", include("hogo.safety.announcement_urls")),
    prefix_default_language=True,
)
