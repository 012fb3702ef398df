"""Requests by post or through an agent: the desk records the evidence it checked (never an
image of a document) and answers by post when there is no e-mail address."""

import io
from datetime import timedelta

import pikepdf
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.desk.intake import Evidence, case_record
from hogo.desk.models import CaseStatus, StepStatus, VerificationMethod
from hogo.desk.services import case_approve
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.desk import HANDLE, ORIGIN, person
from hogo.tests.mail import committed

pytestmark = pytest.mark.django_db

AGENT = Evidence(
    document="drivers_license",
    agent="legal_representative",
    authority_document="family_register",
    copy_destroyed=True,
)


def test_it_records_an_agents_postal_disclosure_and_its_evidence(
    policy: Policy, desk_operator: User
) -> None:
    subject_id = person()
    received = timezone.now() - timedelta(days=3)
    with committed():
        case = case_record(
            actor=HANDLE,
            kind="disclosure",
            email="",
            language="ja",
            details={"delivery": "postal_mail"},
            received_at=received,
            evidence=AGENT,
            origin=ORIGIN,
            subject_id=subject_id,
        )
    assert case.status == CaseStatus.OPEN
    assert case.verification_method == VerificationMethod.STAFF_AGENT
    assert case.verification_evidence == {
        "document": "drivers_license",
        "agent": "legal_representative",
        "authority_document": "family_register",
        "copy_destroyed": True,
        "checked_by": HANDLE,
    }
    assert case.due_at == received + timedelta(days=14)  # counted from receipt

    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    deliver = case.steps.get(name="package_deliver")
    assert deliver.status == StepStatus.WAITING
    assert deliver.result["by_post"] is True

    client = Client()
    client.force_login(desk_operator)
    pdf = client.get(f"/console/desk/{case.ref}/print/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    with pikepdf.open(io.BytesIO(pdf.content)) as printable:  # no password: it is for paper
        assert not printable.is_encrypted
    assert AuditEvent.objects.filter(action="desk.package.print").count() == 1
    with committed():
        client.post(
            f"/console/desk/{case.ref}/posted/", {"step": "package_deliver", "confirmed": "yes"}
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED


def test_it_refuses_evidence_that_is_incomplete(policy: Policy) -> None:
    base = {
        "actor": HANDLE,
        "kind": "purpose_notification",
        "email": "a@example.jp",
        "language": "en",
        "details": {},
        "received_at": timezone.now(),
        "origin": ORIGIN,
    }
    with pytest.raises(InvalidInput, match="copy_destroyed"):
        case_record(**base, evidence=Evidence(document="passport"))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="agent kind and the authority document"):
        case_record(
            **base,  # type: ignore[arg-type]
            evidence=Evidence(document="passport", agent="appointed_agent", copy_destroyed=True),
        )
    with pytest.raises(InvalidInput, match=r"evidence\.document"):
        case_record(**base, evidence=Evidence(document="photo", copy_destroyed=True))  # type: ignore[arg-type]
