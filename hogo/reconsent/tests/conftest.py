"""Re-consent test fixtures: the derived policy versions loaded (hogo/tests/reconsent.py)."""

from collections.abc import Callable
from pathlib import Path

import pytest

from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.policy.services import policy_file_read, policy_load
from hogo.tests.reconsent import version_1_text, version_2_text


@pytest.fixture(autouse=True)
def own_master_key(master_key: Path) -> None:
    """Every test here gets its own key-encryption key file (`master_key`, hogo/tests)."""


@pytest.fixture
def version_1(db: None) -> Policy:
    policy_load(text=version_1_text(), note="test: version 1")
    return policy_active()


@pytest.fixture
def load_version_2(tmp_path: Path) -> Callable[[], Policy]:
    """Writes version 2 to a file and loads it as the next version, like `hogo policy load`."""

    def load() -> Policy:
        path = tmp_path / "policy-v2.toml"
        path.write_text(version_2_text(), encoding="utf-8")
        policy_load(text=policy_file_read(path=path), note="test: version 2")
        return policy_active()

    return load
