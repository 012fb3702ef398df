"""Finding a subject for a person's own request, without opening any value.

The request desk verifies that a requester controls an e-mail address, then needs to know
whether the vault holds a subject under it and on what terms the data was acquired (to notify
the purposes, APPI Art. 32(2)). Both are answered from blind indexes and acquisition records.
"""

from hogo.errors import InvalidInput, NotFound
from hogo.vault.keys import blind_indexer
from hogo.vault.models import Acquisition, BlindIndex, IdentifierKind, Subject
from hogo.vault.normalize import email_normalize
from hogo.vault.records import DisclosedAcquisition


def subject_find(*, email: str) -> str | None:
    """The id of the subject holding this e-mail address, or None. An erased or fully disposed
    subject has no index left, so it is not found either."""
    try:
        normal = email_normalize(email)
    except ValueError as exc:
        raise InvalidInput(f"email: {exc}") from None
    digest = blind_indexer(IdentifierKind.EMAIL).digest(normal)
    return (
        BlindIndex.objects.filter(kind=IdentifierKind.EMAIL, digest=digest)
        .values_list("subject__ref", flat=True)
        .first()
    )


def acquisitions_for(*, subject_id: str) -> list[DisclosedAcquisition]:
    """Every acquisition of a subject, oldest first: channel, time, policy version, purposes."""
    if not Subject.objects.filter(ref=subject_id).exists():
        raise NotFound(f"subject {subject_id} does not exist")
    return [
        DisclosedAcquisition(
            channel=a.channel,
            acquired_at=a.acquired_at,
            source=a.source,
            policy_version=a.policy_version,
            purposes=list(a.purposes),
        )
        for a in Acquisition.objects.filter(subject__ref=subject_id).order_by("acquired_at", "pk")
    ]
