"""Deployment check: `hogo check --deploy` warns while the active policy still holds
placeholders (facts the published policy does not state, placeholders.py); every check warns
while a translation catalogue has no up-to-date .mo (hogo.i18n)."""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Warning, register
from django.db import DatabaseError

from hogo.i18n import HOGO, catalogue_stale, catalogues
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


@register("policy")
def translations_check(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """A catalogue without an up-to-date .mo: its pages would show the English msgids."""
    stale = [po for po in catalogues() if catalogue_stale(po)]
    if not stale:
        return []
    return [
        Warning(
            f"{len(stale)} translation catalogue(s) not compiled: "
            f"{', '.join(str(po.relative_to(HOGO.parent)) for po in stale)}",
            hint="Run `hogo translations compile` (dev start and dev test do it).",
            id="policy.W002",
        )
    ]
