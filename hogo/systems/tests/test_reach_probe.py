"""The console's reachability of webhook systems: a TLS handshake with the context the calls use
(no request sent), its outcome in words with the local time it was checked, kept for a few
minutes so a page load does not probe again, and a "check now" button that does. Everything
runs on loopback: the reference receiver over real TLS, a closed port, and a certificate the
CA file does not trust."""

import socket
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.policy.services import policy_load
from hogo.systems.models import ReachOutcome, SystemReach
from hogo.tests.webhooks import (
    SYSTEM,
    Tls,
    db_file,
    receiver,
    receiving,
    serving,
    tls,
    tls_make,
    webhook_policy_text,
)

pytestmark = pytest.mark.django_db
__all__ = ["db_file", "tls"]  # the fixtures
PAGE = "/console/systems/"
NOW = "/console/systems/reach/"


class Counting(receiver.Receiver):  # type: ignore[name-defined,misc]
    """The reference receiver, counting the signed requests that reach it."""

    requests: ClassVar[list[str]] = []

    def accept(self, *args: Any) -> bool:
        type(self).requests.append("request")
        return bool(super().accept(*args))


def staff(user: User, lang: str = "ja") -> Client:
    client = Client(headers={"Accept-Language": lang})
    client.force_login(user)
    return client


def reach_cell(page: str) -> str:
    start = page.index(f'id="system-{SYSTEM}"')
    cell = page.index('class="reach"', start)
    return page[cell : page.index("</td>", cell)]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_reachable_endpoint_is_shown_in_words_with_the_local_time_and_gets_no_request(
    tls: Tls, db_file: Path, officer: User
) -> None:
    Counting.requests.clear()
    with receiving(Counting, db_file, tls):
        cell = reach_cell(staff(officer).get(PAGE).content.decode())
        english = reach_cell(staff(officer, "en").get(PAGE).content.decode())
    assert "接続できました（TLSハンドシェイク完了、証明書は信頼済み）" in cell
    assert "確認日時：" in cell
    assert "（JST）" in cell  # the site's zone, not UTC
    assert "Yes: TLS handshake completed, certificate trusted" in english
    assert "JST" in english
    assert Counting.requests == []  # a handshake only: nothing signed, nothing asked
    assert SystemReach.objects.get(system=SYSTEM).outcome == ReachOutcome.HANDSHAKE


def test_a_closed_port_is_shown_as_connection_refused(officer: User, tls: Tls) -> None:
    policy_load(text=webhook_policy_text(closed_port()), note="test: nobody listens")
    cell = reach_cell(staff(officer).get(PAGE).content.decode())
    assert "接続できません（接続を拒否されました）" in cell
    assert "127.0.0.1" not in cell


def test_a_certificate_the_ca_file_does_not_trust_is_shown_as_tls_refused(
    tls: Tls, db_file: Path, tmp_path: Path, officer: User
) -> None:
    (tmp_path / "other").mkdir()
    stranger = tls_make(tmp_path / "other")  # another CA: HOGO_SYSTEMS_CA_FILE names the first
    with serving(receiver.Receiver, db_file, stranger) as server:
        policy_load(text=webhook_policy_text(server.server_address[1]), note="test: untrusted")
        cell = reach_cell(staff(officer).get(PAGE).content.decode())
    assert "接続できません（TLSを拒否：証明書を信頼できません）" in cell


def test_a_result_is_kept_for_a_few_minutes_and_check_now_probes_again(
    tls: Tls, db_file: Path, officer: User
) -> None:
    client = staff(officer)
    with receiving(receiver.Receiver, db_file, tls):
        assert "TLSハンドシェイク完了" in reach_cell(client.get(PAGE).content.decode())
    # The receiver is gone; within five minutes the page shows the kept result.
    assert "TLSハンドシェイク完了" in reach_cell(client.get(PAGE).content.decode())
    page = client.post(NOW, follow=True).content.decode()
    assert "いま確認しました" in page
    assert "接続を拒否されました" in reach_cell(page)


def test_a_stale_failure_is_shown_without_probing_and_a_stale_success_is_probed_again(
    tls: Tls, db_file: Path, officer: User
) -> None:
    client = staff(officer)
    with receiving(receiver.Receiver, db_file, tls):
        client.get(PAGE)
        earlier = timezone.now() - timedelta(minutes=10)
        SystemReach.objects.update(outcome=ReachOutcome.REFUSED, checked_at=earlier)
        # The system is up again, but a page load does not wait on one known to be down.
        assert "接続を拒否されました" in reach_cell(client.get(PAGE).content.decode())
        SystemReach.objects.update(outcome=ReachOutcome.HANDSHAKE, checked_at=earlier)
        client.get(PAGE)
    assert SystemReach.objects.get().checked_at > earlier  # a stale success is checked again


def test_check_now_takes_a_post_with_its_csrf_token_from_staff_who_see_the_page(
    tls: Tls, officer: User, auditor: User, outsider: User
) -> None:
    policy_load(text=webhook_policy_text(closed_port()), note="test: nobody listens")
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(officer)
    assert guarded.post(NOW).status_code == 403  # no CSRF token
    assert not SystemReach.objects.exists()
    assert staff(officer).get(NOW).status_code == 302  # a GET probes nothing
    assert not SystemReach.objects.exists()
    assert staff(auditor).post(NOW).status_code == 302
    assert SystemReach.objects.get().outcome == ReachOutcome.REFUSED
    assert staff(outsider).post(NOW).status_code == 403
    form = staff(officer).get(PAGE).content.decode()
    assert 'id="reach-now"' in form
    assert "csrfmiddlewaretoken" in form
