"""Writes of consent records: giving and withdrawing. Each records one audit event.

Withdrawal reaches the vault in the same transaction, so nothing can use the data in between:
- a special-care consent: the subject's special-care values are withheld from every read
  (vault `special_care_consent_withdraw`);
- a purpose consent: use of the subject's data for that purpose is suspended (vault
  `Suspension`, with the consent's ref as its request ref), and lifted again only when the
  person consents anew.
"""

import re
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.consent.models import Consent, ConsentKind

# A consent's ref drawn ahead, for a collection that names the consent it is about to record.
from hogo.consent.models import consent_ref_new as consent_ref_new
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.logging import truncate_ip
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active, policy_at
from hogo.vault.reconsent import purpose_consent_close
from hogo.vault.selectors import Subject, SubjectStatus, suspended_by_withdrawal
from hogo.vault.services import (
    special_care_consent_withdraw,
    subject_lock,
    subject_suspend,
    subject_suspension_lift,
)

_SHA256 = re.compile(r"[0-9a-f]{64}")
_CONSENT_REF = re.compile(r"con_[a-z2-7]{16}")
_TARGET = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}")
_EVIDENCE_VALUE = re.compile(r"[A-Za-z0-9_.:/@+-]{1,128}")
# Evidence says how and where consent was given, never what the person wrote: only these keys,
# only short token-like values (ids, hashes, channel names, a truncated network).
EVIDENCE_KEYS = frozenset(
    {
        "channel",  # collection channel id, or "paper", "api", "privacy-center"
        "method",  # form_checkbox, paper_form, api_caller, ...
        "acquisition",  # vault acquisition id or collect submission ref
        "text_sha256",  # hash of the exact consent wording shown next to the checkbox
        "lang",
        "network",  # client network, truncated (IPv4 /24, IPv6 /48)
        "caller",  # audit actor of an integrator that states it obtained consent
        "document",  # reference of a scanned paper form
        "request",  # desk case ref
    }
)
SUPERSEDED = "superseded"


def _policy(version: int) -> Policy:
    try:
        return policy_at(version=version)
    except NotFound as exc:
        raise InvalidInput(f"policy_version: version {version} does not exist") from exc


def _target_checked(kind: str, target: str, policy: Policy) -> None:
    if not isinstance(target, str) or not _TARGET.fullmatch(target):
        raise InvalidInput("target: must be an id (letters, digits, _.:-; at most 80)")
    if kind == ConsentKind.PURPOSE and target not in policy.purposes:
        raise InvalidInput(
            f"target: {target!r} is not a purpose of policy version {policy.version}"
        )
    if kind == ConsentKind.SPECIAL_CARE and target not in policy.special_care_ids():
        raise InvalidInput(f"target: {target!r} is not a special-care category")


def evidence_checked(evidence: Mapping[str, object] | None) -> dict[str, object]:
    """The evidence as stored: known keys, token-like values, IP addresses truncated."""
    if evidence is None:
        return {}
    if not isinstance(evidence, Mapping):
        raise InvalidInput("evidence: must be an object")
    checked: dict[str, object] = {}
    for key, value in evidence.items():
        if key not in EVIDENCE_KEYS:
            raise InvalidInput(f"evidence: unknown key; use {', '.join(sorted(EVIDENCE_KEYS))}")
        if isinstance(value, bool | int):
            checked[key] = value
            continue
        if not isinstance(value, str) or not _EVIDENCE_VALUE.fullmatch(value):
            # The value is not repeated: it may be exactly what must not be kept.
            raise InvalidInput(f"evidence.{key}: must be a short id, hash or name")
        checked[key] = truncate_ip(value) if key == "network" else value
    return checked


def _kind_checked(kind: str, target: str, policy_version: int, notice_sha256: str) -> ConsentKind:
    if kind not in ConsentKind.values:
        raise InvalidInput(f"kind: must be one of {', '.join(ConsentKind.values)}")
    checked = ConsentKind(kind)
    _target_checked(checked, target, _policy(policy_version))
    if notice_sha256 and not _SHA256.fullmatch(notice_sha256):
        raise InvalidInput("notice_sha256: must be 64 lower-case hex digits or empty")
    return checked


def _consent_active(subject: Subject, kind: str, target: str, *, ref: str | None) -> Consent | None:
    """The subject's active record for the target; a new one `ref` names must look like one."""
    if ref is not None and not _CONSENT_REF.fullmatch(ref):
        raise InvalidInput("ref: must look like con_ followed by 16 letters or digits")
    return Consent.objects.filter(
        subject=subject, kind=kind, target=target, withdrawn_at__isnull=True
    ).first()


