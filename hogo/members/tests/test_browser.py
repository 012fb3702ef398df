"""The member's whole way in Chromium, in Japanese and English: register through the public
form, take the activation link from the mail (real SMTP), set the password (a POST that the
CSRF check must accept from the page's own origin), log in, see the data, log out."""

import re
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from hogo.collect.models import Member, MemberStatus
from hogo.policy.schema import Policy
from hogo.tests.mail import Inbox, body
from hogo.tests.members import HANAKO, PASSWORD, register

if TYPE_CHECKING:
    from playwright.sync_api import Page

TEXT = {
    "submit": {"ja": "送信する", "en": "Submit"},
    "done": {"ja": "送信しました", "en": "Thank you"},
    "activated": {
        "ja": "パスワードを設定しました。会員登録が完了しました。",
        "en": "Your password is set and your registration is complete.",
    },
    "login": {"ja": "ログインする", "en": "Log in"},
    "logout": {"ja": "ログアウト", "en": "Log out"},
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_it_registers_activates_and_logs_in_a_member(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox, lang: str
) -> None:
    page.goto(f"{live_server.url}/{lang}/forms/member-registration/")
    for field, value in HANAKO.items():
        page.locator(f"#id_{field}").fill(value)
    for box in page.locator('input[name="consent_purpose"]').all():
        box.check()
    page.get_by_role("button", name=TEXT["submit"][lang]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TEXT["done"][lang])

    link = re.search(r"https?://\S+/activate/\S+/", body(inbox.last(HANAKO["email"])))
    assert link is not None
    assert link.group(0).startswith(f"{live_server.url}/{lang}/forms/members/activate/")
    opened = page.goto(link.group(0))
    assert opened is not None
    assert opened.headers["referrer-policy"] == "strict-origin"
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password_again").fill(PASSWORD)
    page.get_by_role("button", name=TEXT["submit"][lang]).click()
    expect(page.get_by_role("status")).to_have_text(TEXT["activated"][lang])
    member = Member.objects.get()
    assert member.status == MemberStatus.ACTIVE

    page.goto(f"{live_server.url}/{lang}/members/login/")
    page.locator("#id_identifier").fill(str(member.member_number))
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=TEXT["login"][lang]).click()
    expect(page.locator("#member-number")).to_have_text(str(member.member_number))
    expect(page.locator("#member-data")).to_contain_text(HANAKO["organization"])
    page.get_by_role("button", name=TEXT["logout"][lang]).click()
    expect(page.locator("#id_identifier")).to_be_visible()
    page.goto(f"{live_server.url}/{lang}/members/")
    expect(page.locator("#member-number")).to_have_count(0)
    assert page.outside_requests == []  # type: ignore[attr-defined]


WITHDRAW = {
    "menu": {"ja": "退会", "en": "Withdraw"},
    "done": {"ja": "退会の手続きが完了しました", "en": "You have withdrawn"},
    "failed": {"ja": "パスワードが正しくありません", "en": "the password is not correct"},
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_it_lets_a_member_withdraw_after_confirming(
    page: "Page", live_server: Any, active_policy: Policy, inbox: Inbox, lang: str
) -> None:
    member = register(HANAKO, lang=lang, login=False, inbox=inbox).member
    page.goto(f"{live_server.url}/{lang}/members/login/")
    page.locator("#id_identifier").fill(HANAKO["email"])
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=TEXT["login"][lang]).click()
    page.get_by_role("link", name=WITHDRAW["menu"][lang]).click()
    button = page.get_by_role(
        "button", name=WITHDRAW["menu"][lang] + ("する" if lang == "ja" else "")
    )
    button.click()  # unticked: the browser itself asks for the box (the server would too)
    expect(page.locator("#id_confirm")).to_be_visible()
    assert Member.objects.get(pk=member.pk).status == MemberStatus.ACTIVE
    page.locator("#id_confirm").check()
    button.click()
    expect(page.locator("#withdrawn")).to_contain_text(WITHDRAW["done"][lang])
    assert Member.objects.get(pk=member.pk).status == MemberStatus.CLOSED
    page.goto(f"{live_server.url}/{lang}/members/login/")
    page.locator("#id_identifier").fill(HANAKO["email"])
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=TEXT["login"][lang]).click()
    expect(page.locator("#message")).to_contain_text(WITHDRAW["failed"][lang])
    assert page.outside_requests == []  # type: ignore[attr-defined]
