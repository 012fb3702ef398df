"""A person may stop provision of their data to others (APPI Art. 35(3)); the vault keeps the
fact for the share app, and each change is audited once."""

import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput, NotFound
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, register
from hogo.vault.models import Subject
from hogo.vault.provision import subject_provision_resume, subject_provision_stop
from hogo.vault.selectors import subjects_provision_stopped


def stopped(subject_id: str) -> bool:
    pk = Subject.objects.get(ref=subject_id).pk
    return pk in subjects_provision_stopped(subject_pks=[pk])


def test_it_stops_and_resumes_provision_once_each(policy: Policy) -> None:
    subject_id = register().subject_id
    first = subject_provision_stop(actor=ACTOR, subject_id=subject_id, request_ref="case-1")
    again = subject_provision_stop(actor=ACTOR, subject_id=subject_id)
    assert (first.stopped, first.changed, again.changed) == (True, True, False)
    assert stopped(subject_id)

    resumed = subject_provision_resume(actor=ACTOR, subject_id=subject_id)
    assert (resumed.stopped, resumed.changed) == (False, True)
    assert not stopped(subject_id)
    assert not subject_provision_resume(actor=ACTOR, subject_id=subject_id).changed
    actions = list(
        AuditEvent.objects.filter(action__startswith="vault.provision.").values_list(
            "action", flat=True
        )
    )
    assert actions == ["vault.provision.stop", "vault.provision.resume"]


def test_it_refuses_an_unknown_subject_and_a_malformed_request_ref(policy: Policy) -> None:
    subject_id = register().subject_id
    with pytest.raises(NotFound):
        subject_provision_stop(actor=ACTOR, subject_id="sub_nobody")
    with pytest.raises(InvalidInput, match="request_ref"):
        subject_provision_stop(actor=ACTOR, subject_id=subject_id, request_ref="a b")
