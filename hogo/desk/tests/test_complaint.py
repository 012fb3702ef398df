"""Questions, complaints and consultations (7.2) become cases answered by e-mail."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.desk.models import Case, CaseNote, CaseStatus
from hogo.desk.services import case_approve, case_note_add
from hogo.errors import Conflict
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, verified
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db


def test_it_replies_by_mail_and_closes_once_the_replies_are_out(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    details = {"topic": "complaint", "text": "案内メールが届き続けます。"}
    case = verified(inbox, "complaint", details=details)
    with pytest.raises(Conflict, match="reply to the person"):
        case_approve(actor=HANDLE, case_ref=case.ref)
    client = Client()
    client.force_login(desk_operator)
    with committed():
        client.post(f"/console/desk/{case.ref}/note/", {"text": "Checked the list.", "reply": ""})
    with committed():
        client.post(
            f"/console/desk/{case.ref}/note/",
            {
                "text": "配信を停止いたしました。ご迷惑をおかけしました。",
                "reply": "on",
                "confirmed": "yes",
            },
        )
    assert "配信を停止いたしました。" in body(inbox.last(HANAKO))
    assert CaseNote.objects.filter(case=case).count() == 2
    with committed():
        client.post(f"/console/desk/{case.ref}/approve/", {"confirmed": "yes"})
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert case.steps.get().result == {"replies": 1}


def test_it_shows_replies_but_not_internal_notes_on_the_status_page(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    client = Client()
    with committed():
        client.post(
            "/en/privacy-center/request/complaint/",
            {"email": HANAKO, "topic": "question", "text": "Who receives my data?"},
        )
    with committed():
        client.post("/en/privacy-center/verify/", {"code": inbox.code(HANAKO)})
    case = Case.objects.get()
    with committed():
        case_note_add(
            actor=HANDLE, author=desk_operator, case_ref=case.ref, text="internal", reply=False
        )
    with committed():
        case_note_add(
            actor=HANDLE, author=desk_operator, case_ref=case.ref, text="Nobody.", reply=True
        )
    page = client.get(f"/en/privacy-center/status/{case.ref}/").content.decode()
    assert "Nobody." in page
    assert "internal" not in page
