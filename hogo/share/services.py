"""Writes to the recipients register: recipients, outsourcing agreements and their supervision,
successions, joint use, and Art. 31 confirmations. The provision gate is in `gate.py`, record
disposal in `retention.py`.

Every write records one audit event in the same transaction. Events name recipients by ref;
their names and addresses stay in the register.
"""

import re
from collections.abc import Container, Sequence
from datetime import date, datetime, time, timedelta

from django.db import models, transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound, Refused
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.share.models import (
    ADEQUATE_COUNTRIES,
    RETENTION_YEARS,
    Agreement,
    ConfirmationMethod,
    ForeignBasis,
    JointUse,
    Recipient,
    RecipientKind,
    RecordForm,
    ReferableConfirmation,
    ReferableItem,
    Subcontracting,
    Succession,
    SuccessionKind,
    Supervision,
    SupervisionKind,
    SupervisionOutcome,
)
from hogo.share.records import AgreementIn, JointUseIn, RecipientIn, SuccessionIn
from hogo.share.selection import CriterionResult as CriterionResult  # public here
from hogo.share.selection import agreement_assessed_check
from hogo.share.selection import contractor_assess as contractor_assess  # public here

_COUNTRY = re.compile(r"[A-Z]{2}")
# A consent target (consent app): letters, digits, _.:-. Recipient refs start with rcp_.
_CATEGORY = re.compile(r"[a-z0-9][a-z0-9_.:-]{0,63}")
_DOCUMENT = re.compile(r"[^\x00-\x1f]{1,200}")
MAX_TEXT = 4000


