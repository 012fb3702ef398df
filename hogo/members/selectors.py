"""What the members' pages show. The member's own data comes through the vault's disclosure
path (`subject_disclose`, the desk's disclosure read: every value, audited, with the member's
ref as the request ref); the invitation settings only from acquisition and suspension records,
which open no value."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from hogo.collect.members import Member
from hogo.members.services import invitation_purposes, member_actor
from hogo.policy.schema import Policy
from hogo.vault.access import subject_disclose
from hogo.vault.lookup import acquisitions_for
from hogo.vault.selectors import subjects_suspended


@dataclass(frozen=True)
class DataRow:
    category: str
    title: str
    value: str
    source: str
    acquired_at: datetime


@dataclass(frozen=True)
class Invitation:
    purpose: str
    title: str
    receiving: bool


def member_data(*, member: Member, policy: Policy, lang: str) -> list[DataRow]:
    disclosure = subject_disclose(
        actor=member_actor(member), subject_id=member.subject.ref, request_ref=member.ref
    )
    rows = []
    for item in disclosure.items:
        category = policy.categories.get(item.category)
        channel = policy.channels.get(item.acquisition.channel)
        rows.append(
            DataRow(
                category=item.category,
                title=category.title.get(lang) if category else item.category,
                value=item.value,
                source=channel.title.get(lang) if channel else item.acquisition.channel,
                acquired_at=timezone.localtime(item.acquisition.acquired_at),
            )
        )
    return rows


def latest_values(rows: list[DataRow]) -> dict[str, str]:
    """The newest value per category (what a correction form starts from)."""
    latest: dict[str, DataRow] = {}
    for row in rows:
        if row.category not in latest or row.acquired_at >= latest[row.category].acquired_at:
            latest[row.category] = row
    return {category: row.value for category, row in latest.items()}


def member_invitations(*, member: Member, policy: Policy, lang: str) -> list[Invitation]:
    """The marketing-mail purposes the member's data was acquired for, and whether each is
    receiving (not suspended for it or for all)."""
    held = {p for a in acquisitions_for(subject_id=member.subject.ref) for p in a.purposes}
    return [
        Invitation(
            purpose=purpose,
            title=policy.purposes[purpose].title.get(lang),
            receiving=not subjects_suspended(subject_pks=[member.subject.pk], purpose=purpose),
        )
        for purpose in invitation_purposes(policy)
        if purpose in held
    ]
