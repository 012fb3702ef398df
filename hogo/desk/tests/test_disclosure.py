"""Disclosure (7.1(b)): package built through the vault, delivered by the chosen method."""

import io
import json

import pytest
import pyzipper

from hogo.audit.models import AuditEvent
from hogo.desk.models import CaseStatus, StepName, StepStatus
from hogo.desk.package import package_password
from hogo.desk.services import case_approve
from hogo.desk.tests.conftest import HANAKO, Inbox, body, committed, person, verified
from hogo.policy.schema import Policy
from hogo.vault.notes import note_seal

pytestmark = pytest.mark.django_db
STAFF = "user:1"


def test_it_mails_an_encrypted_package_that_opens_with_the_derived_password(
    policy: Policy, inbox: Inbox
) -> None:
    subject_id = person()
    reply = "お問合せの件、来週の認証試験に間に合います。"
    with committed():
        note_seal(actor=STAFF, owner=subject_id, kind="reply", text=reply)
    case = verified(inbox, "disclosure")
    assert case.subject_ref == subject_id
    with committed():
        case_approve(actor=STAFF, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED  # free: no fee step to wait for
    assert [s.name for s in case.steps.all()] == [StepName.PACKAGE_BUILD, StepName.PACKAGE_DELIVER]
    assert [s.status for s in case.steps.all()] == [StepStatus.SUCCEEDED] * 2

    mail = inbox.last(HANAKO)
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"disclosure-{case.ref}.zip"
    password = package_password(case.packages.get().ref)
    assert password not in body(mail)
    assert password not in str(mail)
    with pyzipper.AESZipFile(io.BytesIO(attachment.get_content())) as archive:
        archive.setpassword(password.encode())
        names = set(archive.namelist())
        data = json.loads(archive.read("disclosure.json"))
        items_csv = archive.read("items.csv").decode("utf-8-sig")
    assert names == {
        "disclosure.json",
        "items.csv",
        "acquisitions.csv",
        "consents.csv",
        "provision_records.csv",
        "receipt_records.csv",
        "messages.csv",
        "disclosure-ja.pdf",
    }
    assert [(n["kind"], n["text"]) for n in data["notes"]] == [("reply", reply)]
    values = {i["category"]: i["value"] for i in data["items"]}
    assert values == {"email": HANAKO, "name": "山田 花子", "organization": "三ツ星電機"}
    assert "三ツ星電機" in items_csv
    assert data["subject_id"] == subject_id
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert "vault.disclose" in actions
    assert actions[-1] == "desk.case.close"
