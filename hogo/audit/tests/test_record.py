from collections.abc import Mapping, Sequence

import pytest
from django.contrib.auth.models import User
from django.db import transaction

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify
from hogo.audit.services import MAX_DETAIL_BYTES, actor_for, audit_record
from hogo.errors import InvalidInput


@pytest.mark.django_db
def test_it_stores_what_it_was_given() -> None:
    event = audit_record(
        actor="token:AbC123_-",
        action="vault.access",
        purpose="inquiry-response",
        subjects=["sub_2", "sub_1", "sub_2"],
        detail={"count": 2, "refused": 0, "why": None, "ok": True, "ids": ["a", 1]},
    )
    stored = AuditEvent.objects.get(seq=event.seq)
    assert (stored.actor, stored.action, stored.purpose) == (
        "token:AbC123_-",
        "vault.access",
        "inquiry-response",
    )
    assert stored.subjects == ["sub_2", "sub_1"]  # repeats dropped, order kept
    assert stored.detail == {"count": 2, "refused": 0, "why": None, "ok": True, "ids": ["a", 1]}
    assert stored.hash == event.hash


@pytest.mark.django_db(transaction=True)
def test_an_event_recorded_in_a_transaction_that_rolls_back_does_not_appear() -> None:
    audit_record(actor="system", action="test.kept")

    class ActionFailed(Exception):
        pass

    @transaction.atomic
    def failing_action() -> None:
        audit_record(actor="system", action="test.lost")
        raise ActionFailed

    with pytest.raises(ActionFailed):
        failing_action()

    audit_record(actor="system", action="test.next")
    assert list(AuditEvent.objects.values_list("seq", "action")) == [
        (1, "test.kept"),
        (2, "test.next"),
    ]
    assert audit_verify().ok


@pytest.mark.django_db
def test_actor_for_names_a_user_by_id_only() -> None:
    user = User.objects.create_user("hanako.yamada@example.jp")
    assert actor_for(user) == f"user:{user.pk}"
    with pytest.raises(InvalidInput, match="saved user"):
        actor_for(User(username="unsaved"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("detail", "message"),
    [
        ({"ratio": 0.5}, "audit detail.ratio: a float cannot be stored"),
        ({"at": object()}, "audit detail.at: a object cannot be stored"),
        ({"ids": {1, 2}}, "audit detail.ids: a set cannot be stored"),
        ({"nested": {"deeper": [1.5]}}, "audit detail.nested.deeper[0]: a float"),
        ({"nul": "a\x00b"}, "audit detail.nul: NUL characters are not allowed"),
        ({"big": 2**64}, "audit detail.big: integers must fit in 64 bits"),
        ({"x": {1: "a"}}, "audit detail.x: keys must be strings"),
        ({"taro@example.jp": 1.0}, "audit detail.[key]: a float"),
        ({"blob": "x" * MAX_DETAIL_BYTES}, f"more than {MAX_DETAIL_BYTES}"),
    ],
)
def test_it_refuses_detail_that_cannot_be_stored_faithfully(
    detail: Mapping[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message.replace("[", r"\[").replace(".", r"\.")):
        audit_record(actor="system", action="test.event", detail=detail)
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"actor": "taro@example.jp"}, "audit actor must be user:<id>"),
        ({"actor": "Yamada Taro"}, "audit actor must be"),
        ({"actor": "user:olivia"}, "audit actor must be"),
        ({"action": "Access"}, "audit action must be a dotted lower-case name"),
        ({"action": "vault"}, "audit action must be"),
        ({"purpose": "for marketing"}, "audit purpose must be a purpose id"),
        ({"subjects": "sub_1"}, "audit subjects must be a list"),
        ({"subjects": ["sub_1", "hanako@example.jp"]}, r"audit subjects\[1\] must be"),
        ({"subjects": [7]}, r"audit subjects\[0\] must be"),
    ],
)
def test_it_refuses_fields_that_could_carry_personal_data(
    fields: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"actor": "system", "action": "test.event", **fields}
    with pytest.raises(InvalidInput, match=message) as caught:
        audit_record(**arguments)  # type: ignore[arg-type]
    assert "example.jp" not in str(caught.value)
    assert "Yamada" not in str(caught.value)
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_too_many_subjects_in_one_event() -> None:
    subjects: Sequence[str] = [f"s{i}" for i in range(10_001)]
    with pytest.raises(InvalidInput, match="at most 10000 per event, split the batch"):
        audit_record(actor="system", action="vault.access", subjects=subjects)


@pytest.mark.django_db
def test_it_accepts_every_documented_actor_form() -> None:
    for actor in ("system", "system:retention-sweep", "user:42", "token:hogo1234", "subject:s_9"):
        audit_record(actor=actor, action="test.event")
    assert AuditEvent.objects.count() == 5
