import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import subject_disclose, subjects_access, subjects_export
from hogo.vault.erasure import subject_erase
from hogo.vault.models import Item, Subject
from hogo.vault.records import ItemIn, RefusalReason, SubjectIn
from hogo.vault.services import (
    MAX_BATCH,
    special_care_consent_withdraw,
    subject_suspend,
    subjects_ingest,
)


def person(email: str, organization: str = "Mitsuboshi") -> SubjectIn:
    return SubjectIn({"email": email}, [ItemIn("organization", None, organization)])


def ingest(records: list[SubjectIn]) -> list[tuple[str, bool]]:
    results = subjects_ingest(
        actor=ACTOR, channel="directory-import", purposes=[CAMPAIGN], records=records
    )
    return [(r.subject_id, r.created) for r in results]


def test_it_ingests_a_batch_and_merges_the_same_person_within_it(policy: Policy) -> None:
    results = ingest([person("a@example.jp"), person("b@example.jp"), person("A@example.jp")])
    (a, a_new), (b, b_new), (again, again_new) = results
    assert (a_new, b_new, again_new) == (True, True, False)
    assert again == a
    assert a != b
    assert Subject.objects.count() == 2
    [event] = AuditEvent.objects.filter(action="vault.ingest")
    assert event.detail["subjects_created"] == 2
    assert event.detail["acquisitions"] == 3


def test_it_writes_nothing_when_one_record_is_bad_and_names_it(policy: Policy) -> None:
    with pytest.raises(InvalidInput) as caught:
        ingest([person("a@example.jp"), person("not an address"), SubjectIn({}, [])])
    assert caught.value.message == (
        "records[1].identifiers.email: is not an e-mail address; "
        "records[2].identifiers: give at least one of email, phone, name, member_number"
    )
    assert not Subject.objects.exists()
    assert not Item.objects.exists()


def test_it_limits_the_batch_size(policy: Policy) -> None:
    with pytest.raises(InvalidInput, match="between 1 and"):
        ingest([person(f"p{n}@example.jp") for n in range(MAX_BATCH + 1)])


def test_it_attaches_by_phone_only_when_no_email_is_given_and_one_subject_has_it(
    policy: Policy,
) -> None:
    first = register("a@example.jp", phone="03-1111-2222").subject_id
    by_phone = register(None, name="A さん", phone="0311112222")
    assert (by_phone.subject_id, by_phone.created) == (first, False)
    register("b@example.jp", phone="03-3333-4444")
    register("c@example.jp", phone="03-3333-4444")  # a shared switchboard
    shared = register(None, name="誰か", phone="03-3333-4444")
    assert shared.created is True


def test_it_exports_page_by_page_with_one_audit_event_per_page(policy: Policy) -> None:
    ingest([person(f"p{n}@example.jp", f"Org {n}") for n in range(5)])
    suspended = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="p0@example.jp").items[0]
    subject_suspend(actor=ACTOR, subject_id=suspended.subject_id, purposes=None)
    before = AuditEvent.objects.filter(action="vault.access").count()

    pages = list(subjects_export(actor=ACTOR, purpose=CAMPAIGN, batch_size=2))

    assert [len(p.items) + len(p.refused) for p in pages] == [2, 2, 1]
    organizations = sorted(v.data["organization"] for p in pages for v in p.items)
    assert organizations == ["Org 1", "Org 2", "Org 3", "Org 4"]
    assert [r.reason for p in pages for r in p.refused] == [RefusalReason.SUSPENDED]
    assert AuditEvent.objects.filter(action="vault.access").count() == before + 3


def test_it_discloses_everything_held_whatever_the_purpose(policy: Policy) -> None:
    subject_id = register(
        items=(ItemIn("special_requirements", "health", "そばアレルギー", "consent_3"),)
    ).subject_id
    register(channel="inquiry", purposes=(INQUIRY,), items=(ItemIn("message", None, "質問"),))
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=None)

    disclosure = subject_disclose(actor=ACTOR, subject_id=subject_id, request_ref="case-77")

    values = sorted((i.field, i.value, i.acquisition.channel) for i in disclosure.items)
    assert values == [
        ("email", "hanako.yamada@example.jp", "event-registration"),
        ("email", "hanako.yamada@example.jp", "inquiry"),
        ("message", "質問", "inquiry"),
        ("name", "山田 花子", "event-registration"),
        ("name", "山田 花子", "inquiry"),
        ("special_requirements", "そばアレルギー", "event-registration"),
    ]
    assert disclosure.suspended_all is True
    event = AuditEvent.objects.get(action="vault.disclose")
    assert (event.purpose, event.detail["request_ref"]) == ("disclosure-request", "case-77")


def test_it_discloses_only_the_disposal_record_of_an_erased_subject(policy: Policy) -> None:
    subject_id = register().subject_id
    subject_erase(actor=ACTOR, subject_id=subject_id)
    disclosure = subject_disclose(actor=ACTOR, subject_id=subject_id, request_ref="case-78")
    assert disclosure.items == []
    assert disclosure.status == "erased"
    assert {d.category for d in disclosure.disposals} == {"email", "name", "organization"}


def test_it_withholds_special_care_data_once_consent_is_withdrawn(policy: Policy) -> None:
    subject_id = register(
        items=(
            ItemIn("organization", None, "Mitsuboshi"),
            ItemIn("special_requirements", "health", "そばアレルギー", "consent_3"),
        )
    ).subject_id
    assert special_care_consent_withdraw(actor=ACTOR, consent_ref="consent_3") == 1
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id])
    [view] = result.items
    assert view.data == {"organization": "Mitsuboshi"}
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (subject_id, RefusalReason.SPECIAL_CARE_WITHOUT_CONSENT)
    ]
    [event] = AuditEvent.objects.filter(action="vault.special_care.withdraw")
    assert event.subjects == [subject_id]
