"""The JSON API: the apps' routers under /api/v1/, errors as {"error": {"code", "message"}}."""

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from hogo.api.auth import BearerToken
from hogo.audit.api import router as audit_router
from hogo.collect.api import router as collect_router
from hogo.consent.api import router as consent_router
from hogo.desk.api import router as desk_router
from hogo.errors import HogoError
from hogo.policy.api import router as policy_router
from hogo.share.api import router as share_router
from hogo.site.api import router as site_router
from hogo.vault.api import router as subjects_router

api = NinjaAPI(
    title="hogo",
    version="1",
    description="Operates the personal-information policy. Send `Authorization: Bearer <token>` "
    "and, for reads of personal data, the purpose in `X-Hogo-Purpose`.",
    auth=BearerToken(),
    urls_namespace="api",
)
api.add_router("/policy", policy_router)
api.add_router("/audit", audit_router)
api.add_router("/consents", consent_router)
api.add_router("/collect", collect_router)
api.add_router("/subjects", subjects_router)
api.add_router("/requests", desk_router)
api.add_router("/site", site_router)
api.add_router("/share", share_router)


def error(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    return api.create_response(
        request, {"error": {"code": code, "message": message}}, status=status
    )


@api.exception_handler(HogoError)
def on_hogo_error(request: HttpRequest, exc: HogoError) -> HttpResponse:
    return error(request, exc.status, exc.code, exc.message)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error(request, 401, "unauthorized", "A valid bearer token is required")


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    where = ".".join(str(part) for part in first.get("loc", ()))
    return error(request, 422, "invalid", f"{where}: {first.get('msg', 'invalid input')}")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, "not_found", "Not found")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error(request, exc.status_code, "error", str(exc))
