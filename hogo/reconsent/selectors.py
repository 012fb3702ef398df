"""Reads of re-consent campaigns: per policy version and purpose, what changed and whom it
concerns. A campaign is not stored: it is read off the stored versions (the diff's
consent-needing purpose changes), and the people off the vault's acquisitions."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from hogo.errors import NotFound
from hogo.policy.reconsent import ConsentChange, consent_changes
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_at, policy_versions
from hogo.reconsent.models import ConsentRequest, RequestStatus
from hogo.vault.reconsent import subjects_affected_by_any
from hogo.vault.selectors import Subject


@dataclass(frozen=True)
class Campaign:
    """The consent-needing changes one policy version made to one purpose."""

    version: int
    purpose: str
    changes: tuple[ConsentChange, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """The widened categories (empty when only the whole purpose changed)."""
        return tuple(c for change in self.changes for c in change.categories)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(change.kind.value for change in self.changes)

    def policy(self) -> Policy:
        return policy_at(version=self.version)


@dataclass(frozen=True)
class CampaignCounts:
    waiting: int  # affected, not consented, not asked yet
    asked: int  # requests queued
    sent: int
    no_email: int
    answers: dict[str, int]


def campaigns() -> list[Campaign]:
    """Every campaign of every stored version, newest version first."""
    numbers = policy_versions().order_by("-number").values_list("number", flat=True)
    return [campaign for number in numbers for campaign in _of_version(number)]


def _of_version(version: int) -> list[Campaign]:
    by_purpose: dict[str, list[ConsentChange]] = {}
    for change in consent_changes(version=version):
        by_purpose.setdefault(change.purpose, []).append(change)
    return [Campaign(version, p, tuple(changes)) for p, changes in by_purpose.items()]


def campaign_get(*, version: int, purpose: str) -> Campaign:
    for campaign in _of_version(version):
        if campaign.purpose == purpose:
            return campaign
    raise NotFound(f"policy version {version} made no change to {purpose!r} that needs consent")


def campaign_subjects(campaign: Campaign) -> QuerySet[Subject]:
    """The people the campaign concerns who have not consented to it yet."""
    return subjects_affected_by_any(changes=campaign.changes)


def campaign_requests(campaign: Campaign) -> QuerySet[ConsentRequest]:
    return ConsentRequest.objects.filter(policy_version=campaign.version, purpose=campaign.purpose)


def campaign_counts(campaign: Campaign) -> CampaignCounts:
    requests = campaign_requests(campaign)
    statuses = Counter(requests.values_list("status", flat=True))
    answers = Counter(a for a in requests.values_list("answer", flat=True) if a)
    asked = requests.values("subject_id")
    return CampaignCounts(
        waiting=campaign_subjects(campaign).exclude(pk__in=asked).count(),
        asked=sum(statuses.values()),
        sent=statuses[RequestStatus.SENT],
        no_email=statuses[RequestStatus.NO_EMAIL],
        answers=dict(answers),
    )


def request_get(*, ref: str) -> ConsentRequest:
    found = ConsentRequest.objects.select_related("subject").filter(ref=ref).first()
    if found is None:
        raise NotFound("no such consent request")
    return found
