"""What a scan returns: findings with their span in the original text and the rule that fired."""

from dataclasses import dataclass, field
from typing import Literal

CATEGORY_LABELS: tuple[str, ...] = (
    "religion",
    "race_ethnicity",
    "social_status",
    "disability",
    "health",
    "criminal_record",
    "crime_victim",
    "sexual_orientation",
    "political",
)
IDENTIFIER_LABELS: tuple[str, ...] = (
    "email",
    "phone",
    "postal_code",
    "address",
    "my_number",
    "credit_card",
    "ip_address",
    "person_name",
)

Kind = Literal["category", "identifier"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One span of the original text: ``text[start:end]`` is what was found."""

    kind: Kind
    label: str
    start: int
    end: int
    score: float
    rule: str

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class ScanResult:
    findings: tuple[Finding, ...] = ()
    lang: str = "en"
    categories: tuple[str, ...] = field(init=False)
    identifiers: tuple[Finding, ...] = field(init=False)

    def __post_init__(self) -> None:
        # One plain loop: a scan returns one of these for every text (a quarter of them empty).
        if not self.findings:
            object.__setattr__(self, "categories", ())
            object.__setattr__(self, "identifiers", ())
            return
        categories: set[str] = set()
        identifiers: list[Finding] = []
        for f in self.findings:
            if f.kind == "category":
                categories.add(f.label)
            elif f.kind == "identifier":
                identifiers.append(f)
        object.__setattr__(self, "categories", tuple(sorted(categories)))
        object.__setattr__(self, "identifiers", tuple(identifiers))

    def to_json(self) -> dict[str, object]:
        return {
            "categories": list(self.categories),
            "findings": [f.to_json() for f in self.findings],
        }
