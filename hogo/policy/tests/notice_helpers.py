"""A test-only supplementary notice, added to a copy of the reference policy (which declares
none: the organization published none)."""

import copy
from pathlib import Path
from typing import Any

from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.policy.services import policy_file_read, policy_load
from hogo.policy.tests.helpers import by_id, reference_data, toml_dumps

NOTICE_ID = "tsn-expo"
NOTICE: dict[str, Any] = {
    "id": NOTICE_ID,
    "kind": "event",
    "version": 1,
    "title": {"ja": "TSN展示会のご案内", "en": "The TSN Expo"},
    "text": {
        "ja": "展示会のご来場登録でいただいた情報の取扱いについて、以下のとおりお知らせします。",
        "en": "How we handle the information you give when registering for the expo.",
    },
    "purposes": ["campaign-invitations-surveys"],
    "own_purposes": [
        {
            "id": "booth-follow-up",
            "title": {"ja": "ご来場ブースからのご連絡", "en": "Follow-up from booths you visited"},
            "description": {
                "ja": "ご来場いただいたブースに関する資料をお送りします。",
                "en": "Sending material about the booths you visited.",
            },
            "categories": ["name", "email", "organization"],
            "retention_days": 365,
            "related_to": ["campaign-invitations-surveys"],
        },
        {
            "id": "expo-newsletter",
            "title": {"ja": "展示会ニュースの配信", "en": "The expo newsletter"},
            "description": {
                "ja": "次回以降の展示会のニュースをお送りします。",
                "en": "Sending news about future expos.",
            },
            "categories": ["name", "email"],
            "retention_days": 180,
        },
    ],
}
CHANNEL = "event-registration"


def with_notice(notice: dict[str, Any] | None = None) -> dict[str, Any]:
    """The reference policy with one notice, named by the event-registration channel."""
    data = reference_data()
    data["notices"] = [copy.deepcopy(notice or NOTICE)]
    by_id(data["channels"], CHANNEL)["notice"] = data["notices"][0]["id"]
    return data


def notice_policy_text(notice: dict[str, Any] | None = None) -> str:
    return toml_dumps(with_notice(notice))


def notice_policy_file(tmp_path: Path, notice: dict[str, Any] | None = None) -> Path:
    path = tmp_path / "policy-with-notice.toml"
    path.write_text(notice_policy_text(notice), encoding="utf-8")
    return path


def notice_policy_load(tmp_path: Path, notice: dict[str, Any] | None = None) -> Policy:
    """Writes the reference policy with a notice to `tmp_path`, loads it and returns it active."""
    path = notice_policy_file(tmp_path, notice)
    policy_load(text=policy_file_read(path=path), note="with a supplementary notice")
    return policy_active()
