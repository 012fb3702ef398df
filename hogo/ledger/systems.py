"""The systems that hold personal data, for the ledger.

Today hogo's own vault is the only one. The policy's `[[systems]]` (issue 16, the data map)
will declare the others: `ledger_systems` is the one place that lists them, and the rest of
the ledger reads each system's purposes, categories and country from what it returns.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from hogo.policy.schema import Policy, Text


@dataclass(frozen=True)
class System:
    id: str
    title: str  # in the active language
    # Where the data is kept, as the policy states it; None: the policy does not say.
    country: Text | None
    # None: every purpose or category of the policy (hogo's vault holds whatever it takes in).
    purposes: frozenset[str] | None = None
    categories: frozenset[str] | None = None

    def holds(self, purpose: str | None, category: str | None) -> bool:
        return (purpose is None or self.purposes is None or purpose in self.purposes) and (
            category is None or self.categories is None or category in self.categories
        )


def ledger_systems(policy: Policy) -> list[System]:
    """Every system that holds personal data under this policy, hogo's vault first."""
    vault = System(
        id="hogo-vault",
        title=_("hogo's vault (encrypted database)"),
        country=policy.safety.external_environment.storage(),
    )
    # The `[[systems]]` of the data map join here, each with its own purposes, categories and
    # country from the policy.
    return [vault]
