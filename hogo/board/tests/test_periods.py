"""Counting per month (hogo.periods): one statement compiled once and run for every month's
bounds must count exactly what a plain count of each month finds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.board.tests import data
from hogo.periods import in_month, month_rows, months_until, per_month
from hogo.site.models import CookieConsent


@pytest.mark.django_db
def test_each_month_counts_its_rows_from_its_first_moment_to_before_the_next() -> None:
    first, second, third = months_until(now=timezone.now(), count=3)
    moments = [
        first.start - timedelta(microseconds=1),  # the month before: not counted
        first.start,
        first.end - timedelta(microseconds=1),
        second.start,
        third.start + timedelta(days=3),
    ]
    data.cookie_choices([("accept_all", i % 2 == 0, at) for i, at in enumerate(moments)])
    found = per_month(
        CookieConsent.objects.all(),
        field="recorded_at",
        months=[first, second, third],
        by=("method",),
    )
    assert found == {("accept_all",): [2, 1, 1]}
    for index, month in enumerate((first, second, third)):
        fresh = CookieConsent.objects.filter(
            recorded_at__gte=month.start, recorded_at__lt=month.end
        ).count()
        assert found[("accept_all",)][index] == fresh
    assert per_month(CookieConsent.objects.all(), field="recorded_at", months=[first]) == {(): [2]}


@pytest.mark.django_db
def test_a_query_without_the_month_bounds_is_refused() -> None:
    with pytest.raises(ValueError, match="in_month"):
        month_rows(
            CookieConsent.objects.values("method"), months=months_until(now=timezone.now(), count=1)
        )
    assert (
        month_rows(
            in_month(CookieConsent.objects.all(), field="recorded_at").values("method"), months=[]
        )
        == []
    )
