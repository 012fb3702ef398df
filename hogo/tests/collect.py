"""Collection test support: form values and a form post as a browser makes it."""

import re
from typing import Any

from django.test import Client

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
