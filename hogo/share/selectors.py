"""Reads of the register and the provision records. None of them opens a personal value."""

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from hogo.collect.selectors import receipt_records_of, receipts_possible
from hogo.errors import NotFound
from hogo.rows import rows_values
from hogo.share.models import (
    Agreement,
    JointUse,
    LineOutcome,
    Provision,
    ProvisionLine,
    Recipient,
    ReferableConfirmation,
    Succession,
)

# The legal bases of a provision, which the desk's disclosure names in words.
from hogo.share.models import Basis as Basis
from hogo.share.records import DisclosedProvision, DisclosedReceipt, RecordRow
from hogo.share.selection import SupervisionState as SupervisionState  # public here
from hogo.share.selection import agreements_supervision as agreements_supervision
from hogo.share.selection import assessment_latest as assessment_latest
from hogo.share.selection import contractor_get as contractor_get
from hogo.share.selection import contractors_list as contractors_list
from hogo.vault.selectors import subject_status

CHUNK = 2000


def recipients_list(*, kind: str | None = None, retired: bool = False) -> QuerySet[Recipient]:
    rows = Recipient.objects.order_by("name", "pk")
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows if retired else rows.filter(retired_at__isnull=True)


def recipient_names() -> dict[str, str]:
    """Every recipient's ref -> its name, retired ones included (old records name them)."""
    return dict(Recipient.objects.values_list("ref", "name"))


def recipient_get(*, recipient_id: str) -> Recipient:
    row = Recipient.objects.filter(ref=recipient_id).first()
    if row is None:
        raise NotFound(f"recipient {recipient_id} does not exist")
    return row


def agreement_get(*, agreement_id: str) -> Agreement:
    row = Agreement.objects.select_related("recipient").filter(ref=agreement_id).first()
    if row is None:
        raise NotFound(f"agreement {agreement_id} does not exist")
    return row


def agreements_review_due(*, on: date | None = None) -> list[Agreement]:
    """Agreements in force whose contractor review is due (or overdue) on `on`."""
    day = on or timezone.localdate()
    due = Agreement.objects.select_related("recipient").filter(review_due__lte=day)
    return [a for a in due.order_by("review_due", "pk") if a.in_force(day)]


@dataclass(frozen=True)
class ForeignNotice:
    """What a person must be shown before consenting to provision abroad (Rule 17(2)). Forms
    record `sha256` as the consent's notice hash."""

    recipient_id: str
    country: str
    country_system: str
    recipient_measures: str
    sha256: str


