"""Members' area test fixtures: members registered and logged in; helpers are in
hogo/tests/members.py."""

from pathlib import Path
from typing import Any

import pytest

from hogo.tests.members import HANAKO, TARO, Registered, register


@pytest.fixture(autouse=True)
def own_master_key(master_key: Path, quick_argon2: None) -> None:
    """Every test here gets its own key-encryption key file and Argon2 at its cheapest
    (`master_key`, `quick_argon2`, hogo/tests)."""


@pytest.fixture
def hanako(policy: Any) -> Registered:
    return register(HANAKO)


@pytest.fixture
def taro(policy: Any) -> Registered:
    return register(TARO, lang="ja")
