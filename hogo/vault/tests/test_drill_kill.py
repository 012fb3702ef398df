"""Drill: `hogo keys rotate` killed with SIGKILL mid-way, then run again, finishes the rotation
and every person still decrypts (README, "Drills")."""

from pathlib import Path

import pytest

from hogo.audit.models import AuditEvent
from hogo.drills import drill_env, hogo_run, hogo_start, kill9, read_until
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access
from hogo.vault.kek import kek_store
from hogo.vault.models import DataKey, Subject

PEOPLE = 12


@pytest.mark.drill
@pytest.mark.django_db(transaction=True)
def test_it_finishes_a_key_rotation_killed_mid_way(policy: Policy, tmp_path: Path) -> None:
    emails = [f"person{n}@example.jp" for n in range(PEOPLE)]
    for email in emails:
        register(email)
    old_id = kek_store().active().key_id
    env = drill_env(tmp_path)

    rotation = hogo_start(env, "keys", "rotate", "--batch-size", "2")
    read_until(rotation, lambda line: line.startswith("rewrapped "))
    kill9(rotation)

    pending = kek_store().pending()
    assert pending is not None, "the rotation was killed before it began"
    left = DataKey.objects.filter(kek_id=old_id).count()
    assert 0 < left < PEOPLE, "the kill did not land mid-way"

    output = hogo_run(env, "keys", "rotate", "--batch-size", "2")

    assert "resumed an interrupted rotation" in output
    assert f"{left} data keys" in output
    assert kek_store().active().key_id == pending.key_id
    assert kek_store().pending() is None
    assert set(DataKey.objects.values_list("kek_id", flat=True)) == {pending.key_id}
    assert DataKey.objects.count() == Subject.objects.count() == PEOPLE
    for email in emails:
        assert subjects_access(actor=ACTOR, purpose=CAMPAIGN, email=email).items, email
    ends = AuditEvent.objects.filter(action="vault.keys.rotate.end").count()
    assert ends == 1
