"""The purpose changes of a policy version that need people's consent before their earlier data
is used under them (APPI Arts. 17(2), 18(1)), as structured values for enforcement and for the
re-consent campaigns.

They are read off the version diff (`diff.policy_diff`, `needs_consent=True`), so the diff stays
the one place that classifies a change: a purpose added without being reasonably related to an
earlier one, a purpose becoming consent-only, and a purpose that may use more categories.
"""

import threading
from dataclasses import dataclass

from hogo.policy.diff import ChangeKind, policy_diff
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_at, policy_versions

# The changes that concern the whole purpose, and the one that concerns some of its categories.
WHOLE_PURPOSE = (ChangeKind.PURPOSE_ADDED, ChangeKind.CONSENT_REQUIRED_CHANGED)
CATEGORIES = ChangeKind.CATEGORIES_WIDENED


@dataclass(frozen=True)
class ConsentChange:
    """One purpose change of `version` (against the version before it) that needs consent."""

    version: int
    purpose: str
    kind: ChangeKind
    categories: tuple[str, ...] = ()  # the widened categories; empty for a whole purpose

    @property
    def whole_purpose(self) -> bool:
        return self.kind in WHOLE_PURPOSE


def consent_changes_between(old: Policy, new: Policy) -> list[ConsentChange]:
    """The consent-needing purpose changes from `old` to `new` (`new.version` is the version)."""
    assert new.version is not None
    found = []
    for change in policy_diff(old, new):
        if not change.needs_consent or change.kind not in (*WHOLE_PURPOSE, CATEGORIES):
            continue
        # Keys are `purposes.<id>` (added) or `purposes.<id>.<attribute>`.
        purpose = change.key.removeprefix("purposes.")
        if change.kind != ChangeKind.PURPOSE_ADDED:
            purpose = purpose.rsplit(".", 1)[0]
        widened: tuple[str, ...] = ()
        if change.kind == CATEGORIES:
            before = set(old.purposes[purpose].categories)
            widened = tuple(c for c in new.purposes[purpose].categories if c not in before)
        found.append(ConsentChange(new.version, purpose, ChangeKind(change.kind), widened))
    return found


def consent_changes(*, version: int) -> list[ConsentChange]:
    """The consent-needing purpose changes `version` made (none for the first version)."""
    if version <= 1:
        return []
    return consent_changes_between(policy_at(version=version - 1), policy_at(version=version))


# Per stored history (every version's number and digest): purpose -> version. Versions never
# change, and the digests keep the cache right when a test database reuses version numbers.
_since: dict[tuple[tuple[int, str], ...], dict[str, int]] = {}
_since_lock = threading.Lock()


def consent_since() -> dict[str, int]:
    """Per purpose, the latest version from which the whole purpose needs consent: data
    acquired under an earlier version may be used for it only with a consent given under this
    version or a later one. Purposes not listed need nothing more than their acquisitions."""
    history = tuple(policy_versions().values_list("number", "sha256"))
    with _since_lock:
        cached = _since.get(history)
    if cached is not None:
        return cached
    since: dict[str, int] = {}
    for number, _ in history[1:]:
        for change in consent_changes(version=number):
            if change.whole_purpose:
                since[change.purpose] = number
    with _since_lock:
        if len(_since) >= 16:
            _since.clear()
        _since[history] = since
    return since
