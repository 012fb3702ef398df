"""What the share API's endpoints have in common: the router, ids in paths, errors, roles."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.params import functions as params

from hogo.audit.services import actor_for
from hogo.errors import ErrorOut, Refused
from hogo.share.permissions import can_read

router = Router(tags=["share"])


def _ref(prefix: str) -> Any:
    return params.Path(..., pattern=rf"^{prefix}_[a-z2-7]{{16}}$")


RECIPIENT = _ref("rcp")
AGREEMENT = _ref("agr")
JOINT_USE = _ref("jnt")
PROVISION = _ref("prv")
CONFIRMATION = _ref("rcf")
SUBJECT = _ref("sub")
IDS = Field(min_length=1, max_length=50)


ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


def staff_actor(request: HttpRequest, allowed: bool, doing: str) -> str:
    if not allowed or not isinstance(request.user, User):
        raise Refused(f"Your role may not {doing}", code="forbidden")
    return actor_for(request.user)


def require_reader(request: HttpRequest) -> None:
    if not can_read(request.user):
        raise Refused("Only the privacy officer and auditors read this", code="forbidden")


class DayBody(Schema):
    on: date
