"""The provision gate: provides chosen items of chosen subjects to a recipient for a purpose,
only where a basis holds for each subject, and keeps the record (APPI Arts. 27–29).

The request as a whole is refused (an error, nothing provided) when the recipient, its basis or
its Art. 28 position does not allow it: an unknown or retired recipient, a kind the policy does
not offer, opt-out, no outsourcing agreement in force or items outside it, a succession or a
joint use that does not cover the purpose or the items, a recipient abroad without the Art. 28
information. Each subject is then checked on its own; a refused subject gets nothing, with its
reason in the result. Values leave the vault only through its purpose-bound access, narrowed to
the chosen items, for the subjects that passed every other check.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.consent.selectors import ConsentKind, consents_active_among
from hogo.errors import Conflict, InvalidInput, NotFound, Refused
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.share.grounds import Grounds, basis_checked, grounds_for, statutory_grounds
from hogo.share.models import (
    RETENTION_YEARS,
    Basis,
    LineOutcome,
    Provision,
    ProvisionLine,
    ProvisionPackage,
    ProvisionRecord,
    Recipient,
    RecordForm,
)
from hogo.share.package import PackageTerms, provision_package_build
from hogo.share.records import (
    ExportPackage,
    ProvisionRefusalReason,
    ProvisionResult,
    RefusedSubject,
)
from hogo.share.services import ids_checked, years_after
from hogo.vault.access import subjects_access
from hogo.vault.records import SubjectView
from hogo.vault.selectors import SubjectStatus, subjects_found, subjects_provision_stopped

MAX_SUBJECTS = 10_000  # one audit event names every subject provided
PACKAGE_DAYS = 14  # the encrypted package can be downloaded this long
RECORD_SPAN_DAYS = 365  # a bulk or contract-form record gathers a year of provisions
# Bases under which a person's stop of provision (Art. 35(3)) applies: data going to another
# organization for its own use. A contractor handles data for us and a successor continues our
# own use; both stay subject to suspension of use, which the vault enforces.
STOPPABLE = frozenset({Basis.CONSENT, Basis.JOINT_USE})


@dataclass
class _Candidate:
    ref: str
    pk: int
    consent_ref: str = ""
    foreign_consent_ref: str = ""


@transaction.atomic
def provision_make(
    *,
    actor: str,
    recipient_id: str,
    purpose: str,
    subject_ids: Sequence[str],
    categories: Sequence[str],
    basis: str | None = None,
    form: str = RecordForm.SINGLE,
    exception: str | None = None,
    explanation: str = "",
) -> ProvisionResult:
    """Provides the chosen `categories` of `subject_ids`' data, acquired for `purpose`, to the
    recipient, and returns who was provided, who was refused and why, and the encrypted
    package. `basis` (optional) must match the recipient's kind, or be `statutory` with the
    Art. 27(1) ground `exception` and the officer's `explanation`; `form` is how the record
    is kept (RecordForm), which sets its retention."""
    recipient = Recipient.objects.select_for_update().filter(ref=recipient_id).first()
    if recipient is None:
        raise NotFound(f"recipient {recipient_id} does not exist")
    if recipient.retired_at is not None:
        raise Refused(f"recipient {recipient.ref} is retired", code="recipient_retired")
    statutory = statutory_grounds(basis, exception, explanation)
    grounds_basis = statutory.basis if statutory else basis_checked(recipient, basis)
    policy = policy_active()
    if purpose not in policy.purposes:
        raise InvalidInput(f"purpose: {purpose!r} is not a purpose of the active policy")
    chosen = ids_checked("categories", categories, policy.categories, "category")
    for category in chosen:
        if category not in policy.purposes[purpose].categories:
            raise InvalidInput(f"categories: {category!r} is not used by purpose {purpose!r}")
    if form not in RecordForm.values:
        raise InvalidInput(f"form: must be one of {', '.join(RecordForm.values)}")
    if isinstance(subject_ids, str) or not 1 <= len(subject_ids) <= MAX_SUBJECTS:
        raise InvalidInput(f"subject_ids: give a list of 1 to {MAX_SUBJECTS} subject ids")
    today = timezone.localdate()
    grounds = statutory or grounds_for(recipient, grounds_basis, purpose, chosen, policy, today)

    refused: dict[str, ProvisionRefusalReason] = {}
    candidates = _candidates(list(dict.fromkeys(subject_ids)), refused)
    candidates = _subject_checks(recipient, grounds, candidates, refused)
    views = _values(actor, recipient, purpose, chosen, candidates, refused)

    result_refused = [RefusedSubject(ref, reason) for ref, reason in refused.items()]
    if not views:
        audit_record(
            actor=actor,
            action="share.provision.refuse",
            purpose=purpose,
            detail={
                "recipient": recipient.ref,
                "basis": grounds.basis.value,
                "refused": _reason_counts(refused),
                **_exception_detail(grounds),
            },
        )
        return ProvisionResult(
            None, None, recipient.ref, grounds.basis, purpose, chosen, [], result_refused
        )
    return _provide(actor, recipient, grounds, purpose, chosen, form, policy, views, refused)


def _candidates(refs: list[str], refused: dict[str, ProvisionRefusalReason]) -> list[_Candidate]:
    found = subjects_found(subject_ids=refs)
    candidates: list[_Candidate] = []
    for ref in refs:
        if ref not in found:
            refused[ref] = ProvisionRefusalReason.NOT_FOUND
        elif found[ref][1] == SubjectStatus.ERASED:
            refused[ref] = ProvisionRefusalReason.ERASED
        elif found[ref][1] == SubjectStatus.DISPOSED:
            refused[ref] = ProvisionRefusalReason.DISPOSED
        else:
            candidates.append(_Candidate(ref, found[ref][0]))
    return candidates


def _subject_checks(
    recipient: Recipient,
    grounds: Grounds,
    candidates: list[_Candidate],
    refused: dict[str, ProvisionRefusalReason],
) -> list[_Candidate]:
    pks = [c.pk for c in candidates]
    stopped = (
        subjects_provision_stopped(subject_pks=pks) if grounds.basis in STOPPABLE else set[int]()
    )
    consents: dict[int, str] = {}
    if grounds.basis == Basis.CONSENT:
        targets = [recipient.ref] + ([recipient.category] if recipient.category else [])
        consents = consents_active_among(
            subject_pks=pks, kind=ConsentKind.RECIPIENT, targets=targets
        )
    foreign: dict[int, str] = {}
    if grounds.foreign_consent:
        foreign = consents_active_among(
            subject_pks=pks, kind=ConsentKind.FOREIGN_TRANSFER, targets=[recipient.ref]
        )
    passed: list[_Candidate] = []
    for candidate in candidates:
        if candidate.pk in stopped:
            refused[candidate.ref] = ProvisionRefusalReason.PROVISION_STOPPED
        elif grounds.basis == Basis.CONSENT and candidate.pk not in consents:
            refused[candidate.ref] = ProvisionRefusalReason.NO_CONSENT
        elif grounds.foreign_consent and candidate.pk not in foreign:
            refused[candidate.ref] = ProvisionRefusalReason.NO_FOREIGN_CONSENT
        else:
            candidate.consent_ref = consents.get(candidate.pk, "")
            candidate.foreign_consent_ref = foreign.get(candidate.pk, "")
            passed.append(candidate)
    return passed


def _values(
    actor: str,
    recipient: Recipient,
    purpose: str,
    categories: list[str],
    candidates: list[_Candidate],
    refused: dict[str, ProvisionRefusalReason],
) -> list[tuple[_Candidate, SubjectView]]:
    if not candidates:
        return []
    access = subjects_access(
        actor=actor,
        purpose=purpose,
        subject_ids=[c.ref for c in candidates],
        via=f"share:{recipient.ref}",
        categories=categories,
    )
    vault_refused = {
        r.subject_id: ProvisionRefusalReason(r.reason.value) for r in access.refused if r.subject_id
    }
    by_ref = {c.ref: c for c in candidates}
    views: list[tuple[_Candidate, SubjectView]] = []
    for view in access.items:
        if view.subject_id in vault_refused:
            continue  # special-care values withheld: nothing of this subject goes out
        if not view.categories:
            refused[view.subject_id] = ProvisionRefusalReason.NOTHING_TO_PROVIDE
            continue
        views.append((by_ref[view.subject_id], view))
    # In the order asked for, so the result and the record read like the request.
    for candidate in candidates:
        if candidate.ref in vault_refused:
            refused[candidate.ref] = vault_refused[candidate.ref]
    return views


def _provide(
    actor: str,
    recipient: Recipient,
    grounds: Grounds,
    purpose: str,
    categories: list[str],
    form: str,
    policy: Policy,
    views: list[tuple[_Candidate, SubjectView]],
    refused: dict[str, ProvisionRefusalReason],
) -> ProvisionResult:
    now = timezone.now()
    record = _record_for(recipient, grounds.basis, purpose, form, now)
    provision = Provision(
        record=record,
        recipient=recipient,
        purpose=purpose,
        categories=categories,
        provided_at=now,
        actor=actor,
        subjects_provided=len(views),
        subjects_refused=len(refused),
        **_grounds_fields(grounds),
    )
    package = _package_store(provision, policy, views)
    _provided_lines(provision, views)
    _refused_lines(provision, refused)
    provided = [view.subject_id for _, view in views]
    audit_record(
        actor=actor,
        action="share.provide",
        purpose=purpose,
        subjects=provided,
        detail={
            "provision": provision.ref,
            "record": record.ref,
            "recipient": recipient.ref,
            "basis": grounds.basis.value,
            "categories": categories,
            "provided": len(provided),
            "refused": _reason_counts(refused),
            "package_sha256": package.sha256,
            **_exception_detail(grounds),
        },
    )
    return ProvisionResult(
        provision_id=provision.ref,
        record_id=record.ref,
        recipient_id=recipient.ref,
        basis=grounds.basis,
        purpose=purpose,
        categories=categories,
        provided=provided,
        refused=[RefusedSubject(ref, reason) for ref, reason in refused.items()],
        package=package,
    )


def _grounds_fields(grounds: Grounds) -> dict[str, Any]:
    """A provision's fields that record what it rests on."""
    return {
        "basis": grounds.basis,
        "agreement": grounds.agreement,
        "succession": grounds.succession,
        "joint_use": grounds.joint_use,
        "exception": grounds.exception.id if grounds.exception else "",
        "explanation": grounds.explanation,
    }


