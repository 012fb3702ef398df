"""Another organization's policy (no purpose, channel or ordinary category id of the reference)
runs the main flow: public form -> vault -> staff reads for their roles' purposes -> privacy
center request -> desk -> disclosure; and its inquiry channel opens cases the desk answers."""

import io
import json
import re
from typing import Any

import pikepdf
import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.collect.inquiries import inquiry_reply
from hogo.collect.models import AcquisitionRecord, InquiryCase
from hogo.desk.models import Case, CaseStatus
from hogo.desk.package import package_password
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.collect import form_post
from hogo.tests.desk import verified
from hogo.tests.mail import Inbox, committed

pytestmark = pytest.mark.django_db
HANAKO = "hanako.yamada@example.jp"
WORKSHOP = {
    "full_name": "山田 花子",
    "mail_address": HANAKO,
    "company": "三ツ星電機",
    "event": "TSN ワークショップ 名古屋",
}
SEARCH = "/api/v1/subjects/search"
STAFF = "user:1"


def search(client: Client, purpose: str) -> Any:
    return client.post(
        SEARCH, {"email": HANAKO}, content_type="application/json", HTTP_X_HOGO_PURPOSE=purpose
    )


def test_a_workshop_signup_is_read_by_marketing_and_disclosed_on_request(
    other_policy: Policy,
    inbox: Inbox,
    marketing_user: User,
    desk_operator: User,
    api_as: Any,
) -> None:
    response = form_post(Client(), "workshop-signup", WORKSHOP, consent_purpose="newsletters")
    assert response.status_code == 302
    assert response["Location"].startswith("/ja/forms/workshop-signup/done/?r=")
    record = AcquisitionRecord.objects.get()
    assert record.purposes == ["workshop-running", "newsletters"]

    # Marketing reads for the purpose the other policy gives its role; the desk may not.
    found = search(api_as(marketing_user), "newsletters")
    assert found.status_code == 200, found.content
    [item] = found.json()["items"]
    assert item["identifiers"] == {"email": HANAKO, "name": "山田 花子"}
    assert item["data"] == {"company": "三ツ星電機", "event": "TSN ワークショップ 名古屋"}
    assert search(api_as(desk_operator), "newsletters").status_code == 403

    case = verified(inbox, "disclosure", HANAKO)
    assert case.subject_ref == item["subject_id"]
    with committed():
        case_approve(actor=STAFF, case_ref=case.ref)
    case = Case.objects.get(pk=case.pk)
    assert case.status == CaseStatus.COMPLETED
    [attachment] = list(inbox.last(HANAKO).iter_attachments())
    password = package_password(case.packages.get().ref)
    with pikepdf.open(io.BytesIO(attachment.get_content()), password=password) as document:
        data = json.loads(document.attachments["disclosure.json"].get_file().read_bytes())
    values = {i["category"]: i["value"] for i in data["items"]}
    assert values == {
        "mail_address": HANAKO,
        "full_name": "山田 花子",
        "company": "三ツ星電機",
        "workshop_choice": "TSN ワークショップ 名古屋",
    }


def test_the_support_channel_opens_a_case_the_desk_answers(
    other_policy: Policy, desk_operator: User, inbox: Inbox, api_as: Any
) -> None:
    question = {
        "full_name": "Hanako Yamada",
        "mail_address": HANAKO,
        "message": "How long does a conformance test take?",
    }
    response = form_post(Client(), "support", question, lang="en")
    assert response.status_code == 302, response.content.decode()[:2000]
    case = InquiryCase.objects.get()
    assert case.record.purposes == ["support-answers"]
    # The desk reads for the purpose its role has in this policy.
    assert search(api_as(desk_operator), "support-answers").status_code == 200
    with committed():
        inquiry_reply(
            actor=f"user:{desk_operator.pk}",
            case_id=case.ref,
            subject_line="Your question",
            body="About two weeks.",
        )
    assert inbox.last(HANAKO)["Subject"] == "Your question"
    assert re.search("About two weeks", str(inbox.last(HANAKO)))
