"""Cookie-consent endpoint test support: the website and a choice as its banner posts it."""

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

SITE = "https://www.example.jp"

Post = Callable[..., "TestResponse"]


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
