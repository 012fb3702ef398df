"""Safety test fixtures; helpers are in hogo/tests/safety.py and hogo/tests/mail.py."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_master_key(master_key: Path) -> None:
    """Every test here gets its own key-encryption key file (`master_key`, hogo/tests)."""
