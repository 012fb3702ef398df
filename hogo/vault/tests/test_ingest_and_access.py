import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput, Refused
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import subjects_access
from hogo.vault.models import Acquisition, Item, Subject
from hogo.vault.records import ItemIn, RefusalReason


def test_it_returns_what_was_stored_for_the_stated_purpose(policy: Policy) -> None:
    stored = register()
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="hanako.yamada@example.jp")
    assert result.refused == []
    [view] = result.items
    assert view.subject_id == stored.subject_id
    assert view.identifiers == {"email": "hanako.yamada@example.jp", "name": "山田 花子"}
    assert view.data == {"organization": "Mitsuboshi Denki"}


def test_it_attaches_a_known_email_to_the_same_subject(policy: Policy) -> None:
    first = register()
    second = register(
        "Hanako.Yamada@EXAMPLE.jp",
        channel="inquiry",
        purposes=(INQUIRY,),
        items=(ItemIn("message", None, "CC-Link IE TSN の認証について"),),
    )
    assert second.subject_id == first.subject_id
    assert (first.created, second.created) == (True, False)
    assert Subject.objects.count() == 1
    assert Acquisition.objects.count() == 2


def test_it_finds_people_by_normalized_email_written_in_full_width(policy: Policy) -> None:
    register()
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="ＨＡＮＡＫＯ.yamada@example.jp")
    assert len(result.items) == 1


def test_it_returns_only_the_categories_of_acquisitions_for_that_purpose(policy: Policy) -> None:
    """An inquiry's text is not handed to a campaign, even for the same person."""
    register()
    register(
        channel="inquiry",
        purposes=(INQUIRY,),
        items=(ItemIn("message", None, "認証試験の費用を教えてください"),),
    )
    [view] = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="hanako.yamada@example.jp").items
    assert "message" not in view.data
    [view] = subjects_access(actor=ACTOR, purpose=INQUIRY, email="hanako.yamada@example.jp").items
    assert view.data == {"message": "認証試験の費用を教えてください"}


def test_it_refuses_a_purpose_no_acquisition_allows(policy: Policy) -> None:
    stored = register()
    result = subjects_access(actor=ACTOR, purpose=INQUIRY, subject_ids=[stored.subject_id])
    assert result.items == []
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (stored.subject_id, RefusalReason.PURPOSE_NOT_ALLOWED)
    ]


def test_it_refuses_unknown_ids_and_unknown_emails_as_not_found(policy: Policy) -> None:
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=["sub_nobody"])
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        ("sub_nobody", RefusalReason.NOT_FOUND)
    ]
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="nobody@example.jp")
    assert [(r.subject_id, r.reason) for r in result.refused] == [(None, RefusalReason.NOT_FOUND)]


def test_it_rejects_an_unknown_purpose(policy: Policy) -> None:
    with pytest.raises(InvalidInput, match="not a purpose of the active policy"):
        subjects_access(actor=ACTOR, purpose="marketing", email="a@example.jp")


def test_it_records_one_audit_event_per_access_with_pseudonymous_ids_only(
    policy: Policy,
) -> None:
    a = register("a@example.jp")
    b = register("b@example.jp")
    before = AuditEvent.objects.count()
    subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[a.subject_id, b.subject_id, "x"])
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    assert (event.action, event.purpose) == ("vault.access", CAMPAIGN)
    assert event.subjects == [a.subject_id, b.subject_id]
    assert event.detail["returned"] == 2
    assert event.detail["refused"] == {"not_found": 1}
    assert "example.jp" not in str(event.detail)


def test_it_stores_values_only_as_ciphertext(policy: Policy) -> None:
    register()
    for sealed in Item.objects.values_list("sealed", flat=True):
        assert b"example.jp" not in bytes(sealed)
        assert "山田".encode() not in bytes(sealed)


def test_it_refuses_special_care_data_without_consent(policy: Policy) -> None:
    with pytest.raises(Refused, match="explicit consent") as caught:
        register(items=(ItemIn("special_requirements", "health", "ナッツアレルギー"),))
    assert caught.value.code == "special_care_without_consent"
    assert Subject.objects.count() == 0


def test_it_stores_special_care_data_with_consent_and_returns_it(policy: Policy) -> None:
    register(items=(ItemIn("special_requirements", "health", "ナッツアレルギー", "consent_17"),))
    [view] = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="hanako.yamada@example.jp").items
    assert view.data == {"special_requirements": "ナッツアレルギー"}


def test_it_rejects_fields_the_channel_does_not_have_naming_the_field_not_the_value(
    policy: Policy,
) -> None:
    with pytest.raises(InvalidInput) as caught:
        register(items=(ItemIn("hobby", None, "secret hobby"),))
    assert "items[0](hobby): not a field of channel" in caught.value.message
    assert "secret hobby" not in caught.value.message


def test_it_rejects_a_malformed_email_without_repeating_it(policy: Policy) -> None:
    with pytest.raises(InvalidInput) as caught:
        register("hanako at example")
    assert caught.value.message == "identifiers.email: is not an e-mail address"
