import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client

from hogo.policy.schema import Policy

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse
    from playwright.sync_api import Browser

SITE = "https://www.example.jp"

Post = Callable[..., "TestResponse"]


@pytest.fixture
def site_origins(settings: Any) -> list[str]:
    settings.SITE_ORIGINS = [SITE]
    return settings.SITE_ORIGINS  # type: ignore[no-any-return]


def choice(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "accepted": ["analytics", "necessary", "preferences"],
        "rejected": [],
        "version": 1,
        "method": "accept_all",
        "gpc": False,
        "language": "ja",
    }
    body.update(overrides)
    return body


@pytest.fixture
def post_choice(active_policy: Policy, site_origins: list[str]) -> Post:
    """POST a choice to /site/consent as a browser on the listed website would."""

    def post(
        body: object = None,
        *,
        origin: str | None = SITE,
        remote_addr: str = "203.0.113.77",
        headers: dict[str, str] | None = None,
    ) -> "TestResponse":
        data = json.dumps(choice() if body is None else body)
        headers = dict(headers or {})
        if origin is not None:
            headers["Origin"] = origin
        return Client().post(
            "/site/consent",
            data,
            content_type="application/json",
            headers=headers,
            REMOTE_ADDR=remote_addr,
        )

    return post


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser(django_db_setup: None) -> Iterator["Browser"]:
    """Debian's Chromium driven by Playwright (never `playwright install`), for one module.

    Playwright's sync API keeps an event loop running in this thread while it is open, and
    Django's ORM refuses to run beside one, although nothing async touches the database. So the
    test database exists first, and the check is off only while this module's tests run.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("the browser tests need Debian's chromium: apt-get install -y chromium")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
