"""Opting out of marketing mail (Specified Electronic Mail Act; RFC 8058): a signed link per
person and marketing_mail purpose, a confirmation page in Japanese and English, a POST that
suspends the purpose in one step, one-click POSTs without a CSRF token, and the marketing
export carrying each person's link."""

import base64
import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import subjects_access
from hogo.vault.records import RefusalReason
from hogo.vault.unsubscribe import (
    marketing_purposes,
    unsubscribe_headers,
    unsubscribe_read,
    unsubscribe_token,
    unsubscribe_url,
)

ORIGIN = "https://privacy.example.jp"


def link(subject_id: str) -> str:
    """The path of the person's opt-out link, as a mail or the export carries it."""
    url = unsubscribe_url(origin=ORIGIN, subject_id=subject_id, purpose=CAMPAIGN)
    return url.removeprefix(ORIGIN)


def campaign_reasons(subject_id: str) -> list[RefusalReason]:
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id])
    return [r.reason for r in result.refused]


def test_it_takes_the_marketing_purposes_from_the_policy_flag(policy: Policy) -> None:
    assert marketing_purposes(policy) == {CAMPAIGN}
    with pytest.raises(InvalidInput, match="not a marketing_mail purpose"):
        unsubscribe_url(origin=ORIGIN, subject_id="sub_aaaaaaaaaaaaaaaa", purpose=INQUIRY)


def test_it_puts_nothing_but_the_pseudonymous_id_and_the_purpose_in_the_url(
    policy: Policy,
) -> None:
    subject_id = register().subject_id
    url = unsubscribe_url(origin=ORIGIN, subject_id=subject_id, purpose=CAMPAIGN, lang="en")
    assert url.startswith(f"{ORIGIN}/unsubscribe/")
    assert url.endswith("?lang=en")
    token = url.split("/")[-1].split("?")[0]
    payload = base64.urlsafe_b64decode(token.split(":")[0] + "==")
    assert json.loads(payload) == [subject_id, CAMPAIGN]  # signed, and nothing else in it
    assert unsubscribe_read(token).subject_id == subject_id


def other_persons_payload(token: str) -> str:
    """Someone else's id with this token's signature: what a curious recipient would try."""
    other = unsubscribe_token(subject_id="sub_aaaaaaaaaaaaaaaa", purpose=CAMPAIGN)
    return other.rsplit(":", 1)[0] + ":" + token.rsplit(":", 1)[1]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        other_persons_payload,
        lambda token: "not-a-token",
    ],
)
def test_it_refuses_a_tampered_token_and_suspends_nothing(
    policy: Policy, tamper: Callable[[str], str]
) -> None:
    subject_id = register().subject_id
    token = tamper(unsubscribe_token(subject_id=subject_id, purpose=CAMPAIGN))
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"/unsubscribe/{token}").status_code == 400
    assert client.post(f"/unsubscribe/{token}").status_code == 400
    assert campaign_reasons(subject_id) == []
    assert not AuditEvent.objects.filter(action="vault.suspend").exists()


def test_it_refuses_a_token_for_a_purpose_that_is_not_marketing_mail(policy: Policy) -> None:
    subject_id = register().subject_id
    token = unsubscribe_token(subject_id=subject_id, purpose=INQUIRY)
    with pytest.raises(InvalidInput, match="not valid"):
        unsubscribe_read(token)


def test_it_shows_the_confirmation_in_japanese_and_english(policy: Policy) -> None:
    path = link(register().subject_id)
    japanese = Client().get(path, headers={"accept-language": "ja"}).content.decode()
    english = Client().get(f"{path}?lang=en").content.decode()
    assert "配信を停止する" in japanese
    assert policy.purposes[CAMPAIGN].title.ja in japanese
    assert '<html lang="ja">' in japanese
    assert "Unsubscribe</button>" in english
    assert policy.purposes[CAMPAIGN].title.en in english
    assert '<html lang="en">' in english
    assert Client().get(path, headers={"accept-language": "en"}).content.count(b"Unsubscribe") > 1


