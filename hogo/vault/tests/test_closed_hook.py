"""The closing hook: apps that keep something of their own about a person (collect's member
account) are told inside the transaction of every path that closes a subject, so their change
and the vault's commit or roll back together."""

from collections.abc import Iterator

import pytest

from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, register
from hogo.vault import erasure
from hogo.vault.erasure import subject_closed_hook, subject_erase
from hogo.vault.models import Subject, SubjectStatus


class HookFailed(Exception):
    pass


@pytest.fixture
def seen() -> Iterator[list[tuple[str, str]]]:
    calls: list[tuple[str, str]] = []

    def hook(subject: Subject) -> None:
        calls.append((subject.ref, subject.status))

    subject_closed_hook(hook)
    subject_closed_hook(hook)  # registering twice calls it once
    yield calls
    erasure._closed_hooks.remove(hook)


def test_it_calls_the_hook_once_with_the_subject_being_closed(
    policy: Policy, seen: list[tuple[str, str]]
) -> None:
    subject_id = register().subject_id
    subject_erase(actor=ACTOR, subject_id=subject_id)
    assert seen == [(subject_id, SubjectStatus.ERASED)]


def test_it_rolls_the_closing_back_when_a_hook_fails(policy: Policy) -> None:
    def failing(subject: Subject) -> None:
        raise HookFailed

    subject_id = register().subject_id
    subject_closed_hook(failing)
    try:
        with pytest.raises(HookFailed):
            subject_erase(actor=ACTOR, subject_id=subject_id)
    finally:
        erasure._closed_hooks.remove(failing)
    # The key is gone (destroyed first, by design) but the subject is not marked closed, so
    # running the erasure again finishes the job, hooks included.
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ACTIVE
    subject_erase(actor=ACTOR, subject_id=subject_id)
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ERASED
