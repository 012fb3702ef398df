"""A disclosure reads by plain statements (hogo/rows.py) exactly what the ORM's queries read
before: every acquisition, item, note, suspension and disposal, the same values in the same
order, for an active person and for one erased."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import subject_disclose
from hogo.vault.crypto import field_open
from hogo.vault.erasure import items_erase, subject_erase
from hogo.vault.keys import data_keys_load
from hogo.vault.models import (
    Acquisition,
    Disposal,
    Item,
    Note,
    Subject,
    Suspension,
    item_aad,
    note_aad,
)
from hogo.vault.notes import note_seal
from hogo.vault.records import DisclosedAcquisition, DisclosedDisposal, ItemIn, NoteView
from hogo.vault.services import subject_suspend

pytestmark = pytest.mark.django_db


def by_the_orm(subject_id: str) -> dict[str, object]:
    """What the disclosure read through the ORM before (its queries, as they were)."""
    subject = Subject.objects.get(ref=subject_id)
    acquisitions = {
        a.pk: DisclosedAcquisition(
            a.channel, a.acquired_at, a.source, a.policy_version, list(a.purposes)
        )
        for a in Acquisition.objects.filter(subject=subject).order_by("acquired_at", "pk")
    }
    cipher = data_keys_load([subject.ref]).get(subject.ref)
    items, notes = [], []
    if subject.status == "active" and cipher is not None:
        rows = (
            Item.objects.filter(subject=subject)
            .order_by("acquisition__acquired_at", "field")
            .values_list(
                "pk",
                "field",
                "category",
                "sealed",
                "special_care",
                "acquisition_id",
                "retain_until",
            )
        )
        items = [
            (
                field,
                category,
                field_open(cipher, sealed, aad=item_aad(pk, subject.ref)),
                care,
                acquisitions[acquisition],
                retain_until,
            )
            for pk, field, category, sealed, care, acquisition, retain_until in rows
        ]
        notes = [
            NoteView(
                n.pk.hex,
                n.kind,
                field_open(cipher, n.sealed, aad=note_aad(n.pk, subject.ref, n.kind)),
                n.created_at,
            )
            for n in Note.objects.filter(owner=subject.ref).order_by("created_at", "pk")
        ]
    suspended = list(
        Suspension.objects.filter(subject=subject, lifted_at__isnull=True).values_list(
            "purpose", flat=True
        )
    )
    return {
        "acquisitions": list(acquisitions.values()),
        "items": items,
        "notes": notes,
        "suspended_purposes": sorted(p for p in suspended if p is not None),
        "suspended_all": None in suspended,
        "disposals": [
            DisclosedDisposal(d.category, d.field, d.items, d.disposed_at, d.reason)
            for d in Disposal.objects.filter(subject=subject).order_by("disposed_at", "pk")
        ],
    }


def disclosed(subject_id: str) -> dict[str, object]:
    d = subject_disclose(actor=ACTOR, subject_id=subject_id, request_ref="case-1")
    return {
        "acquisitions": d.acquisitions,
        "items": [
            (i.field, i.category, i.value, i.special_care, i.acquisition, i.retain_until)
            for i in d.items
        ],
        "notes": d.notes,
        "suspended_purposes": d.suspended_purposes,
        "suspended_all": d.suspended_all,
        "disposals": d.disposals,
    }


def held(policy: Policy) -> str:
    """A person with two acquisitions at the same moment (items ordered across both by field,
    in the database's collation: upper case, underscores), notes, a live and a lifted
    suspension and a disposal."""
    subject_id = register().subject_id
    register(channel="inquiry", purposes=(INQUIRY,), items=(ItemIn("message", None, "質問"),))
    Acquisition.objects.filter(subject__ref=subject_id).update(
        acquired_at=timezone.now() - timedelta(days=1)
    )
    # Field names that sort differently by byte and by a locale's collation (the item's sealed
    # value is bound to its row and owner, not its field name).
    names = iter(("Zeta", "alpha", "a_b", "ab", "B", "a-c", "ａ"))
    for item in Item.objects.filter(subject__ref=subject_id).order_by("pk"):
        Item.objects.filter(pk=item.pk).update(field=next(names))
    note_seal(actor=ACTOR, owner=subject_id, kind="inquiry-reply", text="お返事です")
    note_seal(actor=ACTOR, owner=subject_id, kind="inquiry-reply", text="二通目")
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[CAMPAIGN])
    subject = Subject.objects.get(ref=subject_id)
    Suspension.objects.create(subject=subject, purpose=INQUIRY, lifted_at=timezone.now())
    items_erase(actor=ACTOR, subject_id=subject_id, fields=["Zeta"])
    return subject_id


def test_it_discloses_what_the_orm_read_for_a_person_it_holds(policy: Policy) -> None:
    subject_id = held(policy)
    expected = by_the_orm(subject_id)
    assert len(expected["items"]) == 5  # type: ignore[arg-type]
    assert len(expected["notes"]) == 2  # type: ignore[arg-type]
    assert disclosed(subject_id) == expected


def test_it_discloses_what_the_orm_read_for_a_person_erased(policy: Policy) -> None:
    subject_id = held(policy)
    subject_erase(actor=ACTOR, subject_id=subject_id)
    expected = by_the_orm(subject_id)
    assert expected["items"] == []
    assert disclosed(subject_id) == expected
