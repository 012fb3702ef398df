"""`hogo vault phone-index`: after an upgrade changes the phone normal form, the blind indexes
are derived again from the sealed numbers, and an interrupted run is finished by running it
again."""

from io import StringIO

import pytest
from django.core.management import call_command

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access
from hogo.vault.access.reindex import phone_indexes_rebuild
from hogo.vault.keys import blind_indexer
from hogo.vault.models import BlindIndex, Item

PHONES = ("03-1234-5678", "090-1111-2222", "+44 20 7946 0958")


def _found(phone: str) -> bool:
    return bool(subjects_access(actor=ACTOR, purpose=CAMPAIGN, phone=phone).items)


def _as_before_the_upgrade() -> None:
    """Every phone digest replaced by one of another normal form, as an older version wrote."""
    old = blind_indexer("phone").digest
    for item in Item.objects.filter(category="phone"):
        stale = old(f"older-form:{item.pk}")
        BlindIndex.objects.filter(subject=item.subject, kind="phone", digest=item.digest).update(
            digest=stale
        )
        Item.objects.filter(pk=item.pk).update(digest=stale)


class _Interrupted(Exception):
    pass


def test_an_interrupted_rebuild_is_finished_by_running_it_again(policy: Policy) -> None:
    for n, phone in enumerate(PHONES):
        register(f"person{n}@example.jp", phone=phone)
    _as_before_the_upgrade()
    assert not any(_found(phone) for phone in PHONES)

    def stop_after_first_batch(done: int, total: int) -> None:
        raise _Interrupted

    with pytest.raises(_Interrupted):
        phone_indexes_rebuild(actor=ACTOR, batch_size=1, progress=stop_after_first_batch)
    assert sum(_found(phone) for phone in PHONES) == 1  # the first batch was committed whole

    result = phone_indexes_rebuild(actor=ACTOR, batch_size=2)
    assert (result.items, result.changed, result.rejected) == (3, 2, 0)
    assert all(_found(phone) for phone in PHONES)
    assert BlindIndex.objects.filter(kind="phone").count() == 3
    again = phone_indexes_rebuild(actor=ACTOR)
    assert (again.items, again.changed) == (3, 0)


def test_the_command_reports_progress_and_counts_without_numbers(policy: Policy) -> None:
    register(phone="03-1234-5678")
    _as_before_the_upgrade()
    out = StringIO()
    call_command("vault", "phone-index", stdout=out)
    assert "phone index: 1/1 items" in out.getvalue()
    assert "1 items, 1 changed, 0 not valid" in out.getvalue()
    assert "1234" not in out.getvalue()
    assert _found("03-1234-5678")
    actions = list(
        AuditEvent.objects.filter(action__startswith="vault.phone_index").values_list(
            "action", flat=True
        )
    )
    assert actions == ["vault.phone_index.rebuild.begin", "vault.phone_index.rebuild.end"]
