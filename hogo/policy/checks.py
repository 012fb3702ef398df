"""Deployment check: `hogo check --deploy` warns while the active policy still holds
placeholders (facts the published policy does not state, placeholders.py)."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Warning, register
from django.db import DatabaseError

from hogo.policy.placeholders import policy_placeholders
from hogo.policy.selectors import PolicyNotLoaded, policy_active


@register("policy", deploy=True)
def placeholders_check(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    try:
        policy = policy_active()
    except (PolicyNotLoaded, DatabaseError):
        # Nothing published yet: loading runs `hogo policy check`, which lists them.
        return []
    found = policy_placeholders(policy)
    if not found:
        return []
    return [
        Warning(
            f"the active policy (version {policy.version}) still holds {len(found)} "
            f"placeholder(s) for facts to enter: {', '.join(p.path for p in found)}",
            hint="Enter them in the policy file, then run `hogo policy load`; "
            "`hogo policy check` lists each with its text.",
            id="policy.W001",
        )
    ]
