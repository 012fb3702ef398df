"""Another organization's policy (no purpose, channel or ordinary category id of the reference)
runs collection: its portal sign-up opens a member account, its import channel takes a
purchased directory, and channels it does not mark take no import."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from hogo.collect.models import Member, ReceiptRecord
from hogo.collect.tests.test_import import run, write_csv
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.tests.collect import form_post
from hogo.vault.access import subjects_access

pytestmark = pytest.mark.django_db
Capture = Callable[..., Any]


def test_the_portal_signup_opens_a_member_account(
    other_policy: Policy, django_capture_on_commit_callbacks: Capture
) -> None:
    values = {
        "full_name": "Hanako Yamada",
        "mail_address": "hanako.yamada@example.jp",
        "company": "Mitsuboshi Denki",
        "region": "Japan",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = form_post(Client(), "portal-signup", values, lang="en")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Member.objects.count() == 1
    assert mail.outbox[0].to == ["hanako.yamada@example.jp"]


def test_the_list_import_channel_takes_a_directory(other_policy: Policy, tmp_path: Path) -> None:
    header = ["氏名", "会社名・団体名", "メールアドレス"]
    path = write_csv(tmp_path / "list.csv", [header, ["山田 太郎", "三星電機", "taro@example.jp"]])
    summary = run(path)
    assert (summary.imported, summary.rejected) == (1, 0)  # type: ignore[attr-defined]
    assert ReceiptRecord.objects.get().purposes == ["newsletters"]
    view = subjects_access(actor="system:test", purpose="newsletters", email="taro@example.jp")
    assert view.items[0].identifiers == {"email": "taro@example.jp", "name": "山田 太郎"}
    assert view.items[0].data == {"company": "三星電機"}


def test_it_refuses_an_import_when_no_channel_is_marked_imported(db: None, tmp_path: Path) -> None:
    data = reference_data()
    for channel in data["channels"]:
        channel.pop("imported", None)
    policy_load(text=toml_dumps(data), note="test: no import channel")
    path = write_csv(tmp_path / "list.csv", [["氏名", "メールアドレス"], ["A", "a@example.jp"]])
    with pytest.raises(InvalidInput, match="no import channel"):
        run(path)
    assert not ReceiptRecord.objects.exists()