def test_it_suspends_the_purpose_in_one_post_so_a_marketing_read_no_longer_returns_them(
    policy: Policy,
) -> None:
    subject_id = register().subject_id
    register(
        "hanako.yamada@example.jp", channel="inquiry", purposes=(INQUIRY,), items=()
    )  # the same person also asked a question
    page = Client(enforce_csrf_checks=True).post(link(subject_id), {"confirm": "1"})
    assert page.status_code == 200
    assert "配信を停止しました" in page.content.decode()
    assert campaign_reasons(subject_id) == [RefusalReason.SUSPENDED]
    inquiry = subjects_access(actor=ACTOR, purpose=INQUIRY, subject_ids=[subject_id])
    assert inquiry.refused == []  # other purposes go on
    event = AuditEvent.objects.get(action="vault.suspend")
    assert event.actor == f"subject:{subject_id}"
    assert event.detail["purposes"] == [CAMPAIGN]
    assert event.detail["request_ref"] == "unsubscribe:page"


def test_it_accepts_the_rfc8058_one_click_post_without_a_csrf_token(policy: Policy) -> None:
    subject_id = register().subject_id
    client = Client(enforce_csrf_checks=True)
    answer = client.post(
        link(subject_id),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    assert campaign_reasons(subject_id) == [RefusalReason.SUSPENDED]
    event = AuditEvent.objects.get(action="vault.suspend")
    assert event.detail["request_ref"] == "unsubscribe:one-click"
    again = client.post(
        link(subject_id),
        "List-Unsubscribe=One-Click",
        content_type=("application/x-www-form-urlencoded"),
    )
    assert again.status_code == 200  # a second click changes and records nothing
    assert AuditEvent.objects.filter(action="vault.suspend").count() == 1


def test_it_still_enforces_csrf_on_other_public_posts(policy: Policy) -> None:
    answer = Client(enforce_csrf_checks=True).post("/ja/privacy-center/", {"email": "x@y.jp"})
    assert answer.status_code == 403


def test_it_builds_the_list_unsubscribe_headers() -> None:
    url = "https://privacy.example.jp/unsubscribe/abc"
    assert unsubscribe_headers(url) == {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    with pytest.raises(ValueError, match="absolute"):
        unsubscribe_headers("/unsubscribe/abc")


def export(client: Client, purpose: str) -> list[dict[str, object]]:
    answer = client.get("/api/v1/subjects/export", headers={"X-Hogo-Purpose": purpose})
    assert answer.status_code == 200, answer.content
    text = b"".join(answer.streaming_content).decode()  # type: ignore[attr-defined]
    return [json.loads(line) for line in text.splitlines()]


def test_the_marketing_export_carries_each_persons_unsubscribe_url(
    policy: Policy, api_as: Callable[[User], Client], marketing_user: User
) -> None:
    first = register().subject_id
    second = register("taro@example.jp", name="佐藤 太郎").subject_id
    client = api_as(marketing_user)
    rows = export(client, CAMPAIGN)
    assert {row["subject_id"] for row in rows} == {first, second}
    for row in rows:
        url = str(row["unsubscribe_url"])
        assert url.startswith("http://testserver/unsubscribe/")
        assert unsubscribe_read(url.rsplit("/", 1)[1]).subject_id == row["subject_id"]

    Client().post(str(rows[0]["unsubscribe_url"]).removeprefix("http://testserver"))
    after = export(client, CAMPAIGN)
    assert {"subject_id": rows[0]["subject_id"], "refused": "suspended"} in after
    assert len([row for row in after if "unsubscribe_url" in row]) == 1


def test_the_export_of_other_purposes_has_no_unsubscribe_url_and_checks_the_role(
    policy: Policy, api_as: Callable[[User], Client], officer: User, marketing_user: User
) -> None:
    register("q@example.jp", channel="inquiry", purposes=(INQUIRY,), items=())
    rows = export(api_as(officer), INQUIRY)
    assert len(rows) == 1
    assert "unsubscribe_url" not in rows[0]
    forbidden = api_as(marketing_user).get(
        "/api/v1/subjects/export", headers={"X-Hogo-Purpose": INQUIRY}
    )
    assert forbidden.status_code == 403
    unknown = api_as(officer).get("/api/v1/subjects/export", headers={"X-Hogo-Purpose": "x"})
    assert unknown.status_code == 400