def _package_store(
    provision: Provision, policy: Policy, views: list[tuple[_Candidate, SubjectView]]
) -> ExportPackage:
    """Builds the encrypted package of what a provision gives the recipient, saves the
    provision with its digest and keeps the package for download."""
    package = provision_package_build(
        terms=PackageTerms(
            provision_id=provision.ref,
            record_id=provision.record.ref,
            provided_at=provision.provided_at,
            recipient=provision.recipient,
            basis=provision.basis,
            purpose=provision.purpose,
            categories=provision.categories,
            policy=policy,
        ),
        views=[view for _, view in views],
    )
    provision.package_sha256 = package.sha256
    provision.save()
    ProvisionPackage.objects.create(
        provision=provision,
        content=package.content,
        sha256=package.sha256,
        size=len(package.content),
        created_at=provision.provided_at,
        expires_at=provision.provided_at + timedelta(days=PACKAGE_DAYS),
    )
    return package


def _provided_lines(provision: Provision, views: list[tuple[_Candidate, SubjectView]]) -> None:
    """A line per person provided, with the consents it rests on."""
    subject_pks = {c.ref: c.pk for c, _ in views}
    ProvisionLine.objects.bulk_create(
        [
            ProvisionLine(
                provision=provision,
                subject_id=subject_pks[view.subject_id],
                outcome=LineOutcome.PROVIDED,
                categories=sorted(set(view.categories.values())),
                consent_ref=candidate.consent_ref,
                foreign_consent_ref=candidate.foreign_consent_ref,
            )
            for candidate, view in views
        ],
        batch_size=1000,
    )


