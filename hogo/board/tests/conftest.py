"""Board test fixtures; the rows with known counts are in scenario.py."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_master_key(master_key: Path) -> None:
    """Every test here gets its own key-encryption key file (`master_key`, hogo/tests)."""
