"""Accepting a submission to a channel: the one path from a form or an API call to the vault.

validate -> special-care guard -> purposes the person agreed to -> vault ingest -> consent
records -> acquisition record -> channel follow-up (inquiry case, member account) -> audit,
all in one transaction: a refused submission leaves nothing behind.
"""

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.collect.acquisition import ConsentMissing, acquisition_channel, acquisition_check
from hogo.collect.inquiries import inquiry_case_open
from hogo.collect.labels import consent_purpose_text, special_consent_text
from hogo.collect.members import member_register
from hogo.collect.models import (
    AcquisitionRecord,
    AnonymousResponse,
    ImportJob,
    NoticeText,
    ReceiptRecord,
    RecordSource,
)
from hogo.collect.receipt import receipt_mail_schedule
from hogo.collect.values import identifier_fields, values_clean
from hogo.consent.selectors import ConsentKind
from hogo.consent.services import consent_give, consent_ref_new
from hogo.detect import redact, scan
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.schema import FOLLOW_UP_INQUIRY_CASE, FOLLOW_UP_MEMBER_ACCOUNT, Channel, Policy
from hogo.policy.selectors import policy_at, policy_in_force
from hogo.vault.records import IngestResult, ItemIn
from hogo.vault.selectors import Source as VaultSource
from hogo.vault.services import subject_ingest

LANGS = ("ja", "en")


@dataclass(frozen=True)
class SubmissionIn:
    channel: str
    values: Mapping[str, object]
    lang: str = "ja"
    policy_version: int | None = None  # None: the active policy
    notice_sha256: str = ""  # the notice block shown; forms must send the one they showed
    purposes_consented: Collection[str] = ()
    special_care_consented: Collection[str] = ()
    network: str = ""  # truncated client network
    source: RecordSource = RecordSource.FORM
    origin: str = ""  # scheme://host for links in e-mails (member activation)


@dataclass(frozen=True)
class Accepted:
    record_id: str | None
    subject_id: str | None
    created: bool
    consents: list[str] = field(default_factory=list)
    case_id: str | None = None
    member_id: str | None = None
    mailed: bool = False  # a confirmation mail goes out on commit (forms only)


__all__ = ["Accepted", "ConsentMissing", "SubmissionIn", "submission_accept"]


class NoticeChanged(Conflict):
    code = "notice_changed"


def consent_wording_sha256(*, purpose_or_category: str, policy: Policy, lang: str) -> str:
    """Digest of the exact consent sentence shown next to a checkbox (consent evidence)."""
    if purpose_or_category in policy.purposes:
        title = policy.purposes[purpose_or_category].title.get(lang)
        text = consent_purpose_text(title, lang)
    else:
        kind = policy.categories[purpose_or_category].title.get(lang)
        text = special_consent_text(kind, lang)
    return hashlib.sha256(text.encode()).hexdigest()


def _policy_and_channel(submission: SubmissionIn) -> tuple[Policy, Channel]:
    try:
        policy = (
            policy_in_force()[1]
            if submission.policy_version is None
            else policy_at(version=submission.policy_version)
        )
    except NotFound as exc:
        raise InvalidInput(f"policy_version: {exc.message}") from exc
    channel = acquisition_channel(
        policy=policy, channel_id=submission.channel, source=submission.source
    )
    if submission.lang not in LANGS:
        raise InvalidInput(f"lang: must be one of {', '.join(LANGS)}")
    return policy, channel


def _notice_checked(submission: SubmissionIn, policy: Policy) -> None:
    assert policy.version is not None
    if submission.source != RecordSource.FORM:
        return
    shown = NoticeText.objects.filter(
        policy_version=policy.version, channel=submission.channel, lang=submission.lang
    ).values_list("sha256", flat=True)
    if submission.notice_sha256 not in list(shown):
        raise NoticeChanged("the notice shown with the form has changed; show it again")


def _supplementary_shown(
    submission: SubmissionIn, policy: Policy, channel: Channel
) -> tuple[str, int | None]:
    """The channel's supplementary notice and its version, when the notice block that carries
    it is the one shown: always on our forms (checked above), on the API only when the caller
    sent that block's sha256."""
    assert policy.version is not None
    if channel.notice is None:
        return "", None
    if submission.source != RecordSource.FORM and not (
        submission.notice_sha256
        and NoticeText.objects.filter(
            policy_version=policy.version, channel=channel.id, sha256=submission.notice_sha256
        ).exists()
    ):
        return "", None
    return channel.notice, policy.notices[channel.notice].version