def years_after(moment: datetime, years: int) -> datetime:
    """The same moment `years` later; 29 February becomes 28 February."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def text_checked(path: str, value: object, *, max_len: int = 200, required: bool = True) -> str:
    if not isinstance(value, str) or len(value) > max_len or (required and not value.strip()):
        need = "non-empty text" if required else "text"
        raise InvalidInput(f"{path}: must be {need} of at most {max_len} characters")
    return value.strip()


def ids_checked(path: str, values: Sequence[str], known: Container[str], what: str) -> list[str]:
    if isinstance(values, str) or not values:
        raise InvalidInput(f"{path}: give a list of {what} ids")
    for value in values:
        if value not in known:
            raise InvalidInput(f"{path}: {value!r} is not a {what} of the active policy")
    return list(dict.fromkeys(values))


def _choice(path: str, value: str, choices: type[models.TextChoices]) -> str:
    allowed = [str(v) for v in choices.values]
    if value not in allowed:
        raise InvalidInput(f"{path}: must be one of {', '.join(allowed)}")
    return value


def kind_in_policy(kind: str, policy: Policy) -> None:
    if kind not in policy.provision.recipient_kinds:
        raise Refused(
            f"recipient kind {kind!r} is not a basis of the active policy "
            f"(version {policy.version}, clause 5)",
            code="kind_not_in_policy",
        )


def _recipient_fields(recipient: RecipientIn, policy: Policy) -> dict[str, object]:
    kind = _choice("kind", recipient.kind, RecipientKind)
    kind_in_policy(kind, policy)
    country = recipient.country
    if not isinstance(country, str) or not _COUNTRY.fullmatch(country):
        raise InvalidInput("country: an ISO 3166-1 alpha-2 code in capitals, such as JP or US")
    category = recipient.category
    if category and (not _CATEGORY.fullmatch(category) or category.startswith("rcp_")):
        raise InvalidInput("category: lower-case letters, digits and _.:- (not starting rcp_)")
    checked = recipient.measures_checked_on
    if checked is not None and not isinstance(checked, date):
        raise InvalidInput("measures_checked_on: must be a date")
    foreign_basis = _choice("foreign_basis", recipient.foreign_basis, ForeignBasis)
    if foreign_basis == ForeignBasis.ADEQUATE_COUNTRY and country not in ADEQUATE_COUNTRIES:
        raise InvalidInput(f"foreign_basis: {country} is not a Rule 15 country (EU/EEA, UK)")
    return {
        "kind": kind,
        "name": text_checked("name", recipient.name),
        "address": text_checked("address", recipient.address, max_len=300),
        "representative": text_checked("representative", recipient.representative),
        "country": country,
        "category": category,
        "country_system": text_checked(
            "country_system", recipient.country_system, max_len=MAX_TEXT, required=False
        ),
        "recipient_measures": text_checked(
            "recipient_measures", recipient.recipient_measures, max_len=MAX_TEXT, required=False
        ),
        "foreign_basis": foreign_basis,
        "measures_checked_on": checked,
    }


@transaction.atomic
def recipient_register(*, actor: str, recipient: RecipientIn) -> Recipient:
    """Adds a recipient. A recipient abroad may be registered before its Art. 28 information is
    complete; the gate refuses to provide to it until it is."""
    fields = _recipient_fields(recipient, policy_active())
    row = Recipient.objects.create(registered_by=actor, **fields)
    audit_record(
        actor=actor,
        action="share.recipient.register",
        detail={"recipient": row.ref, "kind": row.kind, "country": row.country},
    )
    return row


@transaction.atomic
def recipient_change(*, actor: str, recipient_id: str, recipient: RecipientIn) -> Recipient:
    """Changes a recipient's particulars. Its kind is fixed: a different relationship is a new
    recipient, so that earlier records keep their meaning."""
    row = recipient_locked(recipient_id)
    fields = _recipient_fields(recipient, policy_active())
    if fields["kind"] != row.kind:
        raise Conflict("kind: a recipient's kind cannot change; register a new recipient")
    changed = sorted(name for name, value in fields.items() if getattr(row, name) != value)
    if changed:
        for name in changed:
            setattr(row, name, fields[name])
        row.save(update_fields=changed)
        audit_record(
            actor=actor,
            action="share.recipient.change",
            detail={"recipient": row.ref, "fields": changed},
        )
    return row


@transaction.atomic
def recipient_retire(*, actor: str, recipient_id: str) -> Recipient:
    """Nothing more is provided to a retired recipient; its records stay until disposed of."""
    row = recipient_locked(recipient_id)
    if row.retired_at is None:
        row.retired_at = timezone.now()
        row.retired_by = actor
        row.save(update_fields=["retired_at", "retired_by"])
        audit_record(actor=actor, action="share.recipient.retire", detail={"recipient": row.ref})
    return row


def recipient_locked(recipient_id: str) -> Recipient:
    row = Recipient.objects.select_for_update().filter(ref=recipient_id).first()
    if row is None:
        raise NotFound(f"recipient {recipient_id} does not exist")
    return row


def _recipient_of_kind(recipient_id: str, kind: RecipientKind) -> Recipient:
    row = recipient_locked(recipient_id)
    if row.kind != kind:
        raise Conflict(f"recipient {recipient_id} is a {row.kind}, not a {kind.value}")
    if row.retired_at is not None:
        raise Conflict(f"recipient {recipient_id} is retired")
    return row


def _document_checked(value: str) -> str:
    if value and not _DOCUMENT.fullmatch(value):
        raise InvalidInput("document_ref: at most 200 characters on one line")
    return value


@transaction.atomic
def agreement_record(*, actor: str, recipient_id: str, agreement: AgreementIn) -> Agreement:
    """Records an outsourcing agreement with a contractor (policy 6.3), once the contractor's
    latest selection assessment found it suitable (`selection.py`)."""
    recipient = _recipient_of_kind(recipient_id, RecipientKind.CONTRACTOR)
    agreement_assessed_check(recipient)
    policy = policy_active()
    if agreement.ends_on is not None and agreement.ends_on < agreement.starts_on:
        raise InvalidInput("ends_on: must not be before starts_on")
    row = Agreement.objects.create(
        recipient=recipient,
        signed_on=agreement.signed_on,
        starts_on=agreement.starts_on,
        ends_on=agreement.ends_on,
        purposes=ids_checked("purposes", agreement.purposes, policy.purposes, "purpose"),
        categories=ids_checked("categories", agreement.categories, policy.categories, "category"),
        security_clauses=text_checked(
            "security_clauses", agreement.security_clauses, max_len=MAX_TEXT
        ),
        subcontracting=_choice("subcontracting", agreement.subcontracting, Subcontracting),
        review_due=agreement.review_due,
        document_ref=_document_checked(agreement.document_ref),
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action="share.agreement.record",
        detail={"recipient": recipient.ref, "agreement": row.ref, "purposes": row.purposes},
    )
    return row


@transaction.atomic
def agreement_terminate(*, actor: str, agreement_id: str, on: date) -> Agreement:
    row = Agreement.objects.select_for_update().filter(ref=agreement_id).first()
    if row is None:
        raise NotFound(f"agreement {agreement_id} does not exist")
    if row.terminated_on is not None:
        raise Conflict(f"agreement {agreement_id} was terminated on {row.terminated_on}")
    if on < row.starts_on:
        raise InvalidInput("on: must not be before the agreement starts")
    row.terminated_on = on
    row.save(update_fields=["terminated_on"])
    audit_record(
        actor=actor,
        action="share.agreement.terminate",
        detail={"agreement": row.ref, "on": on.isoformat()},
    )
    return row


@transaction.atomic
def supervision_record(
    *,
    actor: str,
    agreement_id: str,
    kind: str,
    performed_on: date,
    outcome: str,
    next_review: date,
    findings: str = "",
) -> Supervision:
    """Records one act of supervising a contractor and moves the agreement's next review."""
    agreement = Agreement.objects.select_for_update().filter(ref=agreement_id).first()
    if agreement is None:
        raise NotFound(f"agreement {agreement_id} does not exist")
    if performed_on > timezone.localdate():
        raise InvalidInput("performed_on: supervision is recorded after it took place")
    if next_review <= performed_on:
        raise InvalidInput("next_review: must be after performed_on")
    findings = text_checked("findings", findings, max_len=MAX_TEXT, required=False)
    if outcome != SupervisionOutcome.SATISFACTORY and not findings:
        raise InvalidInput("findings: describe the findings")
    row = Supervision.objects.create(
        agreement=agreement,
        kind=_choice("kind", kind, SupervisionKind),
        performed_on=performed_on,
        outcome=_choice("outcome", outcome, SupervisionOutcome),
        findings=findings,
        next_review=next_review,
        recorded_by=actor,
    )
    agreement.review_due = next_review
    agreement.save(update_fields=["review_due"])
    audit_record(
        actor=actor,
        action="share.supervision.record",
        detail={"agreement": agreement.ref, "kind": row.kind, "outcome": row.outcome},
    )
    return row


