"""What a disclosure package holds (Art. 33 and 33(5)), in JSON, CSV and a readable PDF."""

import csv
import io
import json
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hogo.consent.models import ConsentKind
from hogo.consent.services import consent_give
from hogo.desk.models import Case, CaseStatus, Intake
from hogo.desk.package import package_content, package_files
from hogo.desk.package_text import local_date, local_time
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.records import RecipientIn
from hogo.share.services import recipient_register
from hogo.tests.desk import CAMPAIGN, HANDLE, ORIGIN, person
from hogo.vault.erasure import items_erase
from hogo.vault.provision import subject_provision_stop
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_suspend

pytestmark = pytest.mark.django_db


def case_for(subject_id: str, language: str = "ja") -> Case:
    return Case.objects.create(
        kind="disclosure",
        status=CaseStatus.IN_PROGRESS,
        language=language,
        intake=Intake.PRIVACY_CENTER,
        origin=ORIGIN,
        subject_ref=subject_id,
        policy_version=1,
    )


def test_it_holds_consents_provision_records_suspension_and_disposals(policy: Policy) -> None:
    subject_id = person(
        items=(ItemIn("organization", None, "三ツ星電機"), ItemIn("department", None, "営業部"))
    )
    recipient = recipient_register(
        actor=HANDLE,
        recipient=RecipientIn(
            kind="third_party_with_consent",
            name="Kansai Events KK",
            address="1-1 Umeda, Kita-ku, Osaka",
            representative="Representative Director",
        ),
    )
    consent = consent_give(
        actor=HANDLE,
        subject_id=subject_id,
        kind=ConsentKind.RECIPIENT,
        target=recipient.ref,
        policy_version=1,
    )
    provision_make(
        actor=HANDLE,
        recipient_id=recipient.ref,
        purpose=CAMPAIGN,
        subject_ids=[subject_id],
        categories=["email", "organization"],
    )
    items_erase(actor=HANDLE, subject_id=subject_id, categories=["department"])
    subject_suspend(actor=HANDLE, subject_id=subject_id, purposes=[CAMPAIGN])
    subject_provision_stop(actor=HANDLE, subject_id=subject_id)

    content = package_content(case=case_for(subject_id, "en"), actor=HANDLE)
    assert {i["category"] for i in content.items} == {"email", "name", "organization"}
    assert [(c["id"], c["kind"], c["target"]) for c in content.consents] == [
        (consent.ref, "recipient", recipient.ref)
    ]
    [record] = content.provision_records
    assert (record["recipient_name"], record["categories"], record["consent_id"]) == (
        "Kansai Events KK",
        ["email", "organization"],
        consent.ref,
    )
    assert content.suspension == {
        "all_purposes": False,
        "purposes": [{"id": CAMPAIGN, "title": "Invitations and surveys for campaigns and events"}],
    }
    assert content.provision_stopped is True
    [disposal] = content.disposals
    assert (disposal["category"], disposal["reason"]) == ("department", "erasure_request")
    [acquisition] = content.acquisitions
    assert acquisition["channel_title"] == "Event and seminar registration"


def test_it_keeps_spreadsheet_formulas_out_of_the_csv(policy: Policy) -> None:
    subject_id = person(items=(ItemIn("organization", None, '=HYPERLINK("x")'),))
    files = package_files(
        package_content(case=case_for(subject_id), actor=HANDLE), language="ja", pdf=False
    )
    rows = list(csv.DictReader(io.StringIO(files["items.csv"].decode("utf-8-sig"))))
    [organization] = [r for r in rows if r["category"] == "organization"]
    assert organization["value"] == '\'=HYPERLINK("x")'
    assert organization["category_title"] == "会社名・団体名"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", ["保有個人データ開示書", "三ツ星電機", "山田 花子", "第三者提供の記録"]),
        ("en", ["Disclosure of personal information", "三ツ星電機", "Records of provision"]),
    ],
)
def test_it_writes_a_pdf_that_reads_back_in_either_language(
    policy: Policy, lang: str, expected: list[str]
) -> None:
    subject_id = person()
    files = package_files(
        package_content(case=case_for(subject_id, lang), actor=HANDLE), language=lang
    )
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "d.pdf"
        pdf.write_bytes(files[f"disclosure-{lang}.pdf"])
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    for phrase in expected:
        assert phrase in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ja", "2026年4月1日 10:00（JST）"), ("en", "April 1, 2026, 10:00 JST")],
)
def test_it_writes_times_in_the_local_zone_with_its_name(lang: str, expected: str) -> None:
    assert local_time("2026-04-01T01:00:00+00:00", lang) == expected
    assert local_time(datetime(2026, 4, 1, 1, 0, tzinfo=UTC), lang) == expected
    assert local_date("2026-03-31T15:30:00+00:00", lang) == expected.partition(" 10")[0].rstrip(",")
    assert local_time(None, lang) == ""


def test_it_names_every_id_by_its_title_and_keeps_the_ids_in_the_json(policy: Policy) -> None:
    subject_id = person()
    consent_give(
        actor=HANDLE,
        subject_id=subject_id,
        kind=ConsentKind.PURPOSE,
        target=CAMPAIGN,
        policy_version=1,
    )
    items_erase(actor=HANDLE, subject_id=subject_id, categories=["organization"])
    content = package_content(case=case_for(subject_id, "en"), actor=HANDLE)
    [item] = [i for i in content.items if i["category"] == "name"]
    assert (item["channel"], item["channel_title"]) == (
        "event-registration",
        "Event and seminar registration",
    )
    assert item["purposes"] == [CAMPAIGN]
    assert item["purpose_titles"] == ["Invitations and surveys for campaigns and events"]
    [consent] = content.consents
    assert (consent["kind_title"], consent["target_title"]) == (
        "Consent to a purpose of use",
        "Invitations and surveys for campaigns and events",
    )
    [disposal] = content.disposals
    assert disposal["reason_title"] == "You asked us to delete it"
    assert content.status_title == "held"
    files = package_files(content, language="en", pdf=False)
    data = json.loads(files["disclosure.json"])
    assert data["items"][0]["acquired_at"] == item["acquired_at"]
    assert datetime.fromisoformat(str(item["acquired_at"])).tzinfo is not None
    rows = list(csv.DictReader(io.StringIO(files["consents.csv"].decode("utf-8-sig"))))
    assert (rows[0]["target"], rows[0]["target_title"]) == (
        CAMPAIGN,
        "Invitations and surveys for campaigns and events",
    )
