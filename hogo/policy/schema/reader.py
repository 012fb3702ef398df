"""A TOML table reader that records every problem with its dotted key path and carries on.

The parser asks a `Reader` for each key it knows; whatever it never asked for is reported as
an unknown key (a typo) once parsing is done. Wrong or missing values yield a harmless
placeholder so that one mistake does not hide the next.
"""

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from hogo.policy.schema.document import ID_PATTERN, LANGUAGES, Text
from hogo.policy.wording import MONTH_DAYS, YEAR_DAYS

ID = re.compile(ID_PATTERN)

_LANGUAGE_NAMES = {"ja": "Japanese", "en": "English"}
# A retention period's keys and the days each unit counts.
RETENTION_UNITS = {
    "retention_days": 1,
    "retention_months": MONTH_DAYS,
    "retention_years": YEAR_DAYS,
}
PLACEHOLDER_TEXT = Text(ja="", en="")


@dataclass(frozen=True)
class PolicyError:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class Errors:
    """The errors found so far and every reader opened, to report unknown keys at the end."""

    def __init__(self) -> None:
        self.found: list[PolicyError] = []
        self.readers: list[Reader] = []

    def add(self, path: str, reason: str) -> None:
        self.found.append(PolicyError(path=path or "(top level)", reason=reason))

    def report_unknown_keys(self) -> None:
        for reader in self.readers:
            reader.report_unknown_keys()


def join(path: str, key: str | int) -> str:
    return f"{path}.{key}" if path else str(key)