@transaction.atomic
def succession_record(*, actor: str, recipient_id: str, succession: SuccessionIn) -> Succession:
    """Records a succession: which part of the data (purposes, categories) goes to the
    successor, from when. The data stays bound to those purposes (Art. 18(2))."""
    recipient = _recipient_of_kind(recipient_id, RecipientKind.SUCCESSOR)
    policy = policy_active()
    row = Succession.objects.create(
        recipient=recipient,
        kind=_choice("kind", succession.kind, SuccessionKind),
        effective_on=succession.effective_on,
        purposes=ids_checked("purposes", succession.purposes, policy.purposes, "purpose"),
        categories=ids_checked("categories", succession.categories, policy.categories, "category"),
        document_ref=_document_checked(succession.document_ref),
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action="share.succession.record",
        detail={"recipient": recipient.ref, "succession": row.ref, "purposes": row.purposes},
    )
    return row


def joint_use_announced(recipient: Recipient, policy: Policy) -> str | None:
    """Why the active policy does not publish joint use with this recipient, or None."""
    announcement = policy.provision.joint_use
    if RecipientKind.JOINT_USER not in policy.provision.recipient_kinds or announcement is None:
        return f"policy version {policy.version} announces no joint use"
    users = f"{announcement.users.ja}\n{announcement.users.en}"
    if recipient.name not in users:
        return f"policy version {policy.version} does not name {recipient.ref} as a joint user"
    return None


@transaction.atomic
def joint_use_record(*, actor: str, recipient_id: str, joint_use: JointUseIn) -> JointUse:
    """Records the particulars of joint use with a recipient that the active policy's notice
    announces (its `[provision.joint_use]` names the recipient among the users)."""
    recipient = _recipient_of_kind(recipient_id, RecipientKind.JOINT_USER)
    policy = policy_active()
    missing = joint_use_announced(recipient, policy)
    if missing is not None:
        raise Refused(f"joint use must be published first: {missing}", code="not_published")
    assert policy.version is not None  # stored policies carry their version
    row = JointUse.objects.create(
        recipient=recipient,
        categories=ids_checked("categories", joint_use.categories, policy.categories, "category"),
        purposes=ids_checked("purposes", joint_use.purposes, policy.purposes, "purpose"),
        responsible_name=text_checked("responsible_name", joint_use.responsible_name),
        responsible_address=text_checked(
            "responsible_address", joint_use.responsible_address, max_len=300
        ),
        responsible_representative=text_checked(
            "responsible_representative", joint_use.responsible_representative
        ),
        announced_version=policy.version,
        starts_on=joint_use.starts_on,
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action="share.joint_use.record",
        detail={
            "recipient": recipient.ref,
            "joint_use": row.ref,
            "purposes": row.purposes,
            "categories": row.categories,
        },
    )
    return row


