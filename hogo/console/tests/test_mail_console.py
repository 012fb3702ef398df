"""`HOGO_EMAIL_URL=console:` prints mail as a developer reads it: decoded headers, 8-bit UTF-8
bodies, attachments summarized."""

import base64
import io

import pytest
from django.core.mail import EmailMessage
from django.test import override_settings

from hogo import settings as hogo_settings
from hogo.mailconsole import EmailBackend

BODY = "山田 花子 様\n\n開示のご請求を受け付けました。\nhttps://privacy.example.jp/ja/privacy-center/v/abc-123/\n"


def printed(message: EmailMessage) -> str:
    stream = io.StringIO()
    assert EmailBackend(stream=stream).send_messages([message]) == 1
    return stream.getvalue()


def test_it_is_the_backend_of_the_console_url(capsys: pytest.CaptureFixture[str]) -> None:
    with override_settings(MAILERS={"default": hogo_settings.mailer_from_url("console:")}):
        EmailMessage("件名", BODY, "privacy@example.jp", ["hanako@example.jp"]).send()
    out = capsys.readouterr().out
    assert "Subject: 件名\n" in out
    assert BODY.rstrip("\n") in out


def test_it_prints_japanese_headers_and_body_and_links_legibly() -> None:
    text = printed(
        EmailMessage(
            "【協会】保有個人情報の開示",
            BODY,
            "privacy@example.jp",
            ["hanako@example.jp"],
            reply_to=["desk@example.jp"],
        )
    )
    assert "Subject: 【協会】保有個人情報の開示\n" in text
    assert "To: hanako@example.jp\n" in text
    assert "Reply-To: desk@example.jp\n" in text
    assert BODY.rstrip("\n") in text
    assert "=?utf-8?" not in text.lower()
    assert "=E5" not in text
    assert text.endswith("-" * 79 + "\n")


def test_it_summarizes_attachments_instead_of_dumping_them() -> None:
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 40
    message = EmailMessage("開示", BODY, "privacy@example.jp", ["hanako@example.jp"])
    message.attach("disclosure-req_1.pdf", pdf, "application/pdf")
    text = printed(message)
    assert "[attachment: disclosure-req_1.pdf, application/pdf, 10,249 bytes]" in text
    assert base64.b64encode(pdf[:60]).decode()[:40] not in text
    assert len(text) < 1000
    assert "開示のご請求を受け付けました。" in text


def test_it_prints_several_messages_one_after_the_other() -> None:
    stream = io.StringIO()
    messages = [EmailMessage(f"件名{n}", BODY, "a@example.jp", ["b@example.jp"]) for n in (1, 2)]
    assert EmailBackend(stream=stream).send_messages(messages) == 2
    assert stream.getvalue().count("-" * 79) == 2
    assert stream.getvalue().index("件名1") < stream.getvalue().index("件名2")
