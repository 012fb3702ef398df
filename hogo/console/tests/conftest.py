"""Console test fixtures: the lockout tests log in dozens of times."""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def quick_argon2_everywhere(quick_argon2: None) -> None:
    """Argon2 at its cheapest in every test here (`quick_argon2`, hogo/tests)."""


@pytest.fixture(autouse=True)
def second_factor_key(settings: Any, tmp_path: Path) -> Path:
    """A second-factor key file of the test's own (made with the first secret)."""
    settings.SECOND_FACTOR_KEY_FILE = tmp_path / "keys" / "second-factor.key"
    return Path(settings.SECOND_FACTOR_KEY_FILE)
