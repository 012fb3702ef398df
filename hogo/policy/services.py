"""Writes: loading a policy file as a new, immutable version."""

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction

from hogo.errors import Conflict, InvalidInput
from hogo.policy.diff import PolicyChange, policy_diff
from hogo.policy.models import PolicyVersion
from hogo.policy.schema import Policy, PolicyError, PolicyInvalid, policy_parse
from hogo.policy.schema.notices import notice_versions_check
from hogo.policy.selectors import policy_at


class PolicyUnreadable(InvalidInput):
    code = "policy_unreadable"


@dataclass(frozen=True)
class PolicyLoadResult:
    version: PolicyVersion
    policy: Policy
    created: bool
    # Changes from the previous version; empty for the first version or when unchanged.
    changes: list[PolicyChange]


def policy_file_read(*, path: Path) -> str:
    """The text of a policy file, or PolicyUnreadable saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyUnreadable("cannot read file: not UTF-8 text") from exc
    except OSError as exc:
        raise PolicyUnreadable(f"cannot read file: {exc.strerror or exc}") from exc


def policy_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def policy_load(*, text: str, note: str = "") -> PolicyLoadResult:
    """Store `text` as a new policy version unless it equals the active one.

    Raises PolicyInvalid (nothing stored) when the file is invalid, or when the cookie section
    changed without a new `cookies.version`, since visitors would then not be asked again.
    """
    policy = policy_parse(text)
    digest = policy_sha256(text)
    latest = PolicyVersion.objects.defer("source").order_by("-number").first()
    if latest is not None and latest.sha256 == digest:
        return PolicyLoadResult(
            version=latest, policy=policy_at(version=latest.number), created=False, changes=[]
        )
    changes: list[PolicyChange] = []
    if latest is not None:
        previous = policy_at(version=latest.number)
        _check_cookie_version(previous, policy)
        _check_notice_versions(previous, policy)
        changes = policy_diff(previous, policy)
    number = latest.number + 1 if latest is not None else 1
    try:
        with transaction.atomic():
            version = PolicyVersion.objects.create(
                number=number, sha256=digest, source=text, note=note[:200]
            )
    except IntegrityError as exc:
        raise Conflict(
            f"policy version {number} was loaded by someone else meanwhile; load again"
        ) from exc
    return PolicyLoadResult(
        version=version,
        policy=dataclasses.replace(policy, version=number),
        created=True,
        changes=changes,
    )


def _check_cookie_version(previous: Policy, policy: Policy) -> None:
    if previous.cookies != policy.cookies and previous.cookies.version >= policy.cookies.version:
        raise PolicyInvalid(
            [
                PolicyError(
                    path="cookies.version",
                    reason=f"the cookie section changed: raise the version above "
                    f"{previous.cookies.version} so that visitors are asked again",
                )
            ]
        )


def _check_notice_versions(previous: Policy, policy: Policy) -> None:
    problems = notice_versions_check(previous.notices, policy.notices)
    if problems:
        raise PolicyInvalid(problems)