class Reader:
    def __init__(self, data: object, path: str, errors: Errors) -> None:
        self.path = path
        self.errors = errors
        self.asked: set[str] = set()
        if isinstance(data, dict):
            self.data: dict[str, object] = data
        else:
            errors.add(path, "must be a table")
            self.data = {}
        errors.readers.append(self)

    def at(self, key: str | int) -> str:
        return join(self.path, key)

    def error(self, key: str | int, reason: str) -> None:
        self.errors.add(self.at(key), reason)

    def has(self, key: str) -> bool:
        self.asked.add(key)
        return key in self.data

    def raw(self, key: str) -> object:
        self.asked.add(key)
        return self.data.get(key)

    def report_unknown_keys(self) -> None:
        for key in self.data:
            if key not in self.asked:
                close = difflib.get_close_matches(key, sorted(self.asked), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.error(key, f"unknown key{hint}")

    def table(self, key: str) -> "Reader":
        if not self.has(key):
            self.error(key, "missing (a table)")
            return Reader({}, self.at(key), self.errors)
        return Reader(self.data[key], self.at(key), self.errors)

    def optional_table(self, key: str) -> "Reader | None":
        return Reader(self.data[key], self.at(key), self.errors) if self.has(key) else None

    def tables(self, key: str, *, required: bool = True) -> Iterator[tuple[int, object]]:
        """The elements of an array of tables, with their index."""
        value = self.raw(key)
        if value is None:
            if required:
                self.error(key, "missing (a list of tables)")
            return
        if not isinstance(value, list):
            self.error(key, "must be a list of tables")
            return
        yield from enumerate(value)

    def text(self, key: str) -> Text:
        if not self.has(key):
            self.error(key, 'missing (a { ja = "...", en = "..." } text)')
            return PLACEHOLDER_TEXT
        return self.text_value(key)

    def optional_text(self, key: str) -> Text | None:
        return self.text_value(key) if self.has(key) else None

    def text_value(self, key: str) -> Text:
        value = self.data[key]
        if not isinstance(value, dict):
            self.error(key, 'must be a { ja = "...", en = "..." } text')
            return PLACEHOLDER_TEXT
        inner = Reader(value, self.at(key), self.errors)
        versions = {}
        for lang in LANGUAGES:
            versions[lang] = inner.string(lang, what=f"{_LANGUAGE_NAMES[lang]} text")
        return Text(ja=versions["ja"], en=versions["en"])

    def string(self, key: str, *, what: str = "text", choices: tuple[str, ...] = ()) -> str:
        if not self.has(key):
            self.error(key, f"missing ({what})")
            return ""
        return self.string_value(key, choices=choices)

    def optional_string(self, key: str, *, choices: tuple[str, ...] = ()) -> str | None:
        return self.string_value(key, choices=choices) if self.has(key) else None

    def string_value(self, key: str, *, choices: tuple[str, ...] = ()) -> str:
        value = self.data[key]
        if not isinstance(value, str):
            self.error(key, "must be a string")
            return ""
        if not value.strip():
            self.error(key, "must not be empty")
        elif choices and value not in choices:
            self.error(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    def boolean(self, key: str, *, default: bool) -> bool:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, "must be true or false")
            return default
        return value

    def integer(self, key: str, *, what: str, minimum: int, maximum: int | None = None) -> int:
        value = self.raw(key)
        if value is None:
            self.error(key, f"missing ({what})")
            return minimum
        # bool is an int in Python; `true` is never a number of days.
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"must be a whole number ({what})")
            return minimum
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"at least {minimum}" if maximum is None else f"{minimum} to {maximum}"
            self.error(key, f"must be {bound}, not {value}")
        return value

    def retention(self) -> int:
        """Days to keep data, from exactly one of `retention_years` (365 days each),
        `retention_months` (30 days each) or `retention_days`: the units in which
        `hogo.policy.wording.retention_period` reads a period back, so "3 years" in the file
        is what the notice says and 1,095 days are what the vault counts."""
        given = [key for key in RETENTION_UNITS if self.has(key)]
        if not given:
            self.error("retention_days", "missing (days to keep data for this purpose)")
            return 1
        if len(given) > 1:
            self.error(given[1], f"give one of {', '.join(RETENTION_UNITS)}, not {len(given)}")
        key = given[0]
        unit = key.removeprefix("retention_")
        count = self.integer(key, what=f"{unit} to keep data for this purpose", minimum=1)
        return count * RETENTION_UNITS[key]

    def strings(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.raw(key)
        if value is None:
            if required:
                self.error(key, "missing (a list of ids)")
            return ()
        if not isinstance(value, list):
            self.error(key, "must be a list of strings")
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item:
                self.errors.add(join(self.at(key), index), "must be a non-empty string")
            else:
                items.append(item)
        return tuple(items)


def items(parent: Reader, key: str, kind: str, *, by_id: bool) -> Iterator[tuple[Reader, str]]:
    """Each table of an array with its id, reporting bad and duplicate ids.

    Paths name an element by its id (`purposes.<id>.retention_days`) when `by_id`
    and the id is usable, otherwise by its index (`channels.survey.fields.2.category`).
    """
    seen: dict[str, int] = {}
    for index, raw in parent.tables(key):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        usable = isinstance(raw_id, str) and ID.fullmatch(raw_id) and raw_id not in seen
        label: str | int = raw_id if by_id and usable and isinstance(raw_id, str) else index
        reader = Reader(raw, join(parent.at(key), label), parent.errors)
        ident = reader.string("id", what=f"{kind} id")
        if ident and not ID.fullmatch(ident):
            reader.error("id", "must start with a lowercase letter and use only a-z, 0-9, - and _")
        if ident in seen:
            first = join(parent.at(key), seen[ident])
            reader.error("id", f"duplicate {kind} id {ident!r} (first at {first})")
            continue
        seen[ident] = index
        yield reader, ident


def known(
    r: Reader, key: str, ids: tuple[str, ...], declared: Mapping[str, object], what: str
) -> None:
    """Report each id of the list at `key` that names nothing declared: `unknown <what> 'x'`."""
    for index, ident in enumerate(ids):
        if ident not in declared:
            r.errors.add(join(r.at(key), index), f"unknown {what} {ident!r}")
