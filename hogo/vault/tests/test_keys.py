import base64
import os
import stat
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access
from hogo.vault.checks import kek_check
from hogo.vault.kek import KekError, KekMismatch, KekMissing, kek_store
from hogo.vault.models import DataKey, Item, Subject
from hogo.vault.rotation import kek_rotate


def readable(email: str = "hanako.yamada@example.jp") -> bool:
    return bool(subjects_access(actor=ACTOR, purpose=CAMPAIGN, email=email).items)


def test_it_creates_the_master_key_on_first_use_readable_by_the_owner_only(
    policy: Policy, master_key: Path
) -> None:
    assert not master_key.exists()
    register()
    assert stat.S_IMODE(master_key.stat().st_mode) == 0o600
    assert len(base64.b64decode(master_key.read_text())) == 32


def test_it_refuses_a_wrong_master_key_and_writes_nothing(policy: Policy, master_key: Path) -> None:
    register()
    master_key.write_text(base64.b64encode(os.urandom(32)).decode())
    with pytest.raises(KekMismatch, match="wrong HOGO_MASTER_KEY_FILE"):
        readable()
    items = Item.objects.count()
    with pytest.raises(KekMismatch):
        register("new.person@example.jp")
    assert Item.objects.count() == items
    [error] = kek_check()
    assert error.id == "vault.E003"
    assert "hogo cannot start" in error.msg


def test_it_refuses_to_start_without_the_master_key_and_never_makes_a_new_one(
    policy: Policy, master_key: Path
) -> None:
    register()
    master_key.unlink()
    [error] = kek_check()
    assert error.id == "vault.E001"
    assert str(master_key) in error.msg
    with pytest.raises(KekMissing, match="does not exist"):
        register("new.person@example.jp")
    assert not master_key.exists()


def test_it_refuses_a_master_key_file_others_can_read(policy: Policy, master_key: Path) -> None:
    register()
    master_key.chmod(0o644)
    with pytest.raises(KekError, match="chmod 600"):
        readable()
    assert [e.id for e in kek_check()] == ["vault.E002"]


def test_it_passes_the_start_up_check_before_any_key_exists(db: None, master_key: Path) -> None:
    assert kek_check() == []
    assert not master_key.exists()


def test_it_rotates_the_master_key_without_touching_the_data(
    policy: Policy, master_key: Path
) -> None:
    for n in range(5):
        register(f"person{n}@example.jp")
    old_id = kek_store().active().key_id
    sealed_before = set(Item.objects.values_list("sealed", flat=True))
    out = StringIO()

    call_command("keys", "rotate", "--batch-size", "2", stdout=out)

    new_id = kek_store().active().key_id
    assert new_id != old_id
    assert set(DataKey.objects.values_list("kek_id", flat=True)) == {new_id}
    assert set(Item.objects.values_list("sealed", flat=True)) == sealed_before
    assert "rewrapped 2/5 data keys" in out.getvalue()
    assert "rewrapped 5/5 data keys" in out.getvalue()
    assert all(readable(f"person{n}@example.jp") for n in range(5))
    retired = master_key.with_name(f"master.key.retired-{old_id.split(':')[1]}")
    assert retired.exists()
    assert not master_key.with_name("master.key.next").exists()


class Interrupted(Exception):
    pass


def test_it_resumes_an_interrupted_rotation(policy: Policy, master_key: Path) -> None:
    """Stopped after the first batch, data stays readable under the two keys; a second run
    finishes the job and rewraps only what was left."""
    for n in range(5):
        register(f"person{n}@example.jp")
    old_id = kek_store().active().key_id

    def stop(done: int, total: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        kek_rotate(actor="system:keys", batch_size=2, progress=stop)

    pending = kek_store().pending()
    assert pending is not None
    kek_ids = list(DataKey.objects.values_list("kek_id", flat=True))
    assert sorted(kek_ids) == sorted([old_id] * 3 + [pending.key_id] * 2)
    assert all(readable(f"person{n}@example.jp") for n in range(5))
    register("during.rotation@example.jp")  # new keys go under the pending KEK

    result = kek_rotate(actor="system:keys", batch_size=2)

    assert result.resumed is True
    assert (result.old_kek, result.new_kek, result.rewrapped) == (old_id, pending.key_id, 3)
    assert set(DataKey.objects.values_list("kek_id", flat=True)) == {pending.key_id}
    assert all(readable(f"person{n}@example.jp") for n in range(5))
    assert readable("during.rotation@example.jp")
    actions = list(
        AuditEvent.objects.filter(action__startswith="vault.keys").values_list("action", flat=True)
    )
    assert actions == [
        "vault.keys.rotate.begin",
        "vault.keys.rotate.begin",
        "vault.keys.rotate.end",
    ]


def test_it_rotates_again_after_a_finished_rotation(policy: Policy) -> None:
    register()
    first = kek_rotate(actor="system:keys")
    second = kek_rotate(actor="system:keys")
    assert second.old_kek == first.new_kek
    assert second.new_kek != first.new_kek
    assert (first.rewrapped, second.rewrapped) == (1, 1)
    assert readable()
    assert Subject.objects.count() == 1


def test_it_reports_the_key_status(policy: Policy) -> None:
    register()
    out = StringIO()
    call_command("keys", "status", stdout=out)
    active = kek_store().active().key_id
    assert f"active KEK: {active}" in out.getvalue()
    assert f"1 data keys wrapped with {active}" in out.getvalue()
