"""Rows for the board's tests and its benchmark (bench/console.py), written in bulk straight into
the owning apps' tables: counts are what the board reads, so no service needs to run (and
100,000 people would take minutes through them). Nothing here is personal data."""

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from hogo.collect.models import AcquisitionRecord, ReceiptRecord
from hogo.consent.models import Consent
from hogo.desk.models import Case
from hogo.site.models import CookieConsent
from hogo.vault.models import Acquisition, Disposal, DisposalReason, Subject, Suspension

BATCH = 5000
ACTOR = "system:test"
CHOICES = {
    "accept_all": (["analytics", "necessary", "preferences"], []),
    "reject_all": (["necessary"], ["analytics", "preferences"]),
    "custom": (["necessary", "preferences"], ["analytics"]),
}


def subjects(count: int) -> list[int]:
    """`count` people with no values (the board counts rows, it opens nothing); their pks."""
    made = Subject.objects.bulk_create([Subject() for _ in range(count)], batch_size=BATCH)
    if made and made[0].pk is None:  # databases that do not return pks from a bulk insert
        return list(Subject.objects.order_by("-pk").values_list("pk", flat=True)[:count])[::-1]
    return [s.pk for s in made]


def acquisitions(rows: Sequence[tuple[int, str, datetime]]) -> None:
    """(subject pk, channel, received at): a vault acquisition and its collect record each."""
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        made = Acquisition.objects.bulk_create(
            [
                Acquisition(
                    subject_id=pk,
                    channel=channel,
                    acquired_at=at,
                    policy_version=1,
                    purposes=["contract-performance"],
                    source="form",
                    recorded_by=ACTOR,
                )
                for pk, channel, at in chunk
            ]
        )
        AcquisitionRecord.objects.bulk_create(
            [
                AcquisitionRecord(
                    acquisition=acq,
                    subject_id=pk,
                    channel=channel,
                    source="form",
                    received_at=at,
                    policy_version=1,
                    purposes=["contract-performance"],
                    recorded_by=ACTOR,
                )
                for acq, (pk, channel, at) in zip(made, chunk, strict=True)
            ]
        )


def case(
    *,
    kind: str,
    status: str,
    received_at: datetime | None,
    closed_at: datetime | None = None,
    due_at: datetime | None = None,
) -> Case:
    return Case(
        kind=kind,
        status=status,
        intake="privacy_center",
        origin="https://privacy.example.jp",
        policy_version=1,
        received_at=received_at,
        closed_at=closed_at,
        due_at=due_at,
    )


def cases(rows: Sequence[Case]) -> None:
    Case.objects.bulk_create(rows, batch_size=BATCH)


def cookie_choices(rows: Sequence[tuple[str, bool, datetime]]) -> None:
    """(method, gpc, recorded at): one visitor's choice each."""
    choices = [
        CookieConsent(
            consent_id=secrets.token_urlsafe(16),
            recorded_at=at,
            method=method,
            accepted=CHOICES[method][0],
            rejected=CHOICES[method][1],
            policy_version=1,
            cookies_version=1,
            gpc=gpc,
            network=None,
            origin="https://www.example.jp",
            language="ja",
        )
        for method, gpc, at in rows
    ]
    CookieConsent.objects.bulk_create(choices, batch_size=BATCH)


def consents(rows: Sequence[tuple[int, str, str, datetime, datetime | None]]) -> None:
    """(subject pk, kind, target, given at, withdrawn at or None)."""
    Consent.objects.bulk_create(
        [
            Consent(
                subject_id=pk,
                kind=kind,
                target=target,
                given_at=given,
                given_by=ACTOR,
                withdrawn_at=withdrawn,
                withdrawn_by=ACTOR if withdrawn else "",
                policy_version=1,
            )
            for pk, kind, target, given, withdrawn in rows
        ],
        batch_size=BATCH,
    )


def suspensions(subject_pks: Sequence[int], at: datetime) -> None:
    made = Suspension.objects.bulk_create(
        [Suspension(subject_id=pk, suspended_by=ACTOR) for pk in subject_pks]
    )
    Suspension.objects.filter(pk__in=[s.pk for s in made]).update(suspended_at=at)


def erasures(subject_pks: Sequence[int], at: datetime, fields: int = 2) -> None:
    """Erasure on request of `fields` items per person (a person counts once)."""
    Disposal.objects.bulk_create(
        [
            Disposal(
                subject_id=pk,
                field=f"field{i}",
                category="contact",
                items=1,
                disposed_at=at,
                reason=DisposalReason.ERASURE_REQUEST,
                actor=ACTOR,
            )
            for pk in subject_pks
            for i in range(fields)
        ]
    )


def receipts(count: int) -> None:
    ReceiptRecord.objects.bulk_create(
        [
            ReceiptRecord(
                provider_name="Directory Provider KK",
                provider_address="1-1 Marunouchi, Chiyoda-ku, Tokyo",
                provider_representative="Representative Director",
                received_on=datetime(2026, 11, 1).date(),
                purposes=["campaign-invitations-surveys"],
                file_name=f"directory-{i}.csv",
                file_sha256=hashlib.sha256(str(i).encode()).hexdigest(),
                recorded_by=ACTOR,
            )
            for i in range(count)
        ]
    )


def days(n: float) -> timedelta:
    return timedelta(days=n)
