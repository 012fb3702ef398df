"""Placeholders: facts the published policy does not state, marked in the policy file so that
they cannot go live unnoticed.

One convention for every text: `［要記入：…］` in Japanese and `[TO BE ENTERED: …]` in English,
the dots saying what is to be entered. A value that must stay machine-valid (the desk's e-mail
address) marks itself with a domain under `.invalid`, which RFC 6761 reserves as never
resolving: `privacy-desk@placeholder.invalid` passes validation and no mail ever reaches anyone.

`hogo policy check` prints a warning per placeholder; `hogo check --deploy` warns while the
active policy still holds one (checks.py).
"""

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from hogo.policy.schema import Policy, Text

MARKER = re.compile(r"［要記入：[^］]*］|\[TO BE ENTERED: [^\]]*\]")
# A host under the reserved .invalid top-level domain, at the end of an address or URL.
INVALID_DOMAIN = re.compile(r"[\w.+-]*@?[\w-]+(?:\.[\w-]+)*\.invalid\b", re.IGNORECASE)
_NOT_TEXT = ("version",)  # the stored version number, not a key of the file


@dataclass(frozen=True)
class Placeholder:
    path: str  # dotted key path, as in validation errors
    text: str  # the marked text found there

    def __str__(self) -> str:
        return f"{self.path}: placeholder text ({self.text})"


def policy_placeholders(policy: Policy) -> list[Placeholder]:
    """Every key whose value holds a placeholder, in file order."""
    return list(_walk(policy, ""))


def _marked(text: str) -> str | None:
    found = MARKER.search(text) or INVALID_DOMAIN.search(text)
    return found.group(0) if found else None


def _join(path: str, key: str | int) -> str:
    return f"{path}.{key}" if path else str(key)


def _walk(value: object, path: str) -> Iterator[Placeholder]:
    if isinstance(value, Text):
        # One line per key: the Japanese marker, or the English one when only it is marked.
        marked = _marked(value.ja) or _marked(value.en)
        if marked:
            yield Placeholder(path, marked)
    elif isinstance(value, str):
        marked = _marked(value)
        if marked:
            yield Placeholder(path, marked)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            if spec.name not in _NOT_TEXT:
                yield from _walk(getattr(value, spec.name), _join(path, spec.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, _join(path, key))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, _join(path, index))


STORAGE_COUNTRY_PATH = "safety.external_environment.storage_country"


def policy_unstated(policy: Policy) -> list[str]:
    """Facts hogo shows (the ledger) that this policy neither states nor marks, one warning
    each: never made up, shown as a placeholder until the file says them."""
    missing = []
    if policy.safety.external_environment.storage() is None:
        missing.append(
            f"{STORAGE_COUNTRY_PATH}: missing: the country where hogo's own database is kept "
            "(foreign countries are named, so it is not Japan by default); the ledger shows a "
            "placeholder until it is entered"
        )
    return missing
