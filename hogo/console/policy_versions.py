"""Loading a policy version, recorded in the audit log.

The policy app stores versions (`policy_load`, pure: `policy` is left of `audit` and never
imports it); this assembly stores the version and records its `policy.load` event in one
transaction, so the chain shows when each published policy took effect and who loaded it.
"""

from django.db import transaction

from hogo.audit.services import audit_record
from hogo.policy.services import PolicyLoadResult, policy_load


@transaction.atomic
def policy_version_load(*, actor: str, text: str, note: str = "") -> PolicyLoadResult:
    """Stores `text` as a new version unless it equals the active one; one audit event for a
    new version (an unchanged file writes nothing, neither a version nor an event)."""
    result = policy_load(text=text, note=note)
    if result.created:
        version = result.version
        audit_record(
            actor=actor,
            action="policy.load",
            detail={
                "version": version.number,
                "sha256": version.sha256,
                "changes": len(result.changes),
                "needs_consent": sum(1 for c in result.changes if c.needs_consent),
            },
        )
    return result
