"""The systems that hold personal data, for the ledger.

hogo's own vault, then the organization's other systems the policy's data map declares
(`[[systems]]`): `ledger_systems` is the one place that lists them, and the rest of the ledger
reads each system's purposes, categories and country from what it returns.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hogo.policy.schema import Policy, Text


@dataclass(frozen=True)
class LedgerSystem:
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


def ledger_systems(policy: Policy) -> list[LedgerSystem]:
    """Every system that holds personal data under this policy, hogo's vault first."""
    vault = LedgerSystem(
        id="hogo-vault",
        title=_("hogo's vault (encrypted database)"),
        country=policy.safety.external_environment.storage(),
    )
    lang = get_language() or "ja"
    declared = [
        LedgerSystem(
            id=system.id,
            title=system.title.get(lang),
            country=_COUNTRIES.get(system.country, Text(ja=system.country, en=system.country)),
            purposes=frozenset(system.purposes),
            categories=frozenset(system.categories),
        )
        for system in policy.systems.values()
    ]
    return [vault, *declared]


# A system's country is an ISO 3166-1 code in the policy; Japan's name is written out.
_COUNTRIES = {"JP": Text(ja="日本", en="Japan")}