def foreign_notice(*, recipient_id: str) -> ForeignNotice:
    row = recipient_get(recipient_id=recipient_id)
    text = "\n".join([row.ref, row.country, row.country_system, row.recipient_measures])
    return ForeignNotice(
        recipient_id=row.ref,
        country=row.country,
        country_system=row.country_system,
        recipient_measures=row.recipient_measures,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def provisions_list(*, recipient_id: str | None = None) -> QuerySet[Provision]:
    rows = Provision.objects.select_related("recipient", "record").order_by("-provided_at", "-pk")
    return rows if recipient_id is None else rows.filter(recipient__ref=recipient_id)


def provision_get(*, provision_id: str) -> Provision:
    row = (
        Provision.objects.select_related("recipient", "record", "agreement", "succession")
        .filter(ref=provision_id)
        .first()
    )
    if row is None:
        raise NotFound(f"provision {provision_id} does not exist")
    return row


def provision_lines(
    *, provision_id: str, after: int = 0, limit: int = 500
) -> list[tuple[int, str, ProvisionLine]]:
    """One page of a provision's lines as (cursor, subject id, line), in a stable order."""
    provision = provision_get(provision_id=provision_id)
    rows = (
        ProvisionLine.objects.filter(provision=provision, pk__gt=after)
        .select_related("subject")
        .order_by("pk")[:limit]
    )
    return [(line.pk, line.subject.ref, line) for line in rows]


def provision_records_for(
    *,
    subject_id: str,
    now: datetime | None = None,
    checked: bool = False,
    subject_pk: int | None = None,
) -> list[DisclosedProvision]:
    """Every provision of the subject's data still on record, oldest first: the provision
    records a disclosure must include (APPI Art. 33(5)). Provisions under a statutory
    exception (Art. 27(1)) are left out: the law asks no Art. 29 record of them, so Art. 33(5)
    does not reach them, and telling the person of a provision to, say, an investigating
    authority could harm what the exception protects. hogo keeps its own record of them for
    the officer and auditors (the records export). `checked`: the caller read the subject in
    this transaction (the desk's disclosure), so it exists; `subject_pk`, its primary key: a
    subject with no provided line is answered by one plain statement (hogo/rows.py)."""
    if not checked:  # NotFound for a subject that never existed
        subject_status(subject_id=subject_id)
    provided = {"subject_id": subject_pk, "outcome": LineOutcome.PROVIDED}
    if subject_pk is not None and not rows_values(ProvisionLine, ["id"], where=provided):
        return []
    moment = now or timezone.now()
    lines = (
        ProvisionLine.objects.filter(
            subject__ref=subject_id,
            outcome=LineOutcome.PROVIDED,
            provision__record__retain_until__gt=moment,
        )
        .exclude(provision__basis=Basis.STATUTORY)
        .select_related("provision__recipient", "provision__record")
        .order_by("provision__provided_at", "pk")
    )
    return [
        DisclosedProvision(
            provided_at=line.provision.provided_at,
            record_id=line.provision.record.ref,
            recipient_name=line.provision.recipient.name,
            recipient_address=line.provision.recipient.address,
            recipient_representative=line.provision.recipient.representative,
            recipient_country=line.provision.recipient.country,
            basis=line.provision.basis,
            purpose=line.provision.purpose,
            categories=list(line.categories),
            consent_ref=line.consent_ref,
            foreign_consent_ref=line.foreign_consent_ref,
        )
        for line in lines
    ]


def receipt_records_for(
    *, subject_id: str, checked: bool = False, acquisition_pks: Sequence[int] | None = None
) -> list[DisclosedReceipt]:
    """The Art. 30 receipt records (the directory import's) under which the subject's data
    was received, oldest first: the other half of a disclosure's third-party records.
    `checked`: as in `provision_records_for`; `acquisition_pks`: every acquisition of the
    subject (the disclosure's): when none came from a directory import, no other read."""
    if not checked:  # NotFound for a subject that never existed
        subject_status(subject_id=subject_id)
    if acquisition_pks is not None and not receipts_possible(acquisition_pks=acquisition_pks):
        return []
    return [
        DisclosedReceipt(
            received_on=row.received_on,
            record_id=row.ref,
            provider_name=row.provider_name,
            provider_address=row.provider_address,
            provider_representative=row.provider_representative,
            provider_obtained_by=row.provider_obtained_by,
            purposes=list(row.purposes),
        )
        for row in receipt_records_of(subject_id=subject_id)
    ]


def record_rows(
    *,
    recipient_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    record_ids: Sequence[str] | None = None,
) -> Iterator[RecordRow]:
    """Every provided subject of every provision on record (or of the records named), by
    provision time: the rows of the records export for an inspection."""
    lines = ProvisionLine.objects.filter(outcome=LineOutcome.PROVIDED)
    if record_ids is not None:
        lines = lines.filter(provision__record__ref__in=list(record_ids))
    if recipient_id is not None:
        lines = lines.filter(provision__recipient__ref=recipient_id)
    if since is not None:
        lines = lines.filter(provision__provided_at__gte=since)
    if until is not None:
        lines = lines.filter(provision__provided_at__lt=until)
    query = lines.select_related("subject", "provision__recipient", "provision__record").order_by(
        "provision__provided_at", "provision_id", "pk"
    )
    for line in query.iterator(chunk_size=CHUNK):
        provision = line.provision
        recipient = provision.recipient
        yield RecordRow(
            record_id=provision.record.ref,
            form=provision.record.form,
            retain_until=provision.record.retain_until,
            provision_id=provision.ref,
            provided_at=provision.provided_at,
            recipient_id=recipient.ref,
            recipient_name=recipient.name,
            recipient_address=recipient.address,
            recipient_representative=recipient.representative,
            recipient_country=recipient.country,
            basis=provision.basis,
            purpose=provision.purpose,
            subject_id=line.subject.ref,
            categories=list(line.categories),
            consent_ref=line.consent_ref,
            foreign_consent_ref=line.foreign_consent_ref,
            exception=provision.exception,
        )


def referable_confirmation_for(
    *, recipient_id: str, items: Sequence[str], on: date | None = None
) -> ReferableConfirmation | None:
    """The latest Art. 31 confirmation for this recipient that covers every item, made on or
    before `on` and still on record; None means: confirm before providing."""
    day = on or timezone.localdate()
    rows = ReferableConfirmation.objects.filter(
        recipient__ref=recipient_id,
        recipient__retired_at__isnull=True,
        confirmed_on__lte=day,
        retain_until__gt=timezone.now(),
    ).order_by("-confirmed_on", "-pk")
    wanted = set(items)
    return next((row for row in rows if wanted <= set(row.items)), None)


@dataclass(frozen=True)
class RecipientScope:
    """What one registered recipient may receive or has received, and why: an outsourcing
    agreement in force, a succession, a joint use in force, or provisions made (`via`)."""

    recipient_id: str
    name: str
    kind: str
    country: str
    via: str  # "agreement", "succession", "joint_use" or "provision"
    purposes: frozenset[str]
    categories: frozenset[str]


def recipient_scopes(*, on: date | None = None) -> list[RecipientScope]:
    """For each recipient not retired, the purposes and categories it may receive or has
    received (the ledger's recipients): agreements and joint uses in force on `on`, successions,
    and the provisions made to it (one scope per purpose and set of categories)."""
    day = on or timezone.localdate()
    live = Recipient.objects.filter(retired_at__isnull=True)
    scopes: list[RecipientScope] = []

    def scope(row: Recipient, via: str, purposes: list[str] | str, categories: object) -> None:
        scopes.append(
            RecipientScope(
                recipient_id=row.ref,
                name=row.name,
                kind=row.kind,
                country=row.country,
                via=via,
                purposes=frozenset([purposes] if isinstance(purposes, str) else purposes),
                categories=frozenset(categories if isinstance(categories, list) else []),
            )
        )

    for agreement in Agreement.objects.filter(recipient__in=live).select_related("recipient"):
        if agreement.in_force(day):
            scope(agreement.recipient, "agreement", agreement.purposes, agreement.categories)
    for succession in Succession.objects.filter(recipient__in=live).select_related("recipient"):
        scope(succession.recipient, "succession", succession.purposes, succession.categories)
    for joint in JointUse.objects.filter(recipient__in=live).select_related("recipient"):
        if joint.in_force(day):
            scope(joint.recipient, "joint_use", joint.purposes, joint.categories)
    provided = (
        Provision.objects.filter(recipient__in=live, subjects_provided__gt=0)
        .values_list("recipient_id", "purpose", "categories")
        .distinct()
    )
    recipients = {row.pk: row for row in live}
    for recipient_pk, purpose, categories in provided:
        scope(recipients[recipient_pk], "provision", purpose, categories)
    return scopes
