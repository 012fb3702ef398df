"""The ledger's one read: the register, from the active policy and the live counts of the
other apps (through their selectors only)."""

from datetime import datetime

from django.utils import timezone, translation

from hogo.ledger.register import Filters, LedgerFacts, Register, register_build
from hogo.ledger.systems import ledger_systems
from hogo.policy.schema import Policy
from hogo.share.selectors import recipient_scopes
from hogo.vault.selectors import holdings, readers_by_purpose


def ledger_facts(*, policy: Policy, now: datetime) -> LedgerFacts:
    """What the vault and the recipient register hold today (counts, never a value)."""
    held = holdings(now=now)
    return LedgerFacts(
        pairs=held.by_purpose_category,
        purposes=held.by_purpose,
        categories=held.by_category,
        channels=held.by_channel,
        readers=readers_by_purpose(policy=policy),
        scopes=recipient_scopes(on=timezone.localdate(now)),
        systems=ledger_systems(policy),
    )


def ledger_register(
    *, policy: Policy, lang: str, filters: Filters | None = None, now: datetime | None = None
) -> Register:
    """The register in `lang` ("ja" or "en"), narrowed by `filters`."""
    moment = now or timezone.now()
    with translation.override(lang):
        return register_build(
            policy=policy,
            facts=ledger_facts(policy=policy, now=moment),
            lang=lang,
            filters=filters or Filters(),
            now=moment,
        )
