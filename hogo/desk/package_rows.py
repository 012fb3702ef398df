"""The package's sections as rows of plain values: the items with their acquisitions, the
consents, disposals, provision records (Art. 33(5)) and receipt records (Art. 30), every id with
its title in the case's language (`package_text`) and every time in ISO 8601."""

from collections.abc import Sequence

from hogo.consent.selectors import consents_of
from hogo.desk.package_text import Titles
from hogo.policy.selectors import policy_active
from hogo.policy.wording import list_join
from hogo.share.selectors import provision_records_for, receipt_records_for
from hogo.vault.records import DisclosedAcquisition, DisclosedDisposal, DisclosedItem


def items_rows(items: Sequence[DisclosedItem], titles: Titles) -> list[dict[str, object]]:
    """Each item with its acquisition's time, channel and purposes (titled once per
    acquisition: the items of one share it)."""
    shared: dict[int, tuple[str, str, str, int, list[str], list[str]]] = {}
    rows: list[dict[str, object]] = []
    for item in items:
        acquisition = item.acquisition
        if (known := shared.get(id(acquisition))) is None:
            version = acquisition.policy_version
            known = shared[id(acquisition)] = (
                acquisition.acquired_at.isoformat(),
                acquisition.channel,
                titles.channel(acquisition.channel, version),
                version,
                list(acquisition.purposes),
                [titles.purpose(p, version) for p in acquisition.purposes],
            )
        acquired_at, channel, channel_title, version, purposes, purpose_titles = known
        rows.append(
            {
                "category": item.category,
                "category_title": titles.category(item.category),
                "field": item.field,
                "value": item.value,
                "special_care": item.special_care,
                "acquired_at": acquired_at,
                "channel": channel,
                "channel_title": channel_title,
                "policy_version": version,
                "purposes": list(purposes),
                "purpose_titles": list(purpose_titles),
                "retain_until": item.retain_until.isoformat(),
            }
        )
    return rows


def acquisitions_rows(
    acquisitions: Sequence[DisclosedAcquisition], titles: Titles
) -> list[dict[str, object]]:
    return [
        {
            "acquired_at": a.acquired_at.isoformat(),
            "channel": a.channel,
            "channel_title": titles.channel(a.channel, a.policy_version),
            "source": a.source,
            "policy_version": a.policy_version,
            "purposes": titles.purposes(a.purposes, a.policy_version),
        }
        for a in acquisitions
    ]


def consents_rows(*, subject_pk: int, titles: Titles) -> list[dict[str, object]]:
    return [
        {
            "id": c.ref,
            "kind": c.kind,
            "kind_title": titles.code(c.kind),
            "target": c.target,
            "target_title": titles.consent_target(c.kind, c.target, c.policy_version),
            "given_at": c.given_at.isoformat(),
            "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            "active": c.active,
            "policy_version": c.policy_version,
        }
        for c in consents_of(subject_pk=subject_pk)
    ]


def disposal_row(disposal: DisclosedDisposal, titles: Titles) -> dict[str, object]:
    return {
        "category": disposal.category,
        "category_title": titles.category(disposal.category),
        "field": disposal.field,
        "items": disposal.items,
        "disposed_at": disposal.disposed_at.isoformat(),
        "reason": disposal.reason,
        "reason_title": titles.code(disposal.reason),
    }


def provision_records(
    *, subject_id: str, titles: Titles | None = None, subject_pk: int | None = None
) -> list[dict[str, object]]:
    """Records of provision of the subject's data to third parties (Art. 33(5)), with titles
    in `titles`' language (Japanese by default); of a subject the caller read in this
    transaction (`subject_pk`, its primary key, when known)."""
    titles = titles or Titles(policy=policy_active(), lang="ja")
    return [
        {
            "provided_at": p.provided_at.isoformat(),
            "record_id": p.record_id,
            "recipient_name": p.recipient_name,
            "recipient_address": p.recipient_address,
            "recipient_representative": p.recipient_representative,
            "recipient_country": p.recipient_country,
            "basis": p.basis,
            "basis_title": titles.code(p.basis),
            "purpose": p.purpose,
            "purpose_title": titles.purpose(p.purpose),
            "categories": p.categories,
            "category_titles": [titles.category(c) for c in p.categories],
            "consent_id": p.consent_ref,
            "foreign_consent_id": p.foreign_consent_ref,
        }
        for p in provision_records_for(subject_id=subject_id, checked=True, subject_pk=subject_pk)
    ]


def receipt_records(
    *, subject_id: str, titles: Titles, acquisition_pks: Sequence[int] | None = None
) -> list[dict[str, object]]:
    """Records of receiving the subject's data from another business (Art. 30, disclosed with
    the provision records under Art. 33(5)): when, from whom (name, address, representative),
    how that business obtained it, and the purposes by their titles in `titles`' language."""
    return [
        {
            "received_on": r.received_on.isoformat(),
            "record_id": r.record_id,
            "provider_name": r.provider_name,
            "provider_address": r.provider_address,
            "provider_representative": r.provider_representative,
            "provider_obtained_by": r.provider_obtained_by,
            "purposes": list_join([titles.purpose(p) for p in r.purposes], titles.lang),
            "purpose_ids": list(r.purposes),
        }
        for r in receipt_records_for(
            subject_id=subject_id, checked=True, acquisition_pks=acquisition_pks
        )
    ]
