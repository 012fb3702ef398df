"""The request mail: queued per person, delivered to a real SMTP server in the person's
language with a working signed link; never twice; kept queued while the server is down; and
a link that was altered or has expired opens nothing."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.reconsent.delivery import requests_deliver
from hogo.reconsent.models import Answer, ConsentRequest, RequestStatus
from hogo.reconsent.services import requests_queue
from hogo.reconsent.tokens import TokenKind, token_make
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.reconsent import ACTOR, ADDED, HANAKO, JOHN, ORIGIN, contract, speaks
from hogo.vault.models import Subject


@pytest.fixture
def people(version_1: Policy, load_version_2: Callable[[], Policy]) -> dict[str, str]:
    hanako, john = contract(HANAKO), contract(JOHN)
    speaks(hanako, "ja")
    speaks(john, "en")
    load_version_2()
    return {HANAKO: hanako, JOHN: john}


def queue() -> int:
    with committed():
        return requests_queue(actor=ACTOR, version=2, purpose=ADDED, origin=ORIGIN).queued


def path_of(link: str) -> str:
    return link.removeprefix(ORIGIN)


def link_in(inbox: Inbox, address: str) -> str:
    match = re.search(r"https://\S+/consent/\S+/", body(inbox.last(address)))
    assert match, "no consent link in the mail"
    return match.group(0)


def test_it_mails_each_person_in_their_language(people: dict[str, str], inbox: Inbox) -> None:
    assert queue() == 2
    ja, en = inbox.last(HANAKO), inbox.last(JOHN)
    assert "ご同意のお願い" in str(ja["Subject"])
    assert "認証製品に関する新着情報のご案内" in body(ja)
    assert "/ja/consent/" in link_in(inbox, HANAKO)
    assert "your consent" in str(en["Subject"])
    assert "News about certified products" in body(en)
    assert "/en/consent/" in link_in(inbox, JOHN)
    assert set(ConsentRequest.objects.values_list("status", flat=True)) == {RequestStatus.SENT}


def test_it_opens_the_consent_page_from_the_mailed_link(
    people: dict[str, str], inbox: Inbox, client: Client
) -> None:
    queue()
    page = client.get(path_of(link_in(inbox, JOHN)))
    assert page.status_code == 200
    assert "News about certified products" in page.content.decode()
    answered = client.post(path_of(link_in(inbox, JOHN)), {"action": "agree"})
    assert answered.status_code == 302
    assert ConsentRequest.objects.get(subject__ref=people[JOHN]).answer == Answer.AGREED


def test_it_never_asks_anyone_twice(people: dict[str, str], inbox: Inbox) -> None:
    queue()
    assert queue() == 0
    assert requests_deliver().sent == 0
    assert len(inbox.to(HANAKO)) == 1
    assert len(inbox.to(JOHN)) == 1
    assert ConsentRequest.objects.count() == 2


def test_it_asks_only_people_not_asked_before_when_queued_again(
    people: dict[str, str], inbox: Inbox
) -> None:
    queue()
    # A contract signed on paper under version 1, entered after version 2 was loaded.
    late = contract("late@example.jp", policy_version=1)
    newcomer = contract("new@example.jp", purposes=("contract-performance",))
    assert queue() == 1
    assert ConsentRequest.objects.filter(subject__ref=late).exists()
    assert not ConsentRequest.objects.filter(subject__ref=newcomer).exists()
    assert len(inbox.to(HANAKO)) == 1
    assert len(inbox.to("late@example.jp")) == 1


def test_it_keeps_requests_queued_while_the_server_is_down_and_sends_them_once(
    people: dict[str, str], inbox: Inbox
) -> None:
    inbox.stop()
    queue()
    assert set(ConsentRequest.objects.values_list("status", flat=True)) == {RequestStatus.QUEUED}
    failed = ConsentRequest.objects.first()
    assert failed is not None
    assert failed.attempts == 1
    assert "@" not in failed.last_error
    inbox.start()
    later = timezone.now() + timedelta(hours=1)
    assert requests_deliver(now=later).sent == 2
    assert requests_deliver(now=later).sent == 0
    assert len(inbox.to(HANAKO)) == 1


def test_it_records_one_audit_event_per_batch_without_addresses(
    people: dict[str, str], inbox: Inbox
) -> None:
    queue()
    [queued] = AuditEvent.objects.filter(action="reconsent.queue")
    [sent] = AuditEvent.objects.filter(action="reconsent.send")
    assert set(queued.subjects) == set(sent.subjects) == set(people.values())
    assert "@" not in str(queued.detail) + str(sent.detail)


def test_it_refuses_an_altered_link(people: dict[str, str], inbox: Inbox, client: Client) -> None:
    queue()
    link = path_of(link_in(inbox, HANAKO))
    altered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    page = client.get(altered)
    assert page.status_code == 404
    assert "無効" in page.content.decode()
    assert client.post(altered, {"action": "agree"}).status_code == 404
    assert not ConsentRequest.objects.exclude(answer="").exists()


def test_it_refuses_an_expired_link(people: dict[str, str], client: Client) -> None:
    request = ConsentRequest.objects.create(
        subject=Subject.objects.get(ref=people[JOHN]),
        policy_version=2,
        purpose=ADDED,
        lang="en",
        origin=ORIGIN,
        queued_at=timezone.now(),
        queued_by=ACTOR,
        next_attempt_at=timezone.now(),
    )
    old = timezone.now() - timedelta(days=31)
    token = token_make(ref=request.ref, kind=TokenKind.ANSWER, days=30, now=old)
    page = client.post(f"/en/consent/{token}/", {"action": "agree"})
    assert page.status_code == 404
    assert "not valid or has expired" in page.content.decode()
    request.refresh_from_db()
    assert request.answer == ""


def test_it_lets_a_withdrawal_link_only_withdraw(people: dict[str, str], client: Client) -> None:
    queue_without_mail = requests_queue(actor=ACTOR, version=2, purpose=ADDED, origin=ORIGIN)
    assert queue_without_mail.queued == 2
    request = ConsentRequest.objects.get(subject__ref=people[JOHN])
    token = token_make(ref=request.ref, kind=TokenKind.WITHDRAW, days=30)
    assert client.post(f"/en/consent/{token}/", {"action": "agree"}).status_code == 400
    request.refresh_from_db()
    assert request.answer == ""


def test_it_shows_the_current_state_when_a_stale_page_posts(
    people: dict[str, str], inbox: Inbox, client: Client
) -> None:
    queue()
    link = path_of(link_in(inbox, JOHN))
    client.post(link, {"action": "agree"})
    page = client.post(link, {"action": "decline"})  # from a tab opened before agreeing
    assert page.status_code == 409
    assert "out of date" in page.content.decode()
    assert "You agreed on" in page.content.decode()
    assert ConsentRequest.objects.get(subject__ref=people[JOHN]).answer == Answer.AGREED


def test_it_refuses_an_unknown_action(people: dict[str, str], inbox: Inbox, client: Client) -> None:
    queue()
    link = path_of(link_in(inbox, JOHN))
    assert client.post(link, {"action": "delete-everything"}).status_code == 400
    assert ConsentRequest.objects.get(subject__ref=people[JOHN]).answer == ""
