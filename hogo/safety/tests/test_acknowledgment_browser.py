"""The acknowledgment gate in Chromium: log in, read, tick, and the console opens."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_text
from hogo.safety.models import Acknowledgment

RULES = (
    "\n[handling_rules]\n"
    'text = { ja = "第1条 個人データは業務に必要な範囲でのみ扱う。", '
    'en = "Art. 1 Handle personal data only as far as the work needs." }\n'
)


@pytest.mark.django_db(transaction=True)
def test_a_staff_member_acknowledges_before_the_console_opens(
    acknowledgment_gate: None, page: Any, live_server: Any, desk_operator: User
) -> None:
    version = policy_load(text=reference_text() + RULES, note="test").version.number
    page.goto(live_server.url + "/console/desk/")
    page.fill("#id_username", "daniel")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/console/safety/acknowledge/**")
    expect(page.locator("#rules")).to_contain_text(
        "Art. 1 Handle personal data only as far as the work needs."
    )
    page.click("#acknowledge input[type=submit]")  # without ticking the box: still here
    assert "/console/safety/acknowledge/" in page.url
    page.check("#id_understood")
    page.click("#acknowledge input[type=submit]")
    page.wait_for_url("**/console/desk/")
    assert Acknowledgment.objects.filter(user=desk_operator, policy_version=version).exists()
    assert page.outside_requests == []
