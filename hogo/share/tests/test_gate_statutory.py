"""Provision under a statutory exception (APPI Art. 27(1)(i)-(vii)): a basis of its own, for
the privacy officer only, citing a ground of the fixed list with an explanation; recorded and
audited although the law asks no Art. 29 record of it."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.consent.models import ConsentKind
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.share.exceptions import PROVISION_GROUNDS
from hogo.share.export import records_csv
from hogo.share.gate import provision_make
from hogo.share.models import Basis, Provision, RecipientKind
from hogo.share.selectors import provision_records_for, record_rows
from hogo.tests.share import ACTOR, CAMPAIGN, consent, person, recipient, unpack
from hogo.vault.provision import subject_provision_stop

ITEMS = ["name", "email"]
WHY = "Written inquiry from the prefectural police under Art. 197(2), letter no. 2026-41"
API = "/api/v1/share"


def provide(recipient_id: str, subject_ids: list[str], **change: Any) -> Any:
    arguments: dict[str, Any] = {
        "actor": ACTOR,
        "recipient_id": recipient_id,
        "purpose": CAMPAIGN,
        "subject_ids": subject_ids,
        "categories": ITEMS,
        "basis": Basis.STATUTORY,
        "exception": "art27-1-i",
        "explanation": WHY,
        **change,
    }
    return provision_make(**arguments)


def test_it_lists_the_seven_grounds_of_article_27_1() -> None:
    items = ["i", "ii", "iii", "iv", "v", "vi", "vii"]
    assert [g.id for g in PROVISION_GROUNDS] == [f"art27-1-{n}" for n in items]
    assert PROVISION_GROUNDS[6].article == "APPI Art. 27(1)(vii)"
    assert "学術研究の成果の公表又は教授" in PROVISION_GROUNDS[4].title_ja
    assert "jointly" in PROVISION_GROUNDS[5].title_en


def test_it_provides_without_consent_or_despite_a_stop_and_keeps_its_own_record(
    policy: Policy,
) -> None:
    police = recipient(name="Prefectural Police")
    silent = person("silent@example.jp")
    stopped = person("stopped@example.jp")
    subject_provision_stop(actor=ACTOR, subject_id=stopped)

    result = provide(police.ref, [silent, stopped])

    assert result.provided == [silent, stopped]
    assert result.basis == Basis.STATUTORY
    provision = Provision.objects.get(ref=result.provision_id)
    assert (provision.exception, provision.explanation) == ("art27-1-i", WHY)
    manifest, data = unpack(result.package)
    assert manifest["basis"] == "statutory"
    assert "silent@example.jp" in data
    event = AuditEvent.objects.get(action="share.provide")
    assert event.detail["exception"] == "art27-1-i"
    assert len(event.detail["explanation_sha256"]) == 64
    assert WHY not in str(event.detail)
    (row, _) = list(record_rows())
    assert row.exception == "art27-1-i"
    assert b"art27-1-i" in records_csv([row])


def test_it_leaves_it_out_of_the_persons_disclosure_of_provision_records(
    policy: Policy,
) -> None:
    police = recipient(name="Prefectural Police")
    events = recipient(name="Kansai Events KK")
    subject = person()
    consent(subject, ConsentKind.RECIPIENT, events.ref)
    provide(police.ref, [subject])
    provide(events.ref, [subject], basis=None, exception=None, explanation="")
    assert [r.recipient_name for r in provision_records_for(subject_id=subject)] == [
        "Kansai Events KK"
    ]


def test_it_works_with_any_registered_recipient_but_still_the_vaults_purpose_check(
    policy: Policy,
) -> None:
    contractor = recipient(RecipientKind.CONTRACTOR, name="Print Co")
    inquirer = person("q@example.jp", channel="inquiry", purposes=("inquiry-response",), items=())
    result = provide(contractor.ref, [inquirer])
    assert result.provided == []
    assert [r.reason.value for r in result.refused] == ["purpose_not_allowed"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"exception": None}, "exception: must be one of"),
        ({"exception": "art18-3-i"}, "exception: must be one of"),
        ({"explanation": " "}, "explanation: say why"),
        ({"explanation": "x" * 2001}, "explanation: say why"),
        ({"basis": None}, "only with basis statutory"),
        ({"basis": None, "exception": None}, "only with basis statutory"),
    ],
)
def test_it_refuses_a_missing_ground_or_explanation_and_records_nothing(
    policy: Policy, change: dict[str, Any], message: str
) -> None:
    police = recipient(name="Prefectural Police")
    with pytest.raises(InvalidInput, match=message):
        provide(police.ref, [person()], **change)
    assert not Provision.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="share.provi").exists()


class TestApi:
    def body(self, recipient_id: str, subject_id: str) -> dict[str, Any]:
        return {
            "recipient": recipient_id,
            "purpose": CAMPAIGN,
            "subjects": [subject_id],
            "categories": ITEMS,
            "basis": "statutory",
            "exception": "art27-1-ii",
            "explanation": WHY,
        }

    def test_it_provides_for_the_officer_and_shows_the_ground(
        self, policy: Policy, api_as: Callable[[User], Client], officer: User
    ) -> None:
        client = api_as(officer)
        police = recipient(name="Fire Department")
        answer = client.post(
            f"{API}/provisions", self.body(police.ref, person()), content_type="application/json"
        )
        assert answer.status_code == 201
        read = client.get(f"{API}/provisions/{answer.json()['provision_id']}").json()
        assert (read["basis"], read["exception"], read["explanation"]) == (
            "statutory",
            "art27-1-ii",
            WHY,
        )

    def test_it_forbids_everyone_but_the_officer(
        self,
        policy: Policy,
        api_as: Callable[[User], Client],
        auditor: User,
        desk_operator: User,
        marketing_user: User,
    ) -> None:
        police = recipient(name="Fire Department")
        body = self.body(police.ref, person())
        for user in (auditor, desk_operator, marketing_user):
            answer = api_as(user).post(f"{API}/provisions", body, content_type="application/json")
            assert answer.status_code == 403
        assert not Provision.objects.exists()

    def test_it_answers_400_without_an_explanation(
        self, policy: Policy, api_as: Callable[[User], Client], officer: User
    ) -> None:
        police = recipient(name="Fire Department")
        body = {**self.body(police.ref, person()), "explanation": ""}
        answer = api_as(officer).post(f"{API}/provisions", body, content_type="application/json")
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "explanation_required"

    def test_it_lists_the_grounds_with_both_titles(
        self, policy: Policy, api_as: Callable[[User], Client], auditor: User
    ) -> None:
        grounds = api_as(auditor).get(f"{API}/exception-grounds").json()
        assert grounds[0]["id"] == "art27-1-i"
        assert grounds[0]["title_ja"] == "法令（条例を含む。）に基づく場合"
