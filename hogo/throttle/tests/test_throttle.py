"""The one throttle: rate limits in fixed windows and lockouts from the first failure, shared by
every process through one table that holds keyed hashes only."""

from datetime import UTC, datetime, timedelta

import pytest

from hogo.throttle.models import Throttle
from hogo.throttle.selectors import throttle_locked_until
from hogo.throttle.services import (
    Rule,
    throttle_fail,
    throttle_forgive,
    throttle_hit,
    throttles_forget,
)

pytestmark = pytest.mark.django_db

LIMIT = Rule("test_limit", 3, timedelta(minutes=10))
LOCKOUT = Rule("test_lockout", 3, timedelta(minutes=15), lock=timedelta(minutes=15))
T0 = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_a_limit_refuses_the_event_after_the_most_until_the_window_ends() -> None:
    assert [throttle_hit(rule=LIMIT, value="v", now=at(m)) for m in (0, 1, 2, 3)] == [
        True,
        True,
        True,
        False,
    ]
    assert throttle_hit(rule=LIMIT, value="v", now=at(10)), "a new window counts afresh"
    assert Throttle.objects.get().count == 1


def test_a_limit_counts_each_value_and_each_rule_apart() -> None:
    for _ in range(3):
        throttle_hit(rule=LIMIT, value="a", now=at(0))
    assert not throttle_hit(rule=LIMIT, value="a", now=at(0))
    assert throttle_hit(rule=LIMIT, value="b", now=at(0))
    other = Rule("test_other", 3, timedelta(minutes=10))
    assert throttle_hit(rule=other, value="a", now=at(0))


def test_it_folds_case_and_width_so_variants_share_one_count() -> None:
    for value in ("Olivia", "OLIVIA", "ｏｌｉｖｉａ"):
        throttle_hit(rule=LIMIT, value=value, now=at(0))
    assert not throttle_hit(rule=LIMIT, value="olivia", now=at(0))


def test_it_stores_only_keyed_hashes() -> None:
    throttle_hit(rule=LIMIT, value="203.0.113.0", now=at(0))
    throttle_fail(rule=LOCKOUT, value="olivia@example.jp", now=at(0))
    for key in Throttle.objects.values_list("key", flat=True):
        assert len(key) == 64
        assert "203.0.113" not in key
        assert "olivia" not in key


def test_a_limit_forgets_windows_that_ended() -> None:
    for index in range(5):
        throttle_hit(rule=LIMIT, value=f"network {index}", now=at(0))
    throttle_hit(rule=LIMIT, value="another", now=at(20))
    assert Throttle.objects.count() == 1


def test_a_lockout_locks_at_the_most_failures_for_its_length() -> None:
    assert throttle_fail(rule=LOCKOUT, value="v", now=at(0)) is None
    assert throttle_fail(rule=LOCKOUT, value="v", now=at(1)) is None
    row = throttle_fail(rule=LOCKOUT, value="v", now=at(14))
    assert row is not None
    assert row.locked_until == at(29)
    checks = [(LOCKOUT, "v")]
    assert throttle_locked_until(checks=checks, now=at(28)) == at(29)
    assert throttle_locked_until(checks=checks, now=at(29)) is None
    assert throttle_locked_until(checks=[(LOCKOUT, "w")], now=at(20)) is None


def test_a_failure_while_locked_neither_counts_nor_extends_the_lock() -> None:
    for minute in range(3):
        throttle_fail(rule=LOCKOUT, value="v", now=at(minute))
    assert throttle_fail(rule=LOCKOUT, value="v", now=at(5)) is None
    row = Throttle.objects.get()
    assert (row.count, row.locked_until) == (3, at(17))


def test_a_lockout_window_runs_from_the_first_failure() -> None:
    """Failures either side of a clock boundary still lock: the window is not aligned."""
    throttle_fail(rule=LOCKOUT, value="v", now=at(10))
    throttle_fail(rule=LOCKOUT, value="v", now=at(20))
    assert throttle_fail(rule=LOCKOUT, value="v", now=at(24)) is not None


def test_a_lockout_starts_afresh_after_its_window_or_its_lock() -> None:
    throttle_fail(rule=LOCKOUT, value="v", now=at(0))
    throttle_fail(rule=LOCKOUT, value="v", now=at(1))
    assert throttle_fail(rule=LOCKOUT, value="v", now=at(16)) is None
    assert Throttle.objects.get().count == 1


def test_forgiving_a_value_lifts_its_count_and_lock() -> None:
    for minute in range(3):
        throttle_fail(rule=LOCKOUT, value="v", now=at(minute))
    throttle_forgive(rule=LOCKOUT, value="V")
    assert throttle_locked_until(checks=[(LOCKOUT, "v")], now=at(3)) is None
    assert not Throttle.objects.exists()


def test_the_sweep_forgets_old_counters_but_keeps_a_lock_in_force() -> None:
    throttle_hit(rule=LIMIT, value="old", now=at(0))
    long_lock = Rule("test_long", 1, timedelta(minutes=1), lock=timedelta(days=2))
    throttle_fail(rule=long_lock, value="locked", now=at(0))
    recent = Rule("test_recent", 3, timedelta(minutes=10))
    throttle_hit(rule=recent, value="recent", now=at(60 * 24))
    assert throttles_forget(now=at(60 * 24 + 1)) == 1
    assert sorted(Throttle.objects.values_list("scope", flat=True)) == ["test_long", "test_recent"]
