"""The typed inputs and results of the systems app's services and selectors (public: the desk
uses them). Results carry table names, column names and primary keys, never a value, except
`Found.tables`, which holds the rows themselves for a disclosure."""

from dataclasses import dataclass, field

# Values sampled per column by a scan (`hogo systems scan --sample`).
DEFAULT_SAMPLE = 200

Key = str | int


@dataclass(frozen=True)
class Identity:
    """What finds a person in a system: identifier kind (email, phone, member_number) -> the
    values known for them (a verified address, the vault's phone number...)."""

    values: dict[str, tuple[str, ...]]

    def __bool__(self) -> bool:
        return any(self.values.values())


@dataclass(frozen=True)
class Found:
    """The rows of one system that concern the person: table -> rows (column -> value as
    text, ISO 8601 for times), following the declared references."""

    system: str
    tables: dict[str, list[dict[str, object]]]
    keys: dict[str, list[Key]]  # table -> primary keys of the rows found

    @property
    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


@dataclass(frozen=True)
class Failure:
    """A field that did not read back as the request left it (or a row still there)."""

    table: str
    key: Key
    column: str | None  # None: the row should be gone and is not

    def as_dict(self) -> dict[str, object]:
        return {"table": self.table, "key": self.key, "column": self.column}


@dataclass(frozen=True)
class Applied:
    """What a deletion, suspension or correction did in one system, read back afterwards.
    `verified` only when every field and row checked read back as intended. `manual` lists
    what the declaration does not let hogo do there (categories to correct by hand, a
    suspension without a flag column)."""

    system: str
    keys: dict[str, list[Key]]
    changed: dict[str, int]  # table -> rows updated or deleted
    checked: int  # fields and rows read back
    failures: tuple[Failure, ...] = ()
    manual: tuple[str, ...] = field(default_factory=tuple)

    @property
    def verified(self) -> bool:
        return not self.failures
