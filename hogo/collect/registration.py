"""Registration through the Subjects API (`POST /api/v1/subjects`): an integrator states the
channel, the purposes, the person's identifiers and values, and the consents it obtained.

The same acquisition rules as the forms and imports (`acquisition.py`), then the vault stores
the data and the consent app records each consent stated, all in one transaction.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from hogo.collect.acquisition import Acquirable, acquisition_check
from hogo.collect.models import RecordSource
from hogo.consent.selectors import ConsentKind
from hogo.consent.services import consent_give, consent_ref_new
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.vault.records import IngestResult, ItemIn
from hogo.vault.selectors import Source as VaultSource
from hogo.vault.services import subject_ingest


@dataclass(frozen=True)
class RegistrationIn:
    channel: str
    purposes: Sequence[str]
    identifiers: Mapping[str, str]
    data: Mapping[str, str] = field(default_factory=dict)
    special_care: Mapping[str, str] = field(default_factory=dict)  # field -> category
    purposes_consented: Sequence[str] = ()
    special_care_consented: Sequence[str] = ()
    notice_sha256: str = ""


@dataclass(frozen=True)
class Registered:
    ingested: IngestResult
    consents: list[str]


@transaction.atomic
def subject_register(*, actor: str, registration: RegistrationIn) -> Registered:
    """Stores one person's data with its consents, or refuses with nothing stored (NotFound,
    InvalidInput, ConsentMissing, SpecialCareFound)."""
    policy = policy_active()
    assert policy.version is not None
    _declared_checked(registration, policy)
    checked = acquisition_check(
        policy=policy,
        channel_id=registration.channel,
        source=RecordSource.API,
        purposes=registration.purposes,
        purposes_consented=registration.purposes_consented,
        values=registration.data,
        special_care_declared=registration.special_care,
        special_care_consented=registration.special_care_consented,
    )
    stray = set(registration.purposes_consented) - set(checked.purposes)
    used = {c for categories in checked.special_care.values() for c in categories}
    stray |= set(registration.special_care_consented) - used
    if stray:
        raise InvalidInput(
            f"consents: {', '.join(sorted(stray))} is not used by the data registered"
        )
    special_refs = {c: consent_ref_new() for c in sorted(used)}
    items = [
        ItemIn(
            field_id,
            checked.special_care[field_id][0] if field_id in checked.special_care else None,
            value,
            special_refs[checked.special_care[field_id][0]]
            if field_id in checked.special_care
            else None,
        )
        for field_id, value in registration.data.items()
    ]
    ingested = subject_ingest(
        actor=actor,
        channel=checked.channel.id,
        purposes=checked.purposes,
        identifiers=registration.identifiers,
        items=items,
        policy_version=policy.version,
        notice_sha256=registration.notice_sha256,
        source=VaultSource.API,
    )
    wanted: list[tuple[ConsentKind, str, str | None]] = [
        (ConsentKind.PURPOSE, p, None)
        for p in checked.purposes
        if p in registration.purposes_consented
    ]
    wanted += [(ConsentKind.SPECIAL_CARE, c, ref) for c, ref in special_refs.items()]
    return Registered(
        ingested=ingested,
        consents=_consents_record(actor, registration, checked, ingested, policy.version, wanted),
    )


def _declared_checked(registration: RegistrationIn, policy: Policy) -> None:
    if set(registration.special_care) - set(registration.data):
        raise InvalidInput("special_care: names fields that are not in data")
    for category in registration.special_care.values():
        if category not in policy.special_care_ids():
            raise InvalidInput(f"special_care: {category!r} is not a special-care category")


def _consents_record(
    actor: str,
    registration: RegistrationIn,
    checked: Acquirable,
    ingested: IngestResult,
    policy_version: int,
    wanted: list[tuple[ConsentKind, str, str | None]],
) -> list[str]:
    evidence = {
        "channel": checked.channel.id,
        "method": "api_caller",
        "acquisition": str(ingested.acquisition_id),
        "caller": actor,
    }
    return [
        consent_give(
            actor=actor,
            subject_id=ingested.subject_id,
            kind=kind,
            target=target,
            policy_version=policy_version,
            notice_sha256=registration.notice_sha256,
            evidence=evidence,
            ref=ref,
        ).ref
        for kind, target, ref in wanted
    ]
