"""The JSON API: the apps' routers under /api/v1/, errors as {"error": {"code", "message"}}."""

import json
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser

from hogo.api.auth import BearerToken
from hogo.audit.api import router as audit_router
from hogo.collect.api import router as collect_router
from hogo.collect.subjects_api import router as registration_router
from hogo.consent.api import router as consent_router
from hogo.desk.api import router as desk_router
from hogo.desk.api import systems_router
from hogo.errors import ErrorOut, HogoError, InvalidInput
from hogo.policy.api import router as policy_router
from hogo.safety.api import router as incidents_router
from hogo.share.api import router as share_router
from hogo.site.api import router as site_router
from hogo.vault.api import router as subjects_router

NUL_REFUSED = "Text may not contain NUL characters"
SURROGATE_REFUSED = "Text must be valid Unicode (it holds an unpaired surrogate such as \\ud800)"
SURROGATES = re.compile("[\ud800-\udfff]")


def text_check(value: Any) -> None:
    """Refuse NUL and unpaired surrogates anywhere in the input. Django's form fields refuse NUL
    and decode bytes so that no surrogate survives; JSON's `\\ud800` escape does not: such text
    cannot be encoded to UTF-8, so it would surface as a server error deep inside some service
    (the detector, the database driver)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidInput(NUL_REFUSED)
        if SURROGATES.search(value):
            raise InvalidInput(SURROGATE_REFUSED)
    elif isinstance(value, dict):
        for key, item in value.items():
            text_check(key)
            text_check(item)
    elif isinstance(value, list):
        for item in value:
            text_check(item)


class TextCheckingParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body)
        text_check(data)  # Ninja turns this into a generic 400; on_http_error names the cause
        return data  # type: ignore[no-any-return]

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        parsed = super().parse_querydict(data, list_fields, request)
        text_check(parsed)
        return parsed


# Any operation may answer these, in the one error shape (hogo.errors.ErrorOut): documented on
# each, so that a client, and the schema fuzz test, knows every status the API sends.
ERROR_STATUSES = {
    "400": "Bad input: text with NUL or an unpaired surrogate, a body that is not JSON",
    "401": "No valid bearer token",
    "403": "Refused by the staff role or by the policy; the code says why",
    "404": "Not found",
    "409": "In conflict with the current state",
    "413": "The body is larger than the limit",
    "422": "The input does not match the schema",
    "429": "Too many requests",
}


class HogoAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        shape = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(shape.pop("$defs", {}), ErrorOut=shape)
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        for item in schema["paths"].values():
            for operation in item.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_STATUSES.items():
                    if status not in responses and int(status) not in responses:
                        responses[status] = {"description": description, "content": error}
        return schema


api = HogoAPI(
    title="hogo",
    version="1",
    description="Operates the personal-information policy. Send `Authorization: Bearer <token>` "
    "and, for reads of personal data, the purpose in `X-Hogo-Purpose`.",
    auth=BearerToken(),
    # No "validate this spec" badge: it would load an image from validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
    urls_namespace="api",
    parser=TextCheckingParser(),
)
api.add_router("/policy", policy_router)
api.add_router("/audit", audit_router)
api.add_router("/consents", consent_router)
api.add_router("/collect", collect_router)
# Registration applies collect's acquisition rules, which the vault may not import.
api.add_router("/subjects", registration_router)
api.add_router("/subjects", subjects_router)
api.add_router("/requests", desk_router)
api.add_router("/systems", systems_router)
api.add_router("/site", site_router)
api.add_router("/share", share_router)
api.add_router("/incidents", incidents_router)


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


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return error(request, 413, "too_large", f"The request body is larger than {limit} bytes")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, "not_found", "Not found")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, HogoError):  # the body parser refused what it read
        return on_hogo_error(request, exc.__cause__)
    return error(request, exc.status_code, "error", str(exc))
