"""Consent gates on a purpose's grants (APPI Arts. 17(2), 18(1)), decided without opening
anything: data acquired before a policy version added a purpose, or made it consent-only, is
used for it only with the person's consent to that version or a later one; and data acquired
before a purpose's categories were widened is used in the wider categories only with such a
consent.

Categories follow from the version a person was told about: `eligibility.categories_for` takes
the acquisition's version, or the version of the person's live consent when that is later, so
widened categories stay hidden until the person agrees and hidden again once they withdraw.
"""

from hogo.policy.reconsent import consent_since
from hogo.policy.selectors import policy_at
from hogo.vault.models import Acquisition, PurposeConsent

CHUNK = 2000  # values bound per statement, as in eligibility.py

Grants = dict[int, list[tuple[int, bool, int]]]


def grants_gated(purpose: str, pks: list[int], grants: Grants) -> tuple[Grants, set[int]]:
    """The grants a read may use, each with the policy version the person was told about
    (instead of the acquisition's), and the subjects refused as `consent_missing`: their
    grants all wait for a consent, or (an added purpose) an earlier acquisition of theirs
    would have the purpose but none was granted it yet."""
    consented = _consents(purpose, pks)
    since = consent_since().get(purpose)
    if not consented and since is None:
        return grants, set()
    gated: Grants = {}
    missing: set[int] = set()
    for subject_pk, held in grants.items():
        agreed = consented.get(subject_pk, 0)
        usable = [
            (acquisition, running, max(version, agreed))
            for acquisition, running, version in held
            if since is None or version >= since or agreed >= since
        ]
        if usable:
            gated[subject_pk] = usable
        else:
            missing.add(subject_pk)
    if since is not None:
        missing |= _waiting(purpose, since, [pk for pk in pks if pk not in grants], consented)
    return gated, missing


def _consents(purpose: str, pks: list[int]) -> dict[int, int]:
    """Per subject, the policy version of its live consent to `purpose` (few people have one,
    so one indexed check first spares the common read any lookup)."""
    live = PurposeConsent.objects.filter(purpose=purpose, withdrawn_at__isnull=True)
    if not pks or not live.exists():
        return {}
    found: dict[int, int] = {}
    for start in range(0, len(pks), CHUNK):
        chunk = live.filter(subject_id__in=pks[start : start + CHUNK])
        found.update(chunk.values_list("subject_id", "policy_version"))
    return found


def _waiting(purpose: str, since: int, pks: list[int], consented: dict[int, int]) -> set[int]:
    """Of subjects without a grant, those an added purpose waits for: an acquisition before
    `since` through a channel that lists the purpose under `since`, and no consent yet. (A
    purpose made consent-only waits only for people it was granted to.)"""
    if not pks or purpose in policy_at(version=since - 1).purposes:
        return set()
    channels = [c.id for c in policy_at(version=since).channels.values() if purpose in c.purposes]
    earlier = Acquisition.objects.filter(policy_version__lt=since, channel__in=channels)
    found: set[int] = set()
    for start in range(0, len(pks), CHUNK):
        chunk = earlier.filter(subject_id__in=pks[start : start + CHUNK])
        found.update(chunk.values_list("subject_id", flat=True))
    return {pk for pk in found if consented.get(pk, 0) < since}
