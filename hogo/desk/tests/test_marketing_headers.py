"""Marketing mail carries the opt-out headers (RFC 2369 List-Unsubscribe, RFC 8058 one-click):
hogo sends no campaign mail of its own today, so the outbox is shown to carry them to the mail
server byte for byte, with the link that suspends the purpose."""

import pytest
from django.test import Client

from hogo.desk.mail import mail_queue
from hogo.desk.models import MailKind, OutboundMail
from hogo.policy.schema import Policy
from hogo.tests.desk import CAMPAIGN, ORIGIN, person
from hogo.tests.mail import Inbox, committed
from hogo.vault.access import subjects_access
from hogo.vault.records import RefusalReason
from hogo.vault.unsubscribe import unsubscribe_headers, unsubscribe_url

pytestmark = pytest.mark.django_db


def test_it_sends_the_list_unsubscribe_headers_through_the_outbox(
    policy: Policy, inbox: Inbox
) -> None:
    subject_id = person()
    url = unsubscribe_url(origin=ORIGIN, subject_id=subject_id, purpose=CAMPAIGN, lang="ja")
    with committed():
        mail_queue(
            actor="system:test",
            subject="セミナーのご案内",
            body="配信停止: " + url,
            kind=MailKind.REMINDER,
            to="campaign-preview@example.jp",
            headers=unsubscribe_headers(url),
        )
    message = inbox.last("campaign-preview@example.jp")
    assert message["List-Unsubscribe"] == f"<{url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert OutboundMail.objects.get().headers["List-Unsubscribe"] == f"<{url}>"

    # What a mail client does with them: POST the one-click body to the URL.
    answer = Client(enforce_csrf_checks=True).post(
        url.removeprefix(ORIGIN),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    result = subjects_access(actor="system:test", purpose=CAMPAIGN, subject_ids=[subject_id])
    assert [r.reason for r in result.refused] == [RefusalReason.SUSPENDED]
