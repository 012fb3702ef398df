"""The report clocks in Japan's time: across month ends, leap years and JST midnight (a moment
that is still the previous day in UTC)."""

from datetime import UTC, datetime, timedelta

import pytest

from hogo.safety.clocks import JST, clocks_compute, day_end


def jst(year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, sec, tzinfo=JST)


@pytest.mark.parametrize(
    ("aware", "preliminary", "final_30", "final_60"),
    [
        # Late on the last day of January: February has 28 days in 2026.
        (jst(2026, 1, 31, 23, 30), jst(2026, 2, 4), jst(2026, 3, 1), jst(2026, 3, 31)),
        # 2028 is a leap year: the 29th of February is a day of the clock.
        (jst(2028, 2, 1, 9, 0), jst(2028, 2, 5), jst(2028, 3, 1), jst(2028, 3, 31)),
        # Across the year's end.
        (jst(2026, 12, 30, 12, 0), jst(2027, 1, 3), jst(2027, 1, 28), jst(2027, 2, 27)),
        # Just after midnight in Japan is still the 31st of March in UTC: Japan's day counts.
        (
            datetime(2026, 3, 31, 15, 30, tzinfo=UTC),
            jst(2026, 4, 5),
            jst(2026, 4, 30),
            jst(2026, 5, 30),
        ),
        # Just before midnight in Japan.
        (
            datetime(2026, 3, 31, 14, 59, tzinfo=UTC),
            jst(2026, 4, 4),
            jst(2026, 4, 29),
            jst(2026, 5, 29),
        ),
    ],
)
def test_deadlines_end_on_the_last_day_in_japan(
    aware: datetime, preliminary: datetime, final_30: datetime, final_60: datetime
) -> None:
    end = timedelta(hours=23, minutes=59, seconds=59)
    clocks = clocks_compute(aware_at=aware, preliminary_days=5, unjust_purpose=False)
    assert clocks.preliminary_due == preliminary + end
    assert clocks.final_due == final_30 + end
    unjust = clocks_compute(aware_at=aware, preliminary_days=5, unjust_purpose=True)
    assert unjust.final_due == final_60 + end
    assert unjust.preliminary_due == preliminary + end
    assert clocks.final_due.utcoffset() == timedelta(hours=9)


def test_the_day_of_awareness_is_day_one() -> None:
    assert day_end(jst(2026, 5, 1, 0, 0), 1) == jst(2026, 5, 1, 23, 59, 59)
    assert day_end(jst(2026, 5, 1, 23, 59), 1) == jst(2026, 5, 1, 23, 59, 59)


def test_the_policy_sets_the_preliminary_days() -> None:
    clocks = clocks_compute(aware_at=jst(2026, 5, 1, 10), preliminary_days=3, unjust_purpose=False)
    assert clocks.preliminary_due == jst(2026, 5, 3, 23, 59, 59)


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        day_end(datetime(2026, 5, 1, 10), 5)
