"""Until a person agrees, a purpose added after their data was acquired is refused for them
(`consent_missing`) and a purpose's new categories are left out; agreeing opens them, and
withdrawing closes them again. People acquired under the version that already had the purpose
are untouched."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.consent.models import Consent, ConsentKind
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.schema import Policy
from hogo.policy.services import policy_file_read, policy_load
from hogo.reconsent.models import Answer, ConsentRequest
from hogo.reconsent.selectors import campaign_get, campaigns
from hogo.reconsent.services import request_answer, requests_queue
from hogo.tests.reconsent import (
    ACTOR,
    ADDED,
    ADDRESS,
    CAMPAIGN,
    CONTRACT,
    HANAKO,
    MEMBER_SITE,
    ORIGIN,
    TARO,
    contract,
    event_guest,
    version_1_text,
)
from hogo.vault.access import notes_open, subjects_access
from hogo.vault.models import PurposeConsent
from hogo.vault.records import AccessRefusal, RefusalReason


def read(purpose: str, subject_id: str) -> tuple[dict[str, str], list[AccessRefusal]]:
    result = subjects_access(actor=ACTOR, purpose=purpose, subject_ids=[subject_id])
    values = {**result.items[0].identifiers, **result.items[0].data} if result.items else {}
    return values, result.refused


def answer(subject_id: str, purpose: str, what: Answer) -> ConsentRequest:
    found = ConsentRequest.objects.filter(subject__ref=subject_id, purpose=purpose).first()
    if found is None:
        campaign = campaign_get(version=2, purpose=purpose)
        requests_queue(actor=ACTOR, version=campaign.version, purpose=purpose, origin=ORIGIN)
        found = ConsentRequest.objects.get(subject__ref=subject_id, purpose=purpose)
    return request_answer(ref=found.ref, answer=what, lang="ja")


@pytest.fixture
def hanako(version_1: Policy, load_version_2: Callable[[], Policy]) -> str:
    subject_id = contract(HANAKO)
    load_version_2()
    return subject_id


def test_it_refuses_the_added_purpose_as_consent_missing_before_consent(hanako: str) -> None:
    values, refused = read(ADDED, hanako)
    assert values == {}
    assert refused == [AccessRefusal(hanako, RefusalReason.CONSENT_MISSING)]


def test_it_opens_the_added_purpose_once_the_person_agrees(hanako: str) -> None:
    request = answer(hanako, ADDED, Answer.AGREED)
    values, refused = read(ADDED, hanako)
    assert refused == []
    assert values == {"email": HANAKO, "name": "山田 花子", "organization": "三ツ星電機"}
    consent = Consent.objects.get(ref=request.consent_ref)
    assert (consent.kind, consent.target, consent.policy_version) == (ConsentKind.PURPOSE, ADDED, 2)


def test_it_refuses_the_added_purpose_again_after_withdrawal(hanako: str) -> None:
    answer(hanako, ADDED, Answer.AGREED)
    answer(hanako, ADDED, Answer.WITHDRAWN)
    values, refused = read(ADDED, hanako)
    assert values == {}
    assert refused == [AccessRefusal(hanako, RefusalReason.CONSENT_MISSING)]
    assert not PurposeConsent.objects.filter(withdrawn_at__isnull=True).exists()


def test_it_keeps_refusing_after_a_decline(hanako: str) -> None:
    request = answer(hanako, ADDED, Answer.DECLINED)
    assert request.answer == Answer.DECLINED
    assert read(ADDED, hanako)[1] == [AccessRefusal(hanako, RefusalReason.CONSENT_MISSING)]
    assert not Consent.objects.filter(target=ADDED).exists()


def test_it_hides_the_widened_category_until_the_person_agrees(hanako: str) -> None:
    before, refused = read(MEMBER_SITE, hanako)
    assert refused == []
    assert "postal_address" not in before
    assert before["organization"] == "三ツ星電機"  # what the member site always had
    answer(hanako, MEMBER_SITE, Answer.AGREED)
    after, _ = read(MEMBER_SITE, hanako)
    assert after["postal_address"] == ADDRESS


def test_it_hides_the_widened_category_again_after_withdrawal_and_keeps_the_rest(
    hanako: str,
) -> None:
    answer(hanako, MEMBER_SITE, Answer.AGREED)
    answer(hanako, MEMBER_SITE, Answer.WITHDRAWN)
    values, refused = read(MEMBER_SITE, hanako)
    # The member site does not rest on consent: withdrawing takes back only the new category.
    assert refused == []
    assert "postal_address" not in values
    assert values["organization"] == "三ツ星電機"


def test_it_leaves_people_acquired_under_the_version_with_the_purpose_untouched(
    version_1: Policy, load_version_2: Callable[[], Policy]
) -> None:
    guest = event_guest()
    load_version_2()
    newcomer = contract(HANAKO, purposes=(CONTRACT, MEMBER_SITE, ADDED))
    values, refused = read(ADDED, newcomer)
    assert refused == []
    assert values["organization"] == "三ツ星電機"
    values, refused = read(MEMBER_SITE, newcomer)
    assert refused == []
    assert values["postal_address"] == ADDRESS
    values, refused = read(CAMPAIGN, guest)
    assert refused == []
    assert values["email"] == TARO
    values, refused = read(CONTRACT, contract("x@example.jp", purposes=(CONTRACT,)))
    assert refused == []
    assert values["postal_address"] == ADDRESS


def test_it_does_not_touch_reads_of_the_unchanged_purposes(hanako: str) -> None:
    values, refused = read(CONTRACT, hanako)
    assert refused == []
    assert values["postal_address"] == ADDRESS


def test_it_refuses_to_decline_after_agreeing_and_to_withdraw_without_consent(
    hanako: str,
) -> None:
    with pytest.raises(Conflict, match="no consent to withdraw"):
        answer(hanako, ADDED, Answer.WITHDRAWN)
    answer(hanako, ADDED, Answer.AGREED)
    with pytest.raises(Conflict, match="withdraw it instead"):
        answer(hanako, ADDED, Answer.DECLINED)


def test_it_records_one_audit_event_for_each_answer(hanako: str) -> None:
    answer(hanako, ADDED, Answer.DECLINED)
    answer(hanako, ADDED, Answer.AGREED)
    answer(hanako, ADDED, Answer.WITHDRAWN)
    actions = list(
        AuditEvent.objects.filter(actor=f"subject:{hanako}")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions[0] == "reconsent.decline"
    assert actions.count("consent.give") == 1
    assert actions.count("consent.withdraw") == 1
    assert actions.count("vault.purpose_consent.open") == 1
    assert actions.count("vault.purpose_consent.close") == 1


def test_it_refuses_a_purpose_made_consent_only_until_the_person_agrees(
    version_1: Policy, tmp_path: Path
) -> None:
    hanako = contract(HANAKO)
    text = version_1_text().replace(
        "retention_years = 5\nconsent_required = false",
        "retention_years = 5\nconsent_required = true",
        1,
    )
    path = tmp_path / "consent-only.toml"
    path.write_text(text, encoding="utf-8")
    policy_load(text=policy_file_read(path=path), note="test: member site needs consent")
    [campaign] = campaigns()
    assert campaign.kinds == ("consent_required_changed",)
    assert read(MEMBER_SITE, hanako)[1] == [AccessRefusal(hanako, RefusalReason.CONSENT_MISSING)]
    answer(hanako, MEMBER_SITE, Answer.AGREED)
    values, refused = read(MEMBER_SITE, hanako)
    assert refused == []
    assert values["email"] == HANAKO


def test_it_gates_a_persons_notes_like_their_values(hanako: str) -> None:
    assert notes_open(actor=ACTOR, purpose=ADDED, owner=hanako).refused == (
        RefusalReason.CONSENT_MISSING
    )
    answer(hanako, ADDED, Answer.AGREED)
    assert notes_open(actor=ACTOR, purpose=ADDED, owner=hanako).refused is None
    answer(hanako, ADDED, Answer.WITHDRAWN)
    assert notes_open(actor=ACTOR, purpose=ADDED, owner=hanako).refused == (
        RefusalReason.CONSENT_MISSING
    )


def test_it_refuses_an_unknown_request_or_answer(hanako: str) -> None:
    with pytest.raises(NotFound):
        request_answer(ref="rcq_aaaaaaaaaaaaaaaa", answer=Answer.AGREED, lang="ja")
    request = answer(hanako, ADDED, Answer.DECLINED)
    with pytest.raises(InvalidInput, match="answer"):
        request_answer(ref=request.ref, answer=Answer.NONE, lang="ja")
    with pytest.raises(InvalidInput, match="lang"):
        request_answer(ref=request.ref, answer=Answer.AGREED, lang="fr")
    assert not Consent.objects.filter(target=ADDED).exists()


def test_it_answers_an_integrator_403_consent_missing(
    hanako: str, officer: User, api_as: Callable[[User], Client]
) -> None:
    client = api_as(officer)
    response = client.get(f"/api/v1/subjects/{hanako}", headers={"X-Hogo-Purpose": ADDED})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "consent_missing"
    assert HANAKO not in response.content.decode()
    answer(hanako, ADDED, Answer.AGREED)
    response = client.get(f"/api/v1/subjects/{hanako}", headers={"X-Hogo-Purpose": ADDED})
    assert response.status_code == 200
    assert response.json()["identifiers"]["email"] == HANAKO
