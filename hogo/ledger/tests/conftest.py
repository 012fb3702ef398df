"""Ledger test fixtures; helpers are in hogo/tests/ledger.py."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def own_master_key(master_key: Path) -> None:
    """Every test here may store people in the vault, under its own key file."""
