import io
import logging

import pytest
from django.test import Client
from django.utils.log import AdminEmailHandler

from hogo.logging import TruncateIPFilter, truncate_ip, truncate_ips_in


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("192.0.2.77", "192.0.2.0"),
        ("203.0.113.255", "203.0.113.0"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::"),
        ("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", "2001:db8:abcd::"),
        ("::ffff:198.51.100.9", "198.51.100.0"),
        ("not an address", "not an address"),
    ],
)
def test_truncate_ip_keeps_the_network_only(address: str, network: str) -> None:
    assert truncate_ip(address) == network


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("login from 192.0.2.77 refused", "login from 192.0.2.0 refused"),
        ("peer [2001:db8:1234:5678::1]:443", "peer [2001:db8:1234::]:443"),
        ("from 2001:db8:1234:5678::1.", "from 2001:db8:1234::."),
        ("10.0.0.1:8000 and 10.0.0.2", "10.0.0.0:8000 and 10.0.0.0"),
        ("at 12:30:45 on 2026-11-29", "at 12:30:45 on 2026-11-29"),
        ("version 1.2.3.4.5", "version 1.2.3.4.5"),
        ("Foo::bar", "Foo::bar"),
    ],
)
def test_it_finds_addresses_in_text(text: str, expected: str) -> None:
    assert truncate_ips_in(text) == expected


def record(msg: object, args: object) -> logging.LogRecord:
    return logging.LogRecord("django.request", logging.WARNING, __file__, 1, msg, args, None)  # type: ignore[arg-type]


def test_the_filter_truncates_the_message_and_its_arguments() -> None:
    positional = record("Forbidden from %s (%d tries): %s", ("192.0.2.9", 3, "/path"))
    assert TruncateIPFilter().filter(positional) is True
    assert positional.getMessage() == "Forbidden from 192.0.2.0 (3 tries): /path"

    named = record("client %(ip)s", ({"ip": "2001:db8:1:2::3"},))
    TruncateIPFilter().filter(named)
    assert named.getMessage() == "client 2001:db8:1::"

    literal = record("client 198.51.100.23 said %s", (ValueError("from 198.51.100.24"),))
    TruncateIPFilter().filter(literal)
    assert literal.getMessage() == "client 198.51.100.0 said from 198.51.100.0"


def test_the_configured_handler_truncates_every_logger() -> None:
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    assert any(isinstance(f, TruncateIPFilter) for f in handler.filters)
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        logging.getLogger("hogo.anything").warning("request from %s", "203.0.113.200")
        logging.getLogger("django.server").info('"GET / HTTP/1.1" 200 2 203.0.113.201')
    finally:
        handler.setStream(old)  # type: ignore[arg-type]
    assert "203.0.113.0" in stream.getvalue()
    assert "203.0.113.20" not in stream.getvalue()


def test_no_logger_mails_error_reports() -> None:
    """Django's mail_admins handler sends request bodies; hogo's logging has none."""
    loggers = [logging.getLogger(), *map(logging.getLogger, logging.root.manager.loggerDict)]
    for logger in loggers:
        assert not any(isinstance(h, AdminEmailHandler) for h in logger.handlers), logger.name


@pytest.mark.django_db
def test_request_bodies_never_reach_the_log(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    marker = "a-secret-that-must-not-be-logged"
    with caplog.at_level(logging.DEBUG):
        client.post("/console/admin/login/", {"username": "nobody", "password": marker})
        client.post("/no-such-page/", {"note": marker}, REMOTE_ADDR="192.0.2.44")
        client.post("/api/v1/policy/", {"note": marker}, content_type="application/json")
    assert caplog.records, "the 404 is logged"
    assert marker not in caplog.text
    assert "192.0.2.44" not in caplog.text
