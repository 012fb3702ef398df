"""Evidence of an incident (policy 6.4: a full IP address is recorded only to investigate a
security incident, with the reason): a file and/or a text sealed in the vault under a key of
its own (a detached note owner `evd_...`), opened only by the privacy officer with a stated
reason (the reason in the audit event, never the content), and disposed of with the incident:
`[incidents].retention_years` after it closed, the keys are destroyed (crypto-shredding) and
the rows deleted by `hogo safety tick`.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import actor_for, audit_record
from hogo.errors import Conflict, InvalidInput, NotFound, Refused
from hogo.policy.schema import Incidents
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.roles import Role, has_role
from hogo.safety.models import Incident, IncidentStatus
from hogo.safety.oversight_models import EvidenceDisposal, IncidentEvidence
from hogo.safety.selectors import incident_get
from hogo.vault.access import notes_open
from hogo.vault.notes import INCIDENT_PURPOSE, note_owner_create, note_owners_dispose, notes_seal
from hogo.vault.records import NoteIn

ACTOR = "system:safety"
TEXT, FILE = "evidence-text", "evidence-file"
# A note holds 200,000 characters; a file goes in as base64 (4 characters per 3 bytes).
MAX_FILE_BYTES = 140_000
MAX_TEXT = 100_000
MAX_REASON = 500


@dataclass(frozen=True)
class EvidenceIn:
    label: str
    text: str = ""
    file_name: str = ""
    media_type: str = ""
    content: bytes | None = None


@dataclass(frozen=True)
class OpenedEvidence:
    evidence: IncidentEvidence
    text: str
    content: bytes | None


def _checked(given: EvidenceIn) -> None:
    if not given.label.strip() or len(given.label) > 200:
        raise InvalidInput("label: say what the evidence is, in at most 200 characters")
    if not given.text.strip() and not given.content:
        raise InvalidInput("evidence: give a file, a text or both")
    if len(given.text) > MAX_TEXT:
        raise InvalidInput(f"text: at most {MAX_TEXT:,} characters")
    if given.content is not None and len(given.content) > MAX_FILE_BYTES:
        raise InvalidInput(
            f"file: at most {MAX_FILE_BYTES // 1000} KB: attach the lines that matter"
        )


def evidence_attach(*, actor: str, incident_ref: str, given: EvidenceIn) -> IncidentEvidence:
    """Seals the evidence under a new key of its own and records its metadata on the incident.
    The key is committed to the key store first (as the vault's detached owners are); a failure
    after it leaves an unused key, which the vault's sweep destroys."""
    _checked(given)
    incident = incident_get(ref=incident_ref)
    if not incident.is_open:
        raise Conflict(f"incident {incident_ref} is closed: its evidence can no longer change")
    evidence = IncidentEvidence(incident=incident)
    note_owner_create(owner=evidence.ref)
    return _attach(actor, incident, evidence, given)


@transaction.atomic
def _attach(
    actor: str, incident: Incident, evidence: IncidentEvidence, given: EvidenceIn
) -> IncidentEvidence:
    notes = []
    if given.text.strip():
        notes.append(NoteIn(TEXT, given.text))
    if given.content:
        notes.append(NoteIn(FILE, base64.b64encode(given.content).decode()))
    notes_seal(actor=actor, owner=evidence.ref, notes=notes, via="safety")
    evidence.label = given.label.strip()
    evidence.file_name = given.file_name[:200] if given.content else ""
    evidence.media_type = given.media_type[:100] if given.content else ""
    evidence.file_size = len(given.content) if given.content else None
    evidence.has_text = bool(given.text.strip())
    evidence.added_at = timezone.now()
    evidence.added_by = actor
    evidence.save()
    audit_record(
        actor=actor,
        action="safety.evidence.attach",
        detail={
            "incident": incident.ref,
            "evidence": evidence.ref,
            "text": evidence.has_text,
            "file_bytes": evidence.file_size,
        },
    )
    return evidence


def evidence_get(*, ref: str) -> IncidentEvidence:
    found = IncidentEvidence.objects.select_related("incident").filter(ref=ref).first()
    if found is None:
        raise NotFound(f"evidence {ref} does not exist")
    return found


@transaction.atomic
def evidence_open(*, user: User, ref: str, reason: str) -> OpenedEvidence:
    """The evidence's text and file, for the privacy officer only, with the reason: both the
    vault's event (`vault.notes.open`) and this one (`safety.evidence.open`, with the reason)
    are recorded; the content never is."""
    if not has_role(user, Role.PRIVACY_OFFICER):
        raise Refused("only the privacy officer opens an incident's evidence")
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(f"reason: say why you open it, in at most {MAX_REASON} characters")
    evidence = evidence_get(ref=ref)
    actor = actor_for(user)
    opened = notes_open(actor=actor, purpose=INCIDENT_PURPOSE, owner=ref, via="safety")
    if opened.refused is not None:
        raise Conflict(f"evidence {ref} can no longer be opened ({opened.refused.value})")
    text = next((n.text for n in opened.notes if n.kind == TEXT), "")
    encoded = next((n.text for n in opened.notes if n.kind == FILE), None)
    try:
        content = base64.b64decode(encoded, validate=True) if encoded is not None else None
    except binascii.Error:
        raise Conflict(f"evidence {ref}: the sealed file is damaged") from None
    audit_record(
        actor=actor,
        action="safety.evidence.open",
        detail={"incident": evidence.incident.ref, "evidence": ref, "reason": reason},
    )
    return OpenedEvidence(evidence, text, content)


def _years_after(moment: datetime, years: int) -> datetime:
    """The same moment `years` later; 29 February becomes 28 February."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def retention_years() -> int:
    try:
        return policy_active().incidents.retention_years
    except PolicyNotLoaded:
        return Incidents().retention_years


def evidence_dispose_due(*, now: datetime) -> list[Incident]:
    """Closed incidents with evidence whose retention has ended."""
    years = retention_years()
    closed = Incident.objects.filter(
        status=IncidentStatus.CLOSED, evidence__isnull=False
    ).distinct()
    return [i for i in closed.order_by("closed_at") if _years_after(i.closed_at, years) <= now]  # type: ignore[arg-type]


def evidence_sweep(*, now: datetime | None = None) -> int:
    """Disposes of the evidence of every closed incident past its retention: the keys are
    destroyed first (committed in the key store, so a failure later leaves only unreadable
    notes and the next sweep finishes), then the rows deleted. Returns the items disposed of."""
    now = now or timezone.now()
    disposed = 0
    for incident in evidence_dispose_due(now=now):
        refs = list(incident.evidence.values_list("ref", flat=True))
        note_owners_dispose(actor=ACTOR, owners=refs, reason="retention_expired")
        disposed += _disposal_record(incident, refs, now)
    return disposed


@transaction.atomic
def _disposal_record(incident: Incident, refs: list[str], now: datetime) -> int:
    deleted = IncidentEvidence.objects.filter(incident=incident, ref__in=refs).delete()[0]
    record, created = EvidenceDisposal.objects.get_or_create(
        incident=incident, defaults={"disposed_at": now, "items": deleted}
    )
    if not created:
        record.items += deleted
        record.save(update_fields=["items"])
    audit_record(
        actor=ACTOR,
        action="safety.evidence.dispose",
        detail={"incident": incident.ref, "items": deleted, "reason": "retention_expired"},
    )
    return deleted
