"""Collection test fixtures; helpers are in hogo/tests/collect.py."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_master_key(master_key: Path, quick_argon2: None) -> None:
    """Every test here gets its own key-encryption key file and Argon2 at its cheapest
    (`master_key`, `quick_argon2`, hogo/tests)."""
