"""Reads of supplementary notices across the stored policy versions.

A notice lives inside the policy file, so its versions are found by walking the stored policy
versions: each notice version is published with the first policy version that carries it, and
that policy version's date is the notice version's date.
"""

from dataclasses import dataclass

from hogo.errors import NotFound
from hogo.policy.models import PolicyVersion
from hogo.policy.schema import Notice, Policy
from hogo.policy.selectors import policy_at, policy_versions


@dataclass(frozen=True)
class NoticeRelease:
    notice: Notice
    # The policy it was published with (its referenced purposes are read from it).
    policy: Policy
    published: PolicyVersion


def notice_releases(*, notice_id: str) -> list[NoticeRelease]:
    """Every version of one notice, oldest first; empty for an id never published."""
    releases: dict[int, NoticeRelease] = {}
    # Every stored version is read (parsed once, then cached by `policy_at`): policies change
    # a few times a year, so this stays a short walk.
    for row in policy_versions():
        policy = policy_at(version=row.number)
        notice = policy.notices.get(notice_id)
        if notice is not None and notice.version not in releases:
            releases[notice.version] = NoticeRelease(notice=notice, policy=policy, published=row)
    return list(releases.values())


def notice_release_at(*, notice_id: str, version: int) -> NoticeRelease:
    for release in notice_releases(notice_id=notice_id):
        if release.notice.version == version:
            return release
    raise NotFound(f"notice {notice_id!r} has no version {version}")


def notice_release_current(*, policy: Policy, notice_id: str) -> NoticeRelease:
    """The version of a notice the active policy carries; NotFound when it carries none."""
    notice = policy.notices.get(notice_id)
    if notice is None:
        raise NotFound(f"the current policy has no notice {notice_id!r}")
    return notice_release_at(notice_id=notice_id, version=notice.version)
