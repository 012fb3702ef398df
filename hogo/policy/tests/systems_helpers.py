"""The documented example data map (`docs/examples/systems.toml`) as data, for tests."""

import copy
import tomllib
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "systems.toml"


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def example_systems() -> list[dict[str, Any]]:
    systems: list[dict[str, Any]] = tomllib.loads(example_text())["systems"]
    return copy.deepcopy(systems)
