"""Placeholders for facts the published policy does not state: `hogo policy check` warns of
each and still succeeds; `hogo check --deploy` warns while the active policy holds one."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from hogo.policy.placeholders import Placeholder, policy_placeholders
from hogo.policy.schema import policy_parse
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import REFERENCE, reference_data, reference_text, toml_dumps
from hogo.policy.tests.test_cli import run


def filled() -> str:
    """The reference with every placeholder entered (made-up values, for the test only)."""
    data = reference_data()
    organization = data["organization"]
    organization["address"] = {"ja": "東京都千代田区一丁目1番1号", "en": "1-1 Chiyoda, Tokyo"}
    organization["representative"] = {"ja": "理事長 山田太郎", "en": "Chair Taro Yamada"}
    contact = organization["contact"]
    contact["address"] = organization["address"]
    contact["email"] = "desk@example.jp"
    contact["phone"] = "03-0000-0000"
    contact["hours"] = {"ja": "平日 9:00〜17:00", "en": "Weekdays 9:00–17:00"}
    return toml_dumps(data)


def test_it_finds_the_reference_placeholders_with_their_key_paths() -> None:
    found = policy_placeholders(policy_parse(reference_text()))
    assert found == [
        Placeholder("organization.address", "［要記入：協会の所在地］"),
        Placeholder("organization.representative", "［要記入：代表者の役職と氏名］"),
        Placeholder("organization.contact.address", "［要記入：窓口の所在地］"),
        Placeholder("organization.contact.email", "privacy-desk@placeholder.invalid"),
        Placeholder("organization.contact.hours", "［要記入：窓口の受付時間］"),
    ]


def test_it_finds_an_english_only_marker_anywhere_in_the_file() -> None:
    data = reference_data()
    data["purposes"][0]["title"]["en"] = "Campaigns [TO BE ENTERED: product line]"
    found = policy_placeholders(policy_parse(toml_dumps(data)))
    assert (
        Placeholder("purposes.campaign-invitations-surveys.title", "[TO BE ENTERED: product line]")
        in found
    )


def test_it_keeps_the_organization_name() -> None:
    policy = policy_parse(reference_text())
    assert policy.organization.name.ja == "CC-Link協会"
    assert policy_placeholders(policy_parse(filled())) == []


def test_check_prints_a_warning_per_placeholder_and_exits_0() -> None:
    code, out, err = run("check", str(REFERENCE))
    assert code == 0
    assert out.startswith(f"ok: {REFERENCE}: 5 purposes")
    lines = err.splitlines()
    assert len(lines) == 5
    assert lines[0] == (
        f"warning: {REFERENCE}: organization.address: placeholder text (［要記入：協会の所在地］)"
    )
    assert f"warning: {REFERENCE}: organization.contact.email: placeholder text " in lines[3]


def test_check_prints_no_warning_once_the_facts_are_entered(tmp_path: Path) -> None:
    path = tmp_path / "filled.toml"
    path.write_text(filled(), encoding="utf-8")
    code, out, err = run("check", str(path))
    assert (code, err) == (0, "")
    assert out.startswith(f"ok: {path}: ")


def deploy_check() -> str:
    """The output of `hogo check --deploy` limited to the policy app's check."""
    out, err = StringIO(), StringIO()
    try:
        call_command("check", "--deploy", "--tag", "policy", stdout=out, stderr=err)
    except SystemCheckError as exc:
        return str(exc)
    return out.getvalue() + err.getvalue()


@pytest.mark.django_db
def test_check_deploy_warns_while_the_active_policy_holds_placeholders() -> None:
    policy_load(text=reference_text(), note="test")
    output = deploy_check()
    assert "policy.W001" in output
    assert "organization.contact.email" in output


@pytest.mark.django_db
def test_check_deploy_is_quiet_once_the_facts_are_entered() -> None:
    policy_load(text=filled(), note="test")
    assert "policy.W001" not in deploy_check()
