"""The special-care guard (policy 3.3, APPI Art. 20(2)): free text goes through `detect`
before anything is stored; what it finds is refused unless the person explicitly consented and
the channel allows such consent. Forms, the API and imports use it; so can corrections.

Errors name fields and categories, never the text.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from hogo.detect import scan
from hogo.errors import Refused
from hogo.policy.schema import Channel, Policy


@dataclass(frozen=True)
class SpecialCareFinding:
    field: str
    categories: tuple[str, ...]
    # The categories the person may consent to here; the rest must be removed.
    consentable: tuple[str, ...]


class SpecialCareFound(Refused):
    code = "special_care_found"

    def __init__(self, findings: Sequence[SpecialCareFinding]) -> None:
        self.findings = tuple(findings)
        parts = []
        for finding in self.findings:
            how = (
                "remove it, or give explicit consent (special_care_consent)"
                if set(finding.categories) <= set(finding.consentable)
                else "remove it (this channel cannot accept it)"
            )
            parts.append(
                f"{finding.field}: seems to include special-care information "
                f"({', '.join(finding.categories)}); {how}"
            )
        super().__init__("; ".join(parts))


def special_care_scan(
    *, texts: Mapping[str, str], lang: str | None = None
) -> dict[str, tuple[str, ...]]:
    """The special-care categories found in each text (texts with none are left out)."""
    found: dict[str, tuple[str, ...]] = {}
    for key, text in texts.items():
        if text:
            categories = scan(text, lang=lang).categories
            if categories:
                found[key] = tuple(categories)
    return found


def special_care_consentable(
    *, policy: Policy, channel: Channel, purposes: Sequence[str]
) -> frozenset[str]:
    """What a person may consent to on this channel: special-care categories that one of the
    purposes in use covers, and only where the channel allows such consent at all."""
    if not channel.special_care_consent:
        return frozenset()
    covered = {c for p in purposes for c in policy.purposes[p].categories}
    return frozenset(covered & policy.special_care_ids())


def special_care_guard(
    *,
    policy: Policy,
    channel: Channel,
    purposes: Sequence[str],
    values: Mapping[str, str],
    consented: Collection[str],
    lang: str | None = None,
    declared: Mapping[str, str] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Scans the channel's free-text fields among `values`; `declared` adds the category a
    caller says a field holds (field -> category). Returns what was found (field ->
    categories), all of it consented; raises SpecialCareFound otherwise."""
    free = {f.id: values[f.id] for f in channel.fields if f.free_text and values.get(f.id)}
    found = special_care_scan(texts=free, lang=lang)
    for field, category in (declared or {}).items():
        found[field] = tuple(dict.fromkeys((category, *found.get(field, ()))))
    if not found:
        return found
    consentable = special_care_consentable(policy=policy, channel=channel, purposes=purposes)
    refused = [
        SpecialCareFinding(
            field=field,
            categories=categories,
            consentable=tuple(c for c in categories if c in consentable),
        )
        for field, categories in found.items()
        if not all(c in consentable and c in consented for c in categories)
    ]
    if refused:
        raise SpecialCareFound(refused)
    return found
