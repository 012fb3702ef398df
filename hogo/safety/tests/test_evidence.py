"""Evidence of an incident (policy 6.4): sealed in the vault under a key of its own, opened
only by the privacy officer with a reason (audited, the reason in the event, never the
content), and disposed of by crypto-shredding when the closed incident's retention ends."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput, Refused
from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.evidence import EvidenceIn, evidence_attach, evidence_open, evidence_sweep
from hogo.safety.models import Incident
from hogo.safety.oversight_models import EvidenceDisposal, IncidentEvidence
from hogo.safety.services import incident_close
from hogo.tests.safety import OFFICER, reported
from hogo.vault.models import DataKey, Note

pytestmark = pytest.mark.django_db
AWARE = datetime(2026, 3, 2, 10, tzinfo=JST)
LOG = "2026-03-02T09:58:11+09:00 203.0.113.77 POST /login 401 user=hanako\n"
CAPTURE = b"\x00\x01pcap 198.51.100.23 raw bytes\xff"


def attached(incident: Incident) -> IncidentEvidence:
    return evidence_attach(
        actor=OFFICER,
        incident_ref=incident.ref,
        given=EvidenceIn(
            label="Web server log around the break-in",
            text=LOG,
            file_name="capture.pcap",
            media_type="application/vnd.tcpdump.pcap",
            content=CAPTURE,
        ),
    )


def test_the_evidence_is_sealed_and_opens_for_the_officer_with_a_reason(
    policy: Policy, officer: User
) -> None:
    incident = reported(AWARE)
    evidence = attached(incident)
    assert (evidence.file_size, evidence.has_text) == (len(CAPTURE), True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed FROM vault_note WHERE owner = %s", [evidence.ref])
        sealed = b"".join(bytes(row[0]) for row in cursor.fetchall())
    assert sealed
    assert b"203.0.113.77" not in sealed
    assert b"198.51.100.23" not in sealed
    assert "203.0.113.77" not in str(list(IncidentEvidence.objects.values()))
    opened = evidence_open(user=officer, ref=evidence.ref, reason="Trace the attacker's address")
    assert (opened.text, opened.content) == (LOG, CAPTURE)
    event = AuditEvent.objects.filter(action="safety.evidence.open").get()
    assert event.actor == f"user:{officer.pk}"
    assert event.detail == {
        "incident": incident.ref,
        "evidence": evidence.ref,
        "reason": "Trace the attacker's address",
    }
    everything = str(list(AuditEvent.objects.values_list("detail", flat=True)))
    assert "203.0.113.77" not in everything
    assert "pcap" not in everything


def test_it_refuses_others_and_an_open_without_a_reason(
    policy: Policy, officer: User, auditor: User, desk_operator: User
) -> None:
    evidence = attached(reported(AWARE))
    for user in (auditor, desk_operator):
        with pytest.raises(Refused, match="only the privacy officer"):
            evidence_open(user=user, ref=evidence.ref, reason="curious")
    with pytest.raises(InvalidInput, match="reason: say why you open it"):
        evidence_open(user=officer, ref=evidence.ref, reason="  ")
    assert not AuditEvent.objects.filter(action__in=["safety.evidence.open", "vault.notes.open"])


def test_it_refuses_empty_or_too_large_evidence_and_a_closed_incident(policy: Policy) -> None:
    incident = reported(AWARE)
    with pytest.raises(InvalidInput, match="give a file, a text or both"):
        evidence_attach(actor=OFFICER, incident_ref=incident.ref, given=EvidenceIn(label="x"))
    big = EvidenceIn(label="dump", content=b"x" * 140_001, file_name="dump.bin")
    with pytest.raises(InvalidInput, match="at most 140 KB"):
        evidence_attach(actor=OFFICER, incident_ref=incident.ref, given=big)
    incident_close(actor=OFFICER, ref=reported(AWARE).ref)
    closed = Incident.objects.get(status="closed")
    with pytest.raises(Conflict, match="is closed"):
        evidence_attach(
            actor=OFFICER, incident_ref=closed.ref, given=EvidenceIn(label="x", text="y")
        )
    assert not IncidentEvidence.objects.exists()


def test_the_evidence_is_shredded_when_the_retention_ends(policy: Policy, officer: User) -> None:
    incident = reported(AWARE)
    evidence = attached(incident)
    incident_close(actor=OFFICER, ref=incident.ref)
    closed_at = Incident.objects.get().closed_at
    assert closed_at is not None
    five_years = closed_at.replace(year=closed_at.year + 5)
    assert evidence_sweep(now=five_years - timedelta(seconds=1)) == 0
    assert DataKey.objects.filter(subject_ref=evidence.ref).exists()
    assert evidence_sweep(now=five_years) == 1
    assert not DataKey.objects.filter(subject_ref=evidence.ref).exists()
    assert not Note.objects.filter(owner=evidence.ref).exists()
    assert not IncidentEvidence.objects.exists()
    assert EvidenceDisposal.objects.get().items == 1
    event = AuditEvent.objects.filter(action="safety.evidence.dispose").get()
    assert event.detail == {"incident": incident.ref, "items": 1, "reason": "retention_expired"}
    assert evidence_sweep(now=five_years + timedelta(days=1)) == 0
