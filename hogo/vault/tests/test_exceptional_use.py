"""Use beyond the purposes under a statutory exception (APPI Art. 18(3)): officer only, a cited
ground, an explanation, a record and one audit event; everything but the purpose check holds."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import subjects_access, subjects_access_excepted
from hogo.vault.exceptions import USE_GROUNDS
from hogo.vault.models import ExceptionalUse
from hogo.vault.records import ItemIn, RefusalReason
from hogo.vault.services import subject_suspend

URL = "/api/v1/subjects/exception-access"
WHY = "Police request under the Code of Criminal Procedure Art. 197(2), letter no. 2026-41"


def inquirer() -> str:
    """Someone who only asked a question: the campaign purpose is not theirs."""
    return register(
        "taro@example.jp",
        channel="inquiry",
        purposes=(INQUIRY,),
        items=(ItemIn("message", None, "質問です"),),
    ).subject_id


def test_it_lists_the_six_grounds_of_article_18_3_with_both_titles() -> None:
    assert [g.id for g in USE_GROUNDS] == [
        f"art18-3-{n}" for n in ["i", "ii", "iii", "iv", "v", "vi"]
    ]
    assert all(g.title_ja.endswith(("場合", "とき", "）")) and g.title_en for g in USE_GROUNDS)
    assert USE_GROUNDS[0].article == "APPI Art. 18(3)(i)"


def test_it_reads_a_subject_whose_acquisitions_do_not_allow_the_purpose(policy: Policy) -> None:
    subject_id = inquirer()
    ordinary = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id])
    assert [r.reason for r in ordinary.refused] == [RefusalReason.PURPOSE_NOT_ALLOWED]

    access = subjects_access_excepted(
        actor=ACTOR,
        purpose=CAMPAIGN,
        subject_ids=[subject_id],
        exception="art18-3-i",
        explanation=WHY,
    )
    (view,) = access.result.items
    assert view.identifiers["email"] == "taro@example.jp"
    assert "message" not in view.data  # the campaign purpose does not use inquiry messages
    record = ExceptionalUse.objects.get(ref=access.record_id)
    assert (record.ground, record.purpose, record.explanation) == ("art18-3-i", CAMPAIGN, WHY)
    assert record.subjects == [subject_id]
    event = AuditEvent.objects.get(action="vault.access.exception")
    assert event.detail["ground"] == "art18-3-i"
    assert event.detail["record"] == access.record_id
    assert WHY not in str(event.detail)  # the explanation stays in the record


def test_it_still_refuses_a_suspended_subject(policy: Policy) -> None:
    subject_id = inquirer()
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=None)
    access = subjects_access_excepted(
        actor=ACTOR,
        purpose=CAMPAIGN,
        subject_ids=[subject_id, "sub_aaaaaaaaaaaaaaaa"],
        exception="art18-3-ii",
        explanation=WHY,
    )
    assert access.result.items == []
    assert [r.reason for r in access.result.refused] == [
        RefusalReason.NOT_FOUND,
        RefusalReason.SUSPENDED,
    ]


@pytest.mark.parametrize(
    ("exception", "explanation", "message"),
    [
        ("art27-1-i", WHY, "exception: must be one of"),
        ("art18-3-vii", WHY, "exception: must be one of"),
        ("art18-3-i", "   ", "explanation: say why"),
        ("art18-3-i", "x" * 2001, "explanation: say why"),
    ],
)
def test_it_refuses_an_unknown_ground_or_a_missing_explanation_and_records_nothing(
    policy: Policy, exception: str, explanation: str, message: str
) -> None:
    subject_id = inquirer()
    with pytest.raises(InvalidInput, match=message):
        subjects_access_excepted(
            actor=ACTOR,
            purpose=CAMPAIGN,
            subject_ids=[subject_id],
            exception=exception,
            explanation=explanation,
        )
    assert not ExceptionalUse.objects.exists()
    assert not AuditEvent.objects.filter(action="vault.access.exception").exists()


class TestApi:
    def body(self, subject_id: str, **change: Any) -> dict[str, Any]:
        return {
            "subject_ids": [subject_id],
            "exception": "art18-3-iv",
            "explanation": WHY,
            **change,
        }

    def post(self, client: Client, body: dict[str, Any], purpose: str | None = CAMPAIGN) -> Any:
        headers = {"X-Hogo-Purpose": purpose} if purpose else {}
        return client.post(URL, body, content_type="application/json", headers=headers)

    def test_it_reads_for_the_officer_with_the_record_id(
        self, policy: Policy, api_as: Callable[[User], Client], officer: User
    ) -> None:
        subject_id = inquirer()
        response = self.post(api_as(officer), self.body(subject_id))
        assert response.status_code == 200
        body = response.json()
        assert body["exception"] == "art18-3-iv"
        assert body["record_id"].startswith("exu_")
        assert body["items"][0]["identifiers"]["email"] == "taro@example.jp"

    def test_it_forbids_everyone_but_the_officer(
        self,
        policy: Policy,
        api_as: Callable[[User], Client],
        marketing_user: User,
        desk_operator: User,
        outsider: User,
    ) -> None:
        subject_id = inquirer()
        for user in (marketing_user, desk_operator, outsider):
            response = self.post(api_as(user), self.body(subject_id))
            assert response.status_code == 403
        assert not ExceptionalUse.objects.exists()

    def test_it_needs_the_purpose_header_and_an_explanation(
        self, policy: Policy, api_as: Callable[[User], Client], officer: User
    ) -> None:
        subject_id = inquirer()
        client = api_as(officer)
        assert self.post(client, self.body(subject_id), purpose=None).status_code == 400
        response = self.post(client, self.body(subject_id, explanation=""))
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "explanation_required"
        assert self.post(client, self.body(subject_id), purpose="nope").status_code == 400

    def test_it_lists_the_grounds(
        self, policy: Policy, api_as: Callable[[User], Client], auditor: User
    ) -> None:
        response = api_as(auditor).get("/api/v1/subjects/exception-grounds")
        assert response.status_code == 200
        assert response.json()[1]["article"] == "APPI Art. 18(3)(ii)"


def test_the_console_shows_the_records_to_the_officer_and_auditors_only(
    policy: Policy, officer: User, auditor: User, desk_operator: User
) -> None:
    subjects_access_excepted(
        actor=ACTOR,
        purpose=CAMPAIGN,
        subject_ids=[inquirer()],
        exception="art18-3-ii",
        explanation=WHY,
    )
    url = "/console/admin/vault/exceptionaluse/"
    for user, status in ((officer, 200), (auditor, 200), (desk_operator, 403)):
        client = Client()
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == status
        if status == 200:
            assert "art18-3-ii" in page.content.decode()
