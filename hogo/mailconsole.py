"""The mail backend of `HOGO_EMAIL_URL=console:` (local development): each message printed as a
person would read it.

Django's own console backend prints the raw MIME message, so Japanese bodies and the links in
them come out as base64 or quoted-printable and an attachment as pages of base64. This one
prints the headers decoded, the text parts as text (8-bit UTF-8) and one summary line per
attachment (name, type, size). It renders `message.message()`, the same MIME message the SMTP
backend would send, so what is shown is what would go out.
"""

import sys
import threading
from collections.abc import Sequence
from email.message import EmailMessage as MIMEMessage
from typing import Any, TextIO

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date")
RULE = "-" * 79


class EmailBackend(BaseEmailBackend):
    def __init__(self, *, stream: TextIO | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        with self._lock:
            for message in email_messages:
                self.stream.write(message_text(message.message()) + RULE + "\n")
                self.stream.flush()
                sent += 1
        return sent


def message_text(message: MIMEMessage) -> str:
    lines = [f"{name}: {message[name]}" for name in HEADERS if message[name] is not None]
    for part in message.walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment" or part.get_filename():
            payload = part.get_payload(decode=True)
            size = len(payload) if isinstance(payload, bytes) else 0
            lines.append(
                f"[attachment: {part.get_filename() or '(no name)'}, "
                f"{part.get_content_type()}, {size:,} bytes]"
            )
        elif part.get_content_maintype() == "text":
            lines += ["", str(part.get_content()).rstrip("\n"), ""]
        else:
            lines.append(f"[part: {part.get_content_type()}]")
    return "\n".join(lines) + "\n"
