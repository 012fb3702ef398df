"""Domain errors every app raises; the API and views turn them into clear messages.

A message never contains personal data: it names the field, the rule or the pseudonymous id.
"""

from ninja import Schema


class HogoError(Exception):
    code = "error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidInput(HogoError):
    code = "invalid"


class Refused(HogoError):
    """The request is understood but the policy forbids it (purpose, suspension, consent...)."""

    code = "refused"
    status = 403


class NotFound(HogoError):
    code = "not_found"
    status = 404


class Conflict(HogoError):
    code = "conflict"
    status = 409


class ErrorBody(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    """The one shape of every error the JSON API answers: {"error": {"code", "message"}}."""

    error: ErrorBody