def _purposes(policy: Policy, channel: Channel, consented: Collection[str]) -> list[str]:
    purposes = [
        p for p in channel.purposes if not policy.purposes[p].consent_required or p in consented
    ]
    if not purposes:
        raise ConsentMissing(
            "purposes_consented: every purpose of this channel needs consent and none was given"
        )
    return purposes


@transaction.atomic
def submission_accept(*, actor: str, submission: SubmissionIn) -> Accepted:
    """Accepts one submission or refuses it with nothing stored (InvalidInput for bad values,
    SpecialCareFound for special-care text without consent, ConsentMissing, NoticeChanged)."""
    policy, channel = _policy_and_channel(submission)
    assert policy.version is not None
    kinds = identifier_fields(policy, channel)
    values = values_clean(channel, submission.values, kinds)
    _notice_checked(submission, policy)
    identifiers = {kind: values[field] for field, kind in kinds.items() if field in values}
    purposes, found = _purposes_and_special_care(submission, policy, channel, values, identifiers)
    if not identifiers:
        return _anonymous_keep(submission, policy, values)

    special_refs = {c: consent_ref_new() for cats in found.values() for c in cats}
    ingested = subject_ingest(
        actor=actor,
        channel=channel.id,
        purposes=purposes,
        identifiers=identifiers,
        items=_items(channel, values, kinds, found, special_refs),
        policy_version=policy.version,
        notice_sha256=submission.notice_sha256,
        source=VaultSource.FORM if submission.source == RecordSource.FORM else VaultSource.API,
    )
    record = _record_make(actor, submission, policy, channel, ingested, values, purposes)
    record.special_care = sorted(special_refs)
    record.consents = _consents_give(
        actor, submission, policy, record, ingested.subject_id, purposes, special_refs
    )
    record.save()
    case_id, member_id, mailed = _follow_up(submission, channel, record, values, identifiers)
    audit_record(
        actor=actor,
        action="collect.submit",
        subjects=[ingested.subject_id],
        detail={
            "record": record.ref,
            "channel": channel.id,
            "source": submission.source,
            "policy_version": policy.version,
            "supplementary_notice": record.supplementary_notice,
            "purposes": purposes,
            "fields": len(values),
            "consents": record.consents,
            "special_care": record.special_care,
            "case": case_id or "",
            "member": member_id or "",
            "confirmation_mail": mailed,
        },
    )
    return Accepted(
        record_id=record.ref,
        subject_id=ingested.subject_id,
        created=ingested.created,
        consents=record.consents,
        case_id=case_id,
        member_id=member_id,
        mailed=mailed,
    )


def _purposes_and_special_care(
    submission: SubmissionIn,
    policy: Policy,
    channel: Channel,
    values: dict[str, str],
    identifiers: dict[str, str],
) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """The purposes the data is acquired for, and the special-care categories found by field
    (refusing what the policy does not allow)."""
    # Without any identifier the answers are about nobody we can tell: no purpose consent is
    # needed, but the guard still applies (nobody consented to special-care data either).
    purposes = (
        _purposes(policy, channel, submission.purposes_consented)
        if identifiers
        else list(channel.purposes)
    )
    found = acquisition_check(
        policy=policy,
        channel_id=channel.id,
        source=submission.source,
        purposes=purposes,
        purposes_consented=submission.purposes_consented if identifiers else purposes,
        values=values,
        special_care_consented=submission.special_care_consented if identifiers else (),
    ).special_care
    return purposes, found


def _items(
    channel: Channel,
    values: dict[str, str],
    kinds: dict[str, str],
    found: dict[str, tuple[str, ...]],
    special_refs: dict[str, str],
) -> list[ItemIn]:
    """The values that are not identifiers, special-care ones under their consent's id."""
    return [
        ItemIn(spec.id, found[spec.id][0], values[spec.id], special_refs[found[spec.id][0]])
        if spec.id in found
        else ItemIn(spec.id, None, values[spec.id])
        for spec in channel.fields
        if spec.id in values and spec.id not in kinds
    ]


def _record_make(
    actor: str,
    submission: SubmissionIn,
    policy: Policy,
    channel: Channel,
    ingested: IngestResult,
    values: dict[str, str],
    purposes: list[str],
) -> AcquisitionRecord:
    """The acquisition record of a stored submission, not saved yet."""
    assert policy.version is not None
    supplementary, supplementary_version = _supplementary_shown(submission, policy, channel)
    return AcquisitionRecord(
        acquisition_id=ingested.acquisition_id,
        subject_id=ingested.subject_pk,  # the vault's own row: no need to read it again
        channel=channel.id,
        source=submission.source,
        lang=submission.lang,
        received_at=timezone.now(),
        policy_version=policy.version,
        notice_sha256=submission.notice_sha256,
        supplementary_notice=supplementary,
        supplementary_notice_version=supplementary_version,
        purposes=purposes,
        fields=sorted(values),
        network=submission.network,
        recorded_by=actor,
    )


