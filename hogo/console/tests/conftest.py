"""Console test fixtures: the lockout tests log in dozens of times."""

import pytest


@pytest.fixture(autouse=True)
def quick_argon2_everywhere(quick_argon2: None) -> None:
    """Argon2 at its cheapest in every test here (`quick_argon2`, hogo/tests)."""