@transaction.atomic
def consent_give(
    *,
    actor: str,
    subject_id: str,
    kind: ConsentKind,
    target: str,
    policy_version: int,
    notice_sha256: str = "",
    evidence: Mapping[str, object] | None = None,
    ref: str | None = None,
) -> Consent:
    """Records that the subject consented. Giving again under the same notice returns the
    active record unchanged; under another notice the new record supersedes the old one.

    `ref` names the new record in advance, for a caller that must cite the consent before the
    subject exists (collect stores special-care values and their consent in one transaction).
    A record given a ref is always new: it supersedes an active one even under the same notice.
    """
    kind = _kind_checked(kind, target, policy_version, notice_sha256)
    stored_evidence = evidence_checked(evidence)
    subject = subject_lock(subject_id=subject_id)
    current = _consent_active(subject, kind, target, ref=ref)
    if (
        ref is None
        and current is not None
        and current.policy_version == policy_version
        and current.notice_sha256 == notice_sha256
    ):
        return current
    consent = Consent(
        subject=subject,
        kind=kind,
        target=target,
        given_at=timezone.now(),
        given_by=actor,
        policy_version=policy_version,
        notice_sha256=notice_sha256,
        evidence=stored_evidence,
    )
    if ref is not None:
        consent.ref = ref
    _consent_store(consent, supersedes=current)
    lifted = _purpose_suspension_lift(actor, subject, kind, target)
    audit_record(
        actor=actor,
        action="consent.give",
        subjects=[subject.ref],
        detail={
            "consent": consent.ref,
            "kind": kind.value,
            "target": target,
            "policy_version": policy_version,
            "channel": str(stored_evidence.get("channel", "")),
            "supersedes": current.ref if current is not None else "",
            "suspension_lifted": lifted,
        },
    )
    return consent


def _consent_store(consent: Consent, *, supersedes: Consent | None) -> None:
    """Saves a new record, superseding the active one for the same target."""
    if supersedes is not None:
        # Close the old record first: at most one active record per target (constraint).
        Consent.objects.filter(pk=supersedes.pk).update(
            withdrawn_at=consent.given_at, withdrawn_by=SUPERSEDED
        )
    try:
        with transaction.atomic():
            consent.save()
    except IntegrityError as exc:
        raise Conflict("this consent was being recorded at the same time; try again") from exc
    if supersedes is not None:
        Consent.objects.filter(pk=supersedes.pk).update(superseded_by=consent)


def _purpose_suspension_lift(actor: str, subject: Subject, kind: str, target: str) -> bool:
    """Consenting anew to a purpose lifts the suspension an earlier withdrawal caused, and
    only that one: a suspension the person asked the desk for stays."""
    if kind != ConsentKind.PURPOSE:
        return False
    if not suspended_by_withdrawal(subject_id=subject.ref, purpose=target):
        return False
    subject_suspension_lift(actor=actor, subject_id=subject.ref, purposes=[target])
    return True


@transaction.atomic
def consent_withdraw(*, actor: str, consent_id: str) -> Consent:
    """Withdraws a consent and stops what it allowed. Withdrawing it again changes nothing."""
    consent = (
        Consent.objects.select_for_update().select_related("subject").filter(ref=consent_id).first()
    )
    if consent is None:
        raise NotFound(f"consent {consent_id} does not exist")
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = actor
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    subject = consent.subject
    withheld = 0
    suspended = False
    if consent.kind == ConsentKind.SPECIAL_CARE:
        withheld = _special_care_withhold(actor, subject)
    elif (
        consent.kind == ConsentKind.PURPOSE
        and subject.status == SubjectStatus.ACTIVE
        and consent.target in policy_active().purposes
        and _purpose_rests_on_consent(actor, subject, consent.target)
    ):
        state = subject_suspend(
            actor=actor, subject_id=subject.ref, purposes=[consent.target], request_ref=consent.ref
        )
        suspended = consent.target in state.purposes or state.all_purposes
    audit_record(
        actor=actor,
        action="consent.withdraw",
        subjects=[subject.ref],
        detail={
            "consent": consent.ref,
            "kind": consent.kind,
            "target": consent.target,
            "items_withheld": withheld,
            "purpose_suspended": suspended,
        },
    )
    return consent


def _purpose_rests_on_consent(actor: str, subject: Subject, purpose: str) -> bool:
    """Closes the vault's copy of a re-consent (hogo/consent/README.md, "Re-consent") and says
    whether the purpose must also be suspended: it must when the purpose itself needs consent,
    or when no re-consent was open; a re-consent to more categories of a purpose that does not
    need consent only hides those categories again."""
    reopened = purpose_consent_close(actor=actor, subject_id=subject.ref, purpose=purpose)
    return not reopened or policy_active().purposes[purpose].consent_required


def _special_care_withhold(actor: str, subject: Subject) -> int:
    """Withholds every special-care value of the subject stored under a special-care consent.

    All of them, not only those under this record: one free text may carry several
    categories while the vault keeps one category and one consent per value, so anything
    narrower could leave a value readable that the person no longer agrees to.
    """
    refs = Consent.objects.filter(subject=subject, kind=ConsentKind.SPECIAL_CARE).values_list(
        "ref", flat=True
    )
    return sum(special_care_consent_withdraw(actor=actor, consent_ref=ref) for ref in refs)
