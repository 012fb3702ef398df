from typing import Any

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Still Argon2, with costs that let the lockout tests log in dozens of times in seconds."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


@pytest.fixture(autouse=True)
def quick_argon2(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["hogo.console.tests.conftest.QuickArgon2PasswordHasher"]
