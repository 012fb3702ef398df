import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

from hogo.policy.schema import Policy


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Still Argon2 (members' and staff passwords), at costs that keep the tests fast."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


@pytest.fixture(autouse=True)
def quick_argon2(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["hogo.collect.tests.conftest.QuickArgon2PasswordHasher"]


@pytest.fixture(autouse=True)
def master_key(settings: Any, tmp_path: Path) -> Path:
    """Each test gets its own key-encryption key file (made at first use)."""
    settings.MASTER_KEY_FILE = tmp_path / "keys" / "master.key"
    return Path(settings.MASTER_KEY_FILE)


@pytest.fixture
def policy(active_policy: Policy) -> Policy:
    return active_policy


EVENT = {
    "name": "山田 花子",
    "email": "hanako.yamada@example.jp",
    "organization": "三星電機株式会社",
    "event": "CC-Link IE TSN セミナー 東京",
}
INQUIRY = {
    "name": "Hanako Yamada",
    "email": "hanako.yamada@example.jp",
    "message": "What does the conformance test for CC-Link IE TSN cost?",
}


def form_post(
    client: Client, channel: str, values: dict[str, str], *, lang: str = "ja", **extra: Any
) -> Any:
    """Opens the form like a browser would, then posts the values with the notice it showed."""
    page = client.get(f"/{lang}/forms/{channel}/")
    assert page.status_code == 200
    notice = re.search(r'name="notice" value="([0-9a-f]{64})"', page.content.decode())
    assert notice is not None
    return client.post(f"/{lang}/forms/{channel}/", {**values, "notice": notice.group(1), **extra})


# The desk's real SMTP server on loopback (aiosmtpd), for the confirmation mails.
from hogo.desk.tests.conftest import inbox as inbox  # noqa: E402
