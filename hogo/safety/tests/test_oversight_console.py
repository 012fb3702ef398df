"""The oversight pages of the console, in English and Japanese: an incident's sealed evidence
(attach, open with a reason), the internal review (open, assess, act, close after a
confirmation, the report) and the contractors (selection assessment, supervision due)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.safety.oversight_models import IncidentEvidence, Review
from hogo.safety.review import CHECKLIST
from hogo.share.models import RecipientKind
from hogo.tests.safety import reported
from hogo.tests.share import agreement, recipient

pytestmark = pytest.mark.django_db
LOG = "2026-03-02T09:58:11+09:00 203.0.113.77 POST /login 401\n"


def browser_for(user: User, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def test_the_officer_attaches_and_opens_evidence_with_a_reason(
    policy: Policy, officer: User, auditor: User
) -> None:
    incident = reported(timezone.now() - timedelta(days=1))
    client = browser_for(officer)
    url = f"/console/safety/{incident.ref}/evidence/"
    response = client.post(
        url,
        {
            "label": "Firewall log",
            "text": LOG,
            "file": SimpleUploadedFile("fw.log", LOG.encode(), "text/plain"),
        },
    )
    assert response.status_code == 302, response.content.decode()
    evidence = IncidentEvidence.objects.get()
    page = client.get(url).content.decode()
    assert "Firewall log" in page
    assert "203.0.113.77" not in page
    opened = client.post(
        f"{url}{evidence.ref}/open/", {"reason": "Find the source", "part": "text"}
    )
    assert "203.0.113.77" in opened.content.decode()
    assert "no-store" in opened["Cache-Control"]
    download = client.post(f"{url}{evidence.ref}/open/", {"reason": "Keep a copy", "part": "file"})
    assert download.content == LOG.encode()
    reasons = [e.detail["reason"] for e in AuditEvent.objects.filter(action="safety.evidence.open")]
    assert reasons == ["Find the source", "Keep a copy"]
    refused = client.post(f"{url}{evidence.ref}/open/", {"reason": "", "part": "text"})
    assert refused.status_code == 302
    assert AuditEvent.objects.filter(action="safety.evidence.open").count() == 2
    # The auditor sees what is held, never the content, and cannot open or attach.
    seen = browser_for(auditor, "ja").get(url).content.decode()
    assert "Firewall log" in seen
    assert "閲覧する理由" not in seen
    assert (
        browser_for(auditor).post(f"{url}{evidence.ref}/open/", {"reason": "x"}).status_code == 403
    )
    assert browser_for(auditor).post(url, {"label": "x", "text": "y"}).status_code == 403
    assert client.get("/console/safety/inc_aaaaaaaaaaaaaaaa/evidence/").status_code == 404


def test_a_review_in_the_console_from_opening_to_its_report(
    policy: Policy, officer: User, desk_operator: User, outsider: User
) -> None:
    client = browser_for(officer)
    assert client.post("/console/safety/reviews/new/").status_code == 302
    review = Review.objects.get()
    url = f"/console/safety/reviews/{review.ref}/"
    page = client.get(url).content.decode()
    assert "Technical measures" in page
    assert "Audit log chain (hogo audit verify)" in page
    assert "intact" in page
    japanese = browser_for(officer, "ja").get(url).content.decode()
    assert "技術的安全管理措置" in japanese
    assert policy.safety.technical.ja in japanese
    for position in range(1, len(CHECKLIST) + 1):
        result = {"result": "finding", "note": "No MFA."} if position == 11 else {"result": "ok"}
        assert client.post(f"{url}items/{position}/", result).status_code == 302
    bad = client.post(f"{url}items/11/actions/", {"description": "Turn on MFA."})
    assert bad.status_code == 302
    assert "needs a description, an owner and a due day" in client.get(url).content.decode()
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    client.post(
        f"{url}items/11/actions/",
        {"description": "Turn on MFA.", "owner": desk_operator.pk, "due_on": due},
    )
    action = review.items.get(position=11).actions.get()
    client.post(f"{url}actions/{action.pk}/done/", {"note": "MFA on since today."})
    confirm = client.post(f"{url}close/", {"conclusion": "Well kept."})
    assert "can no longer change" in confirm.content.decode()
    assert Review.objects.get().status == "open"
    client.post(f"{url}close/", {"conclusion": "Well kept.", "confirmed": "1"})
    assert Review.objects.get().status == "closed"
    report = client.get(f"{url}report.pdf")
    assert report["Content-Type"] == "application/pdf"
    assert browser_for(outsider).get(url).status_code == 403
    assert client.get("/console/safety/reviews/rev_aaaaaaaaaaaaaaaa/").status_code == 404


def test_the_contractor_page_and_the_assessment_form(
    policy: Policy, officer: User, auditor: User
) -> None:
    contractor = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing KK")
    client = browser_for(officer)
    page = client.get("/console/safety/contractors/").content.decode()
    assert "not assessed: no agreement can be recorded" in page
    url = f"/console/safety/contractors/{contractor.ref}/assess/"
    criteria = policy.outsourcing.selection_criteria
    form = client.get(url).content.decode()
    assert criteria[0].en in form
    answers = {"assessed_on": timezone.localdate().isoformat()}
    for n in range(1, len(criteria) + 1):
        answers[f"met_{n}"] = "yes"
        answers[f"note_{n}"] = ""
    answers["met_2"] = "no"
    missing = client.post(url, answers).content.decode()
    assert "say why criterion 2 is not met" in missing
    answers["met_2"] = "yes"
    assert client.post(url, answers).status_code == 302
    agreement(contractor)
    japanese = browser_for(auditor, "ja").get("/console/safety/contractors/").content.decode()
    assert "適切（" in japanese
    assert "監督の記録なし" in japanese
    assert "締結の委託契約: 監督の記録なし" in japanese  # the agreement by its date, not its ref
    assert browser_for(auditor).get(url).status_code == 403
    assert client.get("/console/safety/contractors/rcp_aaaaaaaaaaaaaaaa/assess/").status_code == 404
