"""The report clocks of APPI Art. 26 and PPC Rule 8, in Japan's time (pure: no database).

From the moment the organization became aware: the preliminary report (速報) "promptly",
shown as due within the policy's `[incidents].preliminary_report_days` (5 by default); the
final report (確報) within 30 days, 60 where the leak may have had an unjust purpose (Rule
7(iii)). Days are calendar days in Japan (weekends and holidays count). The day of awareness
counts as day 1 and a deadline ends at the end of its last day (23:59:59 JST): under the Civil
Code's reading (Art. 140, the first day not counted) the deadline would be a day later, so the
clock never shows more time than either reading allows.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# The PPC's deadlines are days in Japan, whatever the server's own zone.
JST = ZoneInfo("Asia/Tokyo")
FINAL_DAYS = 30
FINAL_DAYS_UNJUST_PURPOSE = 60
LAST_INSTANT = time(23, 59, 59)


@dataclass(frozen=True)
class Clocks:
    preliminary_due: datetime
    final_due: datetime


def day_end(aware_at: datetime, days: int) -> datetime:
    """The end of day `days` in Japan, the day of `aware_at` being day 1."""
    if aware_at.tzinfo is None:
        raise ValueError("the moment of awareness needs a time zone")
    first = aware_at.astimezone(JST).date()
    return datetime.combine(first + timedelta(days=days - 1), LAST_INSTANT, tzinfo=JST)


def clocks_compute(*, aware_at: datetime, preliminary_days: int, unjust_purpose: bool) -> Clocks:
    """`unjust_purpose`: whether Rule 7(iii) applies or may apply (a possible unjust purpose
    has the 60 days too: the rule names the situation "or its possibility")."""
    final = FINAL_DAYS_UNJUST_PURPOSE if unjust_purpose else FINAL_DAYS
    return Clocks(
        preliminary_due=day_end(aware_at, preliminary_days),
        final_due=day_end(aware_at, final),
    )


def months_after(day: date, months: int) -> date:
    """The same day `months` later; a day the month lacks becomes its last (Jan 31 + 1 = Feb 28
    or 29), so a yearly course taken on Feb 29 is due again on Feb 28."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def today_jst(now: datetime) -> date:
    return now.astimezone(JST).date()
