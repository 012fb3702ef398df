import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client

from hogo.policy.schema import Policy

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

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
        "version": 2,
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