@transaction.atomic
def joint_use_end(*, actor: str, joint_use_id: str, on: date) -> JointUse:
    row = JointUse.objects.select_for_update().filter(ref=joint_use_id).first()
    if row is None:
        raise NotFound(f"joint use {joint_use_id} does not exist")
    if row.ended_on is not None:
        raise Conflict(f"joint use {joint_use_id} ended on {row.ended_on}")
    row.ended_on = on
    row.save(update_fields=["ended_on"])
    audit_record(
        actor=actor, action="share.joint_use.end", detail={"joint_use": row.ref, "on": str(on)}
    )
    return row


@transaction.atomic
def referable_confirm(
    *,
    actor: str,
    recipient_id: str,
    items: Sequence[str],
    method: str,
    confirmed_on: date,
    evidence_ref: str = "",
    foreign_information_confirmed: bool = False,
    form: str = RecordForm.BULK,
) -> ReferableConfirmation:
    """Records the Art. 31 confirmation that the recipient has the persons' consent to acquire
    personally referable information from us as personal data (and, for a recipient abroad,
    that the persons were given the Art. 28 information). Kept like provision records."""
    recipient = recipient_locked(recipient_id)
    if recipient.retired_at is not None:
        raise Conflict(f"recipient {recipient_id} is retired")
    if isinstance(items, str) or not items or any(i not in ReferableItem.values for i in items):
        raise InvalidInput(f"items: give a list of {', '.join(ReferableItem.values)}")
    if confirmed_on > timezone.localdate():
        raise InvalidInput("confirmed_on: a confirmation is recorded after it took place")
    if (
        recipient.abroad
        and recipient.foreign_basis == ForeignBasis.CONSENT
        and not foreign_information_confirmed
    ):
        raise Refused(
            f"recipient {recipient.ref} is abroad: confirm that the persons were given the "
            "Art. 28 information (country, its system, the recipient's measures)",
            code="foreign_information_unconfirmed",
        )
    form = _choice("form", form, RecordForm)
    row = ReferableConfirmation.objects.create(
        recipient=recipient,
        items=list(dict.fromkeys(items)),
        method=_choice("method", method, ConfirmationMethod),
        evidence_ref=_document_checked(evidence_ref),
        foreign_information_confirmed=foreign_information_confirmed,
        confirmed_on=confirmed_on,
        confirmed_by=actor,
        form=form,
        retain_until=years_after(start_of(confirmed_on), RETENTION_YEARS[form]),
    )
    audit_record(
        actor=actor,
        action="share.referable.confirm",
        detail={"recipient": recipient.ref, "confirmation": row.ref, "items": row.items},
    )
    return row


@transaction.atomic
def referable_provide(
    *, actor: str, confirmation_id: str, on: date | None = None
) -> ReferableConfirmation:
    """Notes that personally referable information was provided under a confirmation on `on`
    (today by default): the record's period grows and its retention runs from the last day."""
    row = (
        ReferableConfirmation.objects.select_for_update()
        .select_related("recipient")
        .filter(ref=confirmation_id)
        .first()
    )
    if row is None:
        raise NotFound(f"confirmation {confirmation_id} does not exist")
    day = on or timezone.localdate()
    if day < row.confirmed_on:
        raise InvalidInput("on: provision must follow the confirmation")
    if row.recipient.retired_at is not None:
        raise Conflict(f"recipient {row.recipient.ref} is retired")
    if row.form == RecordForm.SINGLE and row.last_provided_on not in (None, day):
        raise Conflict("a single-provision confirmation covers one day; confirm again")
    row.first_provided_on = min(filter(None, [row.first_provided_on, day]))
    row.last_provided_on = max(filter(None, [row.last_provided_on, day]))
    row.retain_until = years_after(
        start_of(row.last_provided_on) + timedelta(days=1), RETENTION_YEARS[row.form]
    )
    row.save(update_fields=["first_provided_on", "last_provided_on", "retain_until"])
    audit_record(
        actor=actor,
        action="share.referable.provide",
        detail={"confirmation": row.ref, "on": day.isoformat()},
    )
    return row