def _refused_lines(provision: Provision, refused: dict[str, ProvisionRefusalReason]) -> None:
    refs = [ref for ref, reason in refused.items() if reason != ProvisionRefusalReason.NOT_FOUND]
    pks = {ref: pk for ref, (pk, _) in subjects_found(subject_ids=refs).items()}
    ProvisionLine.objects.bulk_create(
        [
            ProvisionLine(
                provision=provision,
                subject_id=pks[ref],
                outcome=LineOutcome.REFUSED,
                reason=refused[ref],
            )
            for ref in refs
            if ref in pks
        ],
        batch_size=1000,
    )


def _record_for(
    recipient: Recipient, basis: Basis, purpose: str, form: str, now: datetime
) -> ProvisionRecord:
    """The record this provision goes into. Bulk and contract-form records gather the
    provisions of the same kind to the recipient for a year, then a new one starts, so that
    continuous provision never keeps old lines forever; each one's retention runs from its
    last provision (Rule 21)."""
    years = RETENTION_YEARS[form]
    if form != RecordForm.SINGLE:
        record = (
            ProvisionRecord.objects.select_for_update()
            .filter(
                recipient=recipient,
                basis=basis,
                purpose=purpose,
                form=form,
                first_provided_at__gt=now - timedelta(days=RECORD_SPAN_DAYS),
            )
            .order_by("-last_provided_at")
            .first()
        )
        if record is not None:
            record.last_provided_at = now
            record.retain_until = years_after(now, years)
            record.save(update_fields=["last_provided_at", "retain_until"])
            return record
    return ProvisionRecord.objects.create(
        recipient=recipient,
        basis=basis,
        purpose=purpose,
        form=form,
        first_provided_at=now,
        last_provided_at=now,
        retain_until=years_after(now, years),
    )


