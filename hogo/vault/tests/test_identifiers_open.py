"""A verified request's person is found in the organization's other systems by their phone
and member numbers too: the vault opens those identifiers for the request, audited."""

import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.vault.access import subject_identifiers_open
from hogo.vault.erasure import subject_erase
from hogo.vault.services import subject_ingest

KINDS = ("phone", "member_number")


def member(policy: Policy) -> str:
    return subject_ingest(
        actor="system:test",
        channel="member-registration",
        purposes=["member-site-registration"],
        identifiers={
            "email": "taro@example.jp",
            "phone": "090-1234-5678",
            "member_number": "CL-0042",
            "name": "山田 太郎",
        },
        items=[],
    ).subject_id


def test_it_opens_the_phone_and_member_number_for_a_request(policy: Policy) -> None:
    subject = member(policy)
    found = subject_identifiers_open(
        actor="system:desk", subject_id=subject, request_ref="req_x", kinds=KINDS
    )
    assert set(found) == {"phone", "member_number"}  # not the address, not the name
    assert found == {"phone": ["090-1234-5678"], "member_number": ["CL-0042"]}
    event = AuditEvent.objects.filter(action="vault.identifiers.open").get()
    assert event.detail == {"request_ref": "req_x", "values": {"phone": 1, "member_number": 1}}
    assert "5678" not in str(event.detail)


def test_an_erased_person_has_no_identifiers_left_to_open(policy: Policy) -> None:
    subject = member(policy)
    subject_erase(actor="system:test", subject_id=subject, reason="erasure_request")
    opened = subject_identifiers_open(
        actor="system:desk", subject_id=subject, request_ref="req_x", kinds=KINDS
    )
    assert opened == {}


def test_it_needs_the_request(policy: Policy) -> None:
    with pytest.raises(InvalidInput, match="request_ref"):
        subject_identifiers_open(
            actor="system:desk", subject_id="sub_x", request_ref="", kinds=KINDS
        )
