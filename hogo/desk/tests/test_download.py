"""Disclosure by single-use, expiring download link (tokens stored hashed)."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.desk.models import CaseStatus, DownloadLink
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db


def test_it_sends_a_link_that_works_once(policy: Policy, inbox: Inbox) -> None:
    person()
    case = verified(inbox, "disclosure", details={"delivery": "download"}, language="en")
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    mail = inbox.last(HANAKO)
    assert not list(mail.iter_attachments())
    path = urlsplit(inbox.link(HANAKO, "/en/privacy-center/download/")).path
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in str(DownloadLink.objects.values_list("token_hash", flat=True)[0])
    assert "password" in body(mail).lower()

    client = Client()
    assert client.get(path).status_code == 200  # a page with a button, nothing used up
    with committed():
        response = client.post(path)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="disclosure-{case.ref}.pdf"'
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert content == bytes(case.packages.get().content)
    assert AuditEvent.objects.filter(action="desk.package.download").count() == 1
    assert client.post(path).status_code == 410
    assert client.get(path).status_code == 410


def test_it_refuses_an_expired_link(policy: Policy, inbox: Inbox) -> None:
    person()
    case = verified(inbox, "disclosure", details={"delivery": "download"})
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    DownloadLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    path = urlsplit(inbox.link(HANAKO, "/ja/privacy-center/download/")).path
    with committed():
        response = Client().post(path)
    assert response.status_code == 410
    assert re.search("有効期限が切れています", response.content.decode())