def _exception_detail(grounds: Grounds) -> dict[str, str]:
    """The cited ground for the audit event; the explanation stays in the provision, its
    digest here makes a later edit of it visible."""
    if grounds.exception is None:
        return {}
    digest = hashlib.sha256(grounds.explanation.encode()).hexdigest()
    return {"exception": grounds.exception.id, "explanation_sha256": digest}


def _reason_counts(refused: dict[str, ProvisionRefusalReason]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reason in refused.values():
        counts[reason.value] = counts.get(reason.value, 0) + 1
    return dict(sorted(counts.items()))


@transaction.atomic
def package_download(*, actor: str, provision_id: str) -> ExportPackage:
    """The stored package of a provision, for handing to the recipient (without its password,
    which only the provision's result carried). Audited; refused once the package expired."""
    package = (
        ProvisionPackage.objects.select_for_update()
        .select_related("provision")
        .filter(provision__ref=provision_id)
        .first()
    )
    if package is None:
        if not Provision.objects.filter(ref=provision_id).exists():
            raise NotFound(f"provision {provision_id} does not exist")
        raise Conflict(
            f"the package of {provision_id} was disposed of; provide again", code="package_gone"
        )
    if package.expires_at <= timezone.now():
        raise Conflict(f"the package of {provision_id} expired; provide again", code="package_gone")
    package.downloads += 1
    package.save(update_fields=["downloads"])
    audit_record(
        actor=actor,
        action="share.package.download",
        detail={"provision": provision_id, "package_sha256": package.sha256},
    )
    return ExportPackage(
        filename=f"{provision_id}.zip",
        content=bytes(package.content),
        sha256=package.sha256,
        password="",
    )