def _follow_up(
    submission: SubmissionIn,
    channel: Channel,
    record: AcquisitionRecord,
    values: dict[str, str],
    identifiers: dict[str, str],
) -> tuple[str | None, str | None, bool]:
    """Opens what the channel follows a submission up with (an inquiry case or a member
    account) and schedules the confirmation mail of a form. Returns the case's and the
    member's ids, and whether a mail was scheduled."""
    case_id = member_id = None
    if channel.follow_up == FOLLOW_UP_INQUIRY_CASE:
        case_id = inquiry_case_open(record=record).ref
    if channel.follow_up == FOLLOW_UP_MEMBER_ACCOUNT and "email" in identifiers:
        member_id = member_register(
            subject=record.subject,
            email=identifiers["email"],
            lang=submission.lang,
            origin=submission.origin,
        ).ref
    mailed = submission.source == RecordSource.FORM and receipt_mail_schedule(
        channel=channel,
        values=values,
        record=record,
        ref=case_id or record.ref,
        origin=submission.origin,
    )
    return case_id, member_id, mailed


def _consents_give(
    actor: str,
    submission: SubmissionIn,
    policy: Policy,
    record: AcquisitionRecord,
    subject_ref: str,
    purposes: list[str],
    special_refs: dict[str, str],
) -> list[str]:
    assert policy.version is not None
    evidence: dict[str, object] = {
        "channel": submission.channel,
        "method": "form_checkbox" if submission.source == RecordSource.FORM else "api_caller",
        "acquisition": record.ref,
        "lang": submission.lang,
    }
    if submission.network:
        evidence["network"] = submission.network
    given = []
    wanted: list[tuple[ConsentKind, str, str | None]] = [
        (ConsentKind.PURPOSE, p, None) for p in purposes if policy.purposes[p].consent_required
    ]
    wanted += [(ConsentKind.SPECIAL_CARE, c, ref) for c, ref in special_refs.items()]
    for kind, target, ref in wanted:
        consent = consent_give(
            actor=actor,
            subject_id=subject_ref,
            kind=kind,
            target=target,
            policy_version=policy.version,
            notice_sha256=submission.notice_sha256,
            evidence={
                **evidence,
                "text_sha256": consent_wording_sha256(
                    purpose_or_category=target, policy=policy, lang=submission.lang
                ),
            },
            ref=ref,
        )
        given.append(consent.ref)
    return given


def _anonymous_keep(submission: SubmissionIn, policy: Policy, values: dict[str, str]) -> Accepted:
    assert policy.version is not None
    AnonymousResponse.objects.create(
        channel=submission.channel,
        received_at=timezone.now(),
        policy_version=policy.version,
        notice_sha256=submission.notice_sha256,
        lang=submission.lang,
        answers={key: _masked(value, policy) for key, value in values.items()},
    )
    return Accepted(record_id=None, subject_id=None, created=False)


def _masked(value: str, policy: Policy) -> str:
    """An anonymous answer keeps no identifier: what the detector finds is masked."""
    regions = policy.detection.phone_regions
    return redact(value, scan(value, phone_regions=regions).findings)


@transaction.atomic
def receipt_records_dispose(*, last_receipt_before: datetime) -> int:
    """Dispose of the Art. 30 receipt records whose last receipt (the record, or its latest
    import job) is older than `last_receipt_before`, with their import jobs (the jobs' row lists
    go with them; the acquisitions they made stay in the vault under their own retention).

    Part of the provision records' retention run (`hogo.share.retention`), which records the
    one audit event of the run, with this count, in the same transaction."""
    expired = [
        pk
        for pk, recorded_at, last_job in ReceiptRecord.objects.filter(
            recorded_at__lte=last_receipt_before
        )
        .annotate(last_job=Max("jobs__started_at"))
        .values_list("pk", "recorded_at", "last_job")
        if max(filter(None, [recorded_at, last_job])) <= last_receipt_before
    ]
    if not expired:
        return 0
    ImportJob.objects.filter(receipt_id__in=expired).delete()
    return ReceiptRecord.objects.filter(pk__in=expired).delete()[0]
