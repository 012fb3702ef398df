"""Counts of cookie choices for the board (hogo/board): per month, by how the choice was made and
whether the browser sent Global Privacy Control. Grouped in the database (the index
`site_consent_board`, migration 0003, covers the query); visitors are not identified."""

from collections.abc import Sequence
from dataclasses import dataclass

from hogo.periods import Month, per_month
from hogo.site.models import ConsentMethod, CookieConsent


@dataclass(frozen=True)
class CookieChoices:
    by_method: dict[str, list[int]]  # ConsentMethod value -> per month
    gpc: list[int]  # choices made with Global Privacy Control, per month


def cookie_choices_per_month(*, months: Sequence[Month]) -> CookieChoices:
    found = per_month(
        CookieConsent.objects.all(), field="recorded_at", months=months, by=("method", "gpc")
    )
    size = len(months)
    by_method = {m.value: [0] * size for m in ConsentMethod}
    gpc = [0] * size
    for (method, with_gpc), counts in found.items():
        row = by_method.setdefault(str(method), [0] * size)
        for i, n in enumerate(counts):
            row[i] += n
            if with_gpc:
                gpc[i] += n
    return CookieChoices(by_method=by_method, gpc=gpc)
