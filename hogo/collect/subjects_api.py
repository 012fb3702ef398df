"""`POST /api/v1/subjects`: registration through the Subjects API. It lives here, not in the
vault's router, because it applies collect's acquisition rules and the vault may not import
this app; the API assembly mounts both routers under `/subjects`."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from hogo.audit.services import actor_for
from hogo.collect.registration import RegistrationIn, subject_register
from hogo.errors import InvalidInput, Refused
from hogo.vault.api import ERRORS
from hogo.vault.permissions import can_register, purpose_allowed
from hogo.vault.selectors import subjects_purposes

router = Router(tags=["subjects"])


class IdentifiersIn(Schema):
    email: str | None = Field(None, max_length=320, description="A known e-mail attaches.")
    phone: str | None = Field(None, max_length=40, description="Japanese numbers by default.")
    name: str | None = Field(None, max_length=320)
    member_number: str | None = Field(None, max_length=64)


class SpecialCareIn(Schema):
    category: str = Field(max_length=64, description="Special-care category id, e.g. health.")


class StatedConsentIn(Schema):
    """One consent the caller obtained from the person: give exactly one of the two."""

    purpose: str | None = Field(None, max_length=80, description="A purpose id registered.")
    special_care: str | None = Field(
        None, max_length=64, description="A special-care category id the data holds."
    )


class SubjectIn(Schema):
    channel: str = Field(max_length=64, description="Channel id of the policy.")
    purposes: list[str] = Field(min_length=1, max_length=20)
    identifiers: IdentifiersIn
    data: dict[str, str] = Field(
        default_factory=dict, description="Values by the channel's field ids."
    )
    special_care: dict[str, SpecialCareIn] = Field(
        default_factory=dict,
        description="For a field holding special-care information: its category. It is "
        "stored only where the channel allows such consent and `consents` states the person's "
        "explicit consent to that category; undeclared free text goes through the detector.",
    )
    consents: list[StatedConsentIn] = Field(
        default_factory=list,
        max_length=30,
        description="The consents you obtained: every purpose with `consent_required` in the "
        "policy needs one (else 403 `consent_missing`); each is recorded as a consent record.",
    )
    notice_sha256: str = Field("", pattern=r"^([0-9a-f]{64})?$")


class SubjectCreatedOut(Schema):
    subject_id: str
    acquisition_id: int
    created: bool = Field(
        description="False when the data was attached to a person you could already read (one "
        "of their earlier purposes is one your role may read for); a person you could not read "
        "is answered as a new one, so registration never tells you who is already known."
    )
    consents: list[str] = Field(description="Refs of the consent records made.")


def _consents(body: SubjectIn) -> tuple[list[str], list[str]]:
    purposes, special = [], []
    for index, consent in enumerate(body.consents):
        if (consent.purpose is None) == (consent.special_care is None):
            raise InvalidInput(f"consents[{index}]: give exactly one of purpose or special_care")
        if consent.purpose is not None:
            purposes.append(consent.purpose)
        if consent.special_care is not None:
            special.append(consent.special_care)
    return purposes, special


@router.post(
    "",
    response={201: SubjectCreatedOut, **ERRORS},
    summary="Register a subject with an acquisition",
    description="The same rules as the forms: the channel and its purposes, consent for "
    "purposes that need it (`consents`), the special-care guard. A known e-mail attaches.",
)
def subject_create(request: HttpRequest, body: SubjectIn) -> Status[SubjectCreatedOut]:
    user = request.user
    if not isinstance(user, User) or not can_register(user):
        raise Refused("Your role may not register personal data", code="forbidden")
    purposes_consented, special_consented = _consents(body)
    registered = subject_register(
        actor=actor_for(user),
        registration=RegistrationIn(
            channel=body.channel,
            purposes=body.purposes,
            identifiers={k: v for k, v in body.identifiers.model_dump().items() if v is not None},
            data=body.data,
            special_care={f: s.category for f, s in body.special_care.items()},
            purposes_consented=purposes_consented,
            special_care_consented=special_consented,
            notice_sha256=body.notice_sha256,
        ),
    )
    ingested = registered.ingested
    earlier = subjects_purposes(
        subject_ids=[ingested.subject_id], excluding_acquisition=ingested.acquisition_id
    ).get(ingested.subject_id, set())
    known = not ingested.created and any(purpose_allowed(user, p) for p in earlier)
    return Status(
        201,
        SubjectCreatedOut(
            subject_id=ingested.subject_id,
            acquisition_id=ingested.acquisition_id,
            created=not known,
            consents=registered.consents,
        ),
    )
