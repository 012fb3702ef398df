from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from hogo.consent.models import Consent, ConsentKind
from hogo.consent.services import consent_give
from hogo.policy.schema import Policy
from hogo.tests.consent import ACTOR, CAMPAIGN, register

ApiAs = Callable[[User], Client]


def consent_for(policy: Policy) -> Consent:
    subject = register().subject_id
    return consent_give(
        actor=ACTOR,
        subject_id=subject,
        kind=ConsentKind.PURPOSE,
        target=CAMPAIGN,
        policy_version=policy.version or 0,
        evidence={"channel": "event-registration"},
    )


def test_it_lists_a_subjects_consents(policy: Policy, desk_operator: User, api_as: ApiAs) -> None:
    consent = consent_for(policy)
    response = api_as(desk_operator).get(f"/api/v1/consents?subject={consent.subject.ref}")
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["ref"] == consent.ref
    assert item["kind"] == "purpose"
    assert item["target"] == CAMPAIGN
    assert item["active"] is True
    assert item["evidence"] == {"channel": "event-registration"}


def test_it_lets_auditors_read_but_not_withdraw(
    policy: Policy, auditor: User, api_as: ApiAs
) -> None:
    consent = consent_for(policy)
    client = api_as(auditor)
    assert client.get(f"/api/v1/consents/{consent.ref}").status_code == 200
    response = client.post(f"/api/v1/consents/{consent.ref}/withdraw")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_it_withdraws_through_the_api(policy: Policy, officer: User, api_as: ApiAs) -> None:
    consent = consent_for(policy)
    response = api_as(officer).post(f"/api/v1/consents/{consent.ref}/withdraw")
    assert response.status_code == 200
    assert response.json()["active"] is False
    consent.refresh_from_db()
    assert consent.withdrawn_by == f"user:{officer.pk}"


def test_it_records_a_consent_given_on_paper(policy: Policy, officer: User, api_as: ApiAs) -> None:
    subject = register().subject_id
    response = api_as(officer).post(
        "/api/v1/consents",
        {
            "subject_id": subject,
            "kind": "special_care",
            "target": "health",
            "policy_version": policy.version,
            "evidence": {"method": "paper_form", "document": "scan-2026-0042"},
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["evidence"] == {
        "method": "paper_form",
        "document": "scan-2026-0042",
        "caller": f"user:{officer.pk}",
    }


def test_it_refuses_outsiders(policy: Policy, outsider: User, api_as: ApiAs) -> None:
    consent = consent_for(policy)
    client = api_as(outsider)
    assert client.get(f"/api/v1/consents?subject={consent.subject.ref}").status_code == 403
    assert client.post(f"/api/v1/consents/{consent.ref}/withdraw").status_code == 403
    consent.refresh_from_db()
    assert consent.active


def test_it_answers_404_for_unknown_refs(policy: Policy, officer: User, api_as: ApiAs) -> None:
    client = api_as(officer)
    response = client.post("/api/v1/consents/con_unknown/withdraw")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/consents?subject=sub_unknown").status_code == 404


def test_it_rejects_bad_input(policy: Policy, officer: User, api_as: ApiAs) -> None:
    subject = register().subject_id
    response = api_as(officer).post(
        "/api/v1/consents",
        {"subject_id": subject, "kind": "marketing", "target": CAMPAIGN, "policy_version": 1},
        content_type="application/json",
    )
    assert response.status_code == 422
    response = api_as(officer).post(
        "/api/v1/consents",
        {
            "subject_id": subject,
            "kind": "purpose",
            "target": CAMPAIGN,
            "policy_version": policy.version,
            "evidence": {"comment": "she said yes"},
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
