"""The acquisition rules: what every path that stores personal data checks before the vault
stores anything (forms, the collect API, the Subjects API, directory imports).

Channel: it exists and takes data from this path (public forms only on `public_form` channels,
the `imported` channel only through `hogo import directory`, which no other path may use).
Purposes: at least one, each a purpose of the channel. Consent: every purpose with
`consent_required` was consented to (imports excepted: see the README). Special care: free text
goes through the detector and, with what a caller declares special-care, is refused unless the
channel allows such consent, a purpose in use covers the category and the person consented.
The vault checks categories and fields against the channel and purposes when it stores.

The vault may not import this app, so the Subjects API's registration lives here too
(`registration.py`) and the API assembly mounts it beside the vault's endpoints.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from hogo.collect.guard import special_care_guard
from hogo.collect.models import RecordSource
from hogo.errors import InvalidInput, NotFound, Refused
from hogo.policy.schema import Channel, Policy


class ConsentMissing(Refused):
    code = "consent_missing"


@dataclass(frozen=True)
class Acquirable:
    channel: Channel
    purposes: list[str]
    # field -> special-care categories found or declared in it, all explicitly consented
    special_care: dict[str, tuple[str, ...]]


def acquisition_channel(*, policy: Policy, channel_id: str, source: RecordSource) -> Channel:
    """The channel, if it takes data from this path; NotFound otherwise."""
    channel = policy.channels.get(channel_id)
    if channel is None or channel.imported != (source == RecordSource.IMPORT):
        raise NotFound(f"channel {channel_id!r} does not take submissions here")
    if source == RecordSource.FORM and not channel.public_form:
        raise NotFound(f"channel {channel_id!r} has no public form")
    return channel


def acquisition_check(
    *,
    policy: Policy,
    channel_id: str,
    source: RecordSource,
    purposes: Sequence[str],
    purposes_consented: Collection[str] = (),
    values: Mapping[str, str] | None = None,
    special_care_declared: Mapping[str, str] | None = None,
    special_care_consented: Collection[str] = (),
) -> Acquirable:
    """Checks one acquisition against the rules; raises NotFound (channel), InvalidInput
    (purposes), ConsentMissing or SpecialCareFound, naming ids and fields, never a value."""
    channel = acquisition_channel(policy=policy, channel_id=channel_id, source=source)
    chosen = list(dict.fromkeys(purposes))
    if isinstance(purposes, str) or not chosen:
        raise InvalidInput("purposes: give at least one purpose id")
    for purpose in chosen:
        if purpose not in channel.purposes:
            raise InvalidInput(f"purposes: {purpose!r} is not a purpose of channel {channel.id!r}")
    # A purchased directory cannot carry the person's consent to us: an import takes the
    # purposes the policy publishes for its channel (APPI Art. 21(1)) with an Art. 30 receipt.
    if source != RecordSource.IMPORT:
        missing = [
            p for p in chosen if policy.purposes[p].consent_required and p not in purposes_consented
        ]
        if missing:
            raise ConsentMissing(
                f"purposes: {', '.join(missing)} may be used only with the person's consent, "
                "and none was stated for it"
            )
    found = special_care_guard(
        policy=policy,
        channel=channel,
        purposes=chosen,
        values=values or {},
        consented=special_care_consented,
        declared=special_care_declared or {},
    )
    return Acquirable(channel=channel, purposes=chosen, special_care=found)
