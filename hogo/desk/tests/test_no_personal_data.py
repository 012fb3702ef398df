"""No personal data where it does not belong: not in the audit log, step results, errors,
logs or URLs, whatever the request."""

import json
import logging
import re

import pytest
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.desk.models import Step
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db
SECRETS = [HANAKO, "山田", "三ツ星電機", "星空電機", "hanako"]


def test_it_keeps_values_out_of_audit_steps_logs_and_links(
    policy: Policy, inbox: Inbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    person()
    disclosure = verified(inbox, "disclosure")
    with committed():
        case_approve(actor=HANDLE, case_ref=disclosure.ref)
    changes = [{"category": "organization", "action": "set", "value": "星空電機"}]
    correction = verified(inbox, "correction", details={"changes": changes})
    with committed():
        case_approve(actor=HANDLE, case_ref=correction.ref)
    client = Client()
    client.post(
        "/en/privacy-center/request/complaint/",
        {"email": HANAKO, "topic": "complaint", "text": "山田です"},
    )

    events = json.dumps(
        list(AuditEvent.objects.values("actor", "action", "purpose", "subjects", "detail")),
        ensure_ascii=False,
    )
    steps = json.dumps(list(Step.objects.values("result", "error")), ensure_ascii=False)
    # aiosmtpd's own log ("mail.log") is the mail server's, which must see the address.
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name != "mail.log")
    links = " ".join(re.findall(r"https?://\S+", " ".join(body(m) for m in inbox.messages)))
    for text in SECRETS:
        assert text not in events
        assert text not in steps
        assert text not in logged
        assert text not in links
