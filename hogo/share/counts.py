"""Counts of provisions to third parties for the board (hogo/board): per recipient and basis in
a period, grouped in the database; recipients by name (an organization, not a person)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Sum

from hogo.share.models import Provision


@dataclass(frozen=True)
class ProvisionCount:
    recipient: str  # the recipient's registered name
    basis: str  # Basis value
    provisions: int
    people: int  # subjects provided, summed over the provisions


def provisions_by_recipient_basis(*, since: datetime, until: datetime) -> list[ProvisionCount]:
    rows = (
        Provision.objects.filter(provided_at__gte=since, provided_at__lt=until)
        .values_list("recipient__name", "basis")
        .annotate(n=Count("pk"), people=Sum("subjects_provided"))
        .order_by("recipient__name", "basis")
    )
    return [ProvisionCount(name, basis, n, people or 0) for name, basis, n, people in rows]
