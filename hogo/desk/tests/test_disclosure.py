"""Disclosure (7.1(b)): package built through the vault, delivered by the chosen method. By
e-mail it is an AES-256 PDF that any reader opens with the password from the status page, with
the JSON and CSV embedded; or, when the setting says so, an AES-256 zip."""

import csv
import io
import json
import re
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import pyzipper

from hogo.audit.models import AuditEvent
from hogo.desk.models import Case, CaseStatus, StepName, StepStatus
from hogo.desk.package import package_password
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import CAMPAIGN, HANAKO, person, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.vault.notes import note_seal

pytestmark = pytest.mark.django_db
STAFF = "user:1"
WRONG = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"
DATA_FILES = {
    "disclosure.json",
    "items.csv",
    "acquisitions.csv",
    "consents.csv",
    "provision_records.csv",
    "receipt_records.csv",
    "messages.csv",
}


def disclosed_by_mail(inbox: Inbox, language: str = "ja") -> Case:
    """A disclosure requested, approved and mailed (free under the reference policy): the
    completed case."""
    case = verified(inbox, "disclosure", language=language)
    with committed():
        case_approve(actor=STAFF, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED  # free: no fee step to wait for
    assert [s.name for s in case.steps.all()] == [StepName.PACKAGE_BUILD, StepName.PACKAGE_DELIVER]
    assert [s.status for s in case.steps.all()] == [StepStatus.SUCCEEDED] * 2
    return case


def qpdf_decrypt(pdf: Path, password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["qpdf", f"--password={password}", "--decrypt", str(pdf), str(pdf.with_suffix(".open"))],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("lang", "titles", "when"),
    [
        (
            "ja",
            ["イベント・セミナー参加申込", "会社名・団体名", "窓口からの回答"],
            r"\d{4}年\d{1,2}月\d{1,2}日\s+\d\d:\d\d（JST）",
        ),
        (
            "en",
            ["Event and seminar registration", "Company or organization", "Reply from the desk"],
            r"[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4},\s+\d\d:\d\d\s+JST",  # Dec. 7, 2026, 10:00 JST
        ),
    ],
)
def test_it_mails_an_encrypted_pdf_that_any_reader_opens_with_the_password(
    policy: Policy, inbox: Inbox, tmp_path: Path, lang: str, titles: list[str], when: str
) -> None:
    subject_id = person()
    reply = "お問合せの件、来週の認証試験に間に合います。"
    with committed():
        note_seal(actor=STAFF, owner=subject_id, kind="reply", text=reply)
    case = disclosed_by_mail(inbox, lang)
    assert case.subject_ref == subject_id

    mail = inbox.last(HANAKO)
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"disclosure-{case.ref}.pdf"
    assert attachment.get_content_type() == "application/pdf"
    password = package_password(case.packages.get().ref)
    assert password not in body(mail)
    assert password not in str(mail)
    assert {"ja": "PDF閲覧ソフト", "en": "any PDF reader"}[lang] in body(mail)
    pdf = tmp_path / "disclosure.pdf"
    pdf.write_bytes(attachment.get_content())

    wrong = qpdf_decrypt(pdf, WRONG)
    assert wrong.returncode != 0
    assert "invalid password" in wrong.stderr
    opened = qpdf_decrypt(pdf, password)
    assert opened.returncode == 0, opened.stderr
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf.with_suffix(".open")), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    purpose = policy.purposes[CAMPAIGN].title.get(lang)
    flat = re.sub(r"\s+", "", text)  # table cells wrap long values and titles
    for phrase in [HANAKO, "山田 花子", "三ツ星電機", reply, purpose, *titles]:
        assert re.sub(r"\s+", "", phrase) in flat
    ids = ["event-registration", CAMPAIGN, "email", "reply"]
    for policy_id in ids if lang == "en" else [*ids, "organization"]:  # "Company or organization"
        assert policy_id not in text
    assert re.search(when, text), text

    with pikepdf.open(pdf, password=password) as document:
        embedded = {n: s.get_file().read_bytes() for n, s in document.attachments.items()}
    assert set(embedded) == DATA_FILES
    data = json.loads(embedded["disclosure.json"])
    assert [(n["kind"], n["text"]) for n in data["notes"]] == [("reply", reply)]
    values = {i["category"]: i["value"] for i in data["items"]}
    assert values == {"email": HANAKO, "name": "山田 花子", "organization": "三ツ星電機"}
    assert {i["channel"] for i in data["items"]} == {"event-registration"}  # ids kept
    assert {p for i in data["items"] for p in i["purposes"]} == {CAMPAIGN}
    assert datetime.fromisoformat(data["items"][0]["acquired_at"]).tzinfo is not None
    rows = list(csv.DictReader(io.StringIO(embedded["items.csv"].decode("utf-8-sig"))))
    assert {r["category"]: r["value"] for r in rows} == values
    assert data["subject_id"] == subject_id
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert "vault.disclose" in actions
    assert actions[-1] == "desk.case.close"
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(pdf, password=WRONG)


def test_it_mails_an_encrypted_zip_when_the_setting_says_zip(
    policy: Policy, inbox: Inbox, settings: Any
) -> None:
    settings.DISCLOSURE_FORMAT = "zip"
    person()
    case = disclosed_by_mail(inbox)
    mail = inbox.last(HANAKO)
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"disclosure-{case.ref}.zip"
    assert attachment.get_content_type() == "application/zip"
    assert "7-Zip" in body(mail)
    password = package_password(case.packages.get().ref)
    with pyzipper.AESZipFile(io.BytesIO(attachment.get_content())) as archive:
        archive.setpassword(password.encode())
        names = set(archive.namelist())
        data = json.loads(archive.read("disclosure.json"))
    assert names == DATA_FILES | {"disclosure-ja.pdf"}
    assert {i["value"] for i in data["items"]} == {HANAKO, "山田 花子", "三ツ星電機"}
