"""Errors Django answers before or around the API's own handlers (an unknown path under
/api/v1/, a method the path does not take, a malformed request, an unhandled exception) in the
API's error shape, so an integrator parses one JSON format for every failure."""

import json
from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, HttpResponseBase

API_PREFIX = "/api/"

CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}


def api_errors_as_json(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        status = response.status_code
        code = CODES.get(status, "server_error" if status >= 500 else "error")
        # The standard phrase only: Django's own page may echo the request.
        message = HTTPStatus(status).phrase if status in HTTPStatus else "Error"
        replacement = HttpResponse(
            json.dumps({"error": {"code": code, "message": message}}),
            status=status,
            content_type="application/json; charset=utf-8",
        )
        if response.has_header("Allow"):
            replacement["Allow"] = response["Allow"]
        return replacement

    return middleware
