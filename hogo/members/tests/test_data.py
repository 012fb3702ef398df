"""Seeing one's own data through the vault's disclosure path, and correcting it."""

from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.tests.members import HANAKO, TARO, Registered
from hogo.vault.access import subject_disclose


def held(registered: Registered) -> dict[str, str]:
    disclosure = subject_disclose(
        actor="system:test", subject_id=registered.member.subject.ref, request_ref="test"
    )
    return {i.category: i.value for i in disclosure.items}


def test_it_shows_the_members_own_values_and_audits_the_reading(hanako: Registered) -> None:
    page = hanako.client.get("/en/members/")
    assert page.status_code == 200
    text = page.content.decode()
    for value in HANAKO.values():
        assert value in text
    assert "Members-only site registration" in text  # where it came from
    assert "JST" in text  # local time with its zone
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    [event] = AuditEvent.objects.filter(action="vault.disclose")
    assert event.subjects == [hanako.member.subject.ref]
    assert event.actor == f"subject:{hanako.member.subject.ref}"
    assert event.detail["request_ref"] == hanako.member.ref


def test_it_shows_the_page_in_japanese(hanako: Registered) -> None:
    text = hanako.client.get("/ja/members/").content.decode()
    assert "会員番号" in text
    assert "お預かりしている" in text


def test_it_shows_a_member_only_their_own_data(hanako: Registered, taro: Registered) -> None:
    text = taro.client.get("/ja/members/").content.decode()
    assert TARO["organization"] in text
    for value in (HANAKO["name"], HANAKO["email"], HANAKO["organization"]):
        assert value not in text
    # No page takes a member or subject id from the request: there is nothing to point at
    # someone else's record.
    other = taro.client.get(f"/en/members/?subject={hanako.member.subject.ref}")
    assert HANAKO["email"] not in other.content.decode()


def test_it_corrects_the_organization_directly(hanako: Registered) -> None:
    form = hanako.client.get("/en/members/correct/").content.decode()
    assert 'value="Mitsuboshi Denki"' in form
    assert 'name="email"' not in form  # an address change is a desk request
    assert '<option value="cc-link-ie-tsn">CC-Link IE TSN</option>' in form
    response = hanako.client.post(
        "/en/members/correct/",
        {
            "name": HANAKO["name"],
            "organization": "Mitsuboshi Denki Engineering",
            "country": "Japan",
        },
        follow=True,
    )
    assert "Your information has been corrected." in response.content.decode()
    assert held(hanako)["organization"] == "Mitsuboshi Denki Engineering"
    assert held(hanako)["name"] == HANAKO["name"]
    [event] = AuditEvent.objects.filter(action="vault.items.correct")
    assert event.detail["categories"] == ["organization"]
    assert event.detail["request_ref"] == hanako.member.ref


def test_it_refuses_a_bad_correction_and_changes_nothing(hanako: Registered) -> None:
    empty = hanako.client.post(
        "/ja/members/correct/", {"name": "", "organization": "x" * 201, "country": "Japan"}
    )
    assert empty.status_code == 400
    text = empty.content.decode()
    assert "この項目は必須です。" in text
    assert "200文字以内で入力してください。" in text
    choice = hanako.client.post(
        "/en/members/correct/",
        {"name": HANAKO["name"], "organization": "X", "country": "Japan", "interest": "fieldbus"},
    )
    assert "Choose one of the options." in choice.content.decode()
    special = hanako.client.post(
        "/en/members/correct/",
        {
            "name": HANAKO["name"],
            "organization": "I have diabetes and take insulin daily",
            "country": "Japan",
        },
    )
    assert special.status_code == 403  # refused by the policy, like the API
    assert "special-care information" in special.content.decode()
    assert held(hanako)["organization"] == HANAKO["organization"]
    assert held(hanako)["name"] == HANAKO["name"]
    assert not AuditEvent.objects.filter(action="vault.items.correct").exists()


def test_it_refuses_a_correction_from_an_outsider(hanako: Registered) -> None:
    response = Client().post(
        "/en/members/correct/", {"name": "Mallory", "organization": "X", "country": "Japan"}
    )
    assert response.status_code == 302
    assert held(hanako)["name"] == HANAKO["name"]
