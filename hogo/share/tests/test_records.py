"""Provision records (APPI Art. 29, Rules 19–21): what each holds, how long it is kept (three
years, or one for a contract-form record, from the last provision), disposal by the retention
task, the records a disclosure includes (Art. 33(5)) and the export for an inspection."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from hogo.audit.models import AuditEvent
from hogo.consent.models import ConsentKind
from hogo.policy.schema import Policy
from hogo.share.export import records_export
from hogo.share.gate import provision_make
from hogo.share.models import (
    Provision,
    ProvisionLine,
    ProvisionPackage,
    ProvisionRecord,
    Recipient,
    RecordForm,
)
from hogo.share.records import ProvisionResult
from hogo.share.retention import records_dispose
from hogo.share.selectors import provision_records_for
from hogo.share.services import years_after
from hogo.share.tasks import records_sweep
from hogo.tests.share import ACTOR, CAMPAIGN, consent, person, recipient
from hogo.vault.erasure import subject_erase


def provide(
    to: Recipient, subject_ids: list[str], form: str = RecordForm.SINGLE
) -> ProvisionResult:
    return provision_make(
        actor=ACTOR,
        recipient_id=to.ref,
        purpose=CAMPAIGN,
        subject_ids=subject_ids,
        categories=["email", "organization"],
        form=form,
    )


def consented(to: Recipient, email: str = "hanako.yamada@example.jp") -> str:
    subject_id = person(email)
    consent(subject_id, ConsentKind.RECIPIENT, to.ref)
    return subject_id


def test_it_keeps_a_single_record_three_years_from_the_provision(policy: Policy) -> None:
    events = recipient()
    provide(events, [consented(events)])
    record = ProvisionRecord.objects.get()
    assert record.form == RecordForm.SINGLE
    assert record.retain_until == years_after(record.last_provided_at, 3)


def test_it_gathers_continuous_provision_in_one_bulk_record_kept_from_the_last(
    policy: Policy,
) -> None:
    events = recipient()
    first = consented(events, "first@example.jp")
    second = consented(events, "second@example.jp")
    one = provide(events, [first], form=RecordForm.BULK)
    two = provide(events, [second], form=RecordForm.BULK)
    assert one.record_id == two.record_id
    record = ProvisionRecord.objects.get()
    assert record.provisions.count() == 2
    assert record.first_provided_at < record.last_provided_at
    assert record.retain_until == years_after(record.last_provided_at, 3)


def test_it_starts_a_new_bulk_record_after_a_year(policy: Policy) -> None:
    events = recipient()
    first = consented(events, "first@example.jp")
    provide(events, [first], form=RecordForm.BULK)
    ProvisionRecord.objects.update(first_provided_at=timezone.now() - timedelta(days=366))
    provide(events, [consented(events, "second@example.jp")], form=RecordForm.BULK)
    assert ProvisionRecord.objects.count() == 2


def test_it_keeps_a_contract_form_record_one_year(policy: Policy) -> None:
    events = recipient()
    provide(events, [consented(events)], form=RecordForm.CONTRACT)
    record = ProvisionRecord.objects.get()
    assert record.retain_until == years_after(record.last_provided_at, 1)


def test_it_disposes_of_records_past_retention_and_nothing_younger(policy: Policy) -> None:
    events = recipient()
    old = consented(events, "old@example.jp")
    young = consented(events, "young@example.jp")
    provide(events, [old], form=RecordForm.CONTRACT)
    provide(events, [young])
    contract = ProvisionRecord.objects.get(form=RecordForm.CONTRACT)

    summary = records_dispose(now=contract.retain_until + timedelta(seconds=1))

    assert (summary.records, summary.provisions, summary.lines, summary.packages) == (1, 1, 1, 2)
    assert list(ProvisionRecord.objects.values_list("form", flat=True)) == [RecordForm.SINGLE]
    assert ProvisionLine.objects.get().subject.ref == young
    assert not ProvisionPackage.objects.exists()  # the young one's package expired long before
    event = AuditEvent.objects.get(action="share.records.dispose")
    assert event.detail["records"] == 1
    assert records_dispose(now=contract.retain_until + timedelta(seconds=2)).records == 0


def test_it_disposes_of_expired_packages_but_keeps_their_records(policy: Policy) -> None:
    events = recipient()
    provide(events, [consented(events)])
    summary = records_dispose(now=timezone.now() + timedelta(days=15))
    assert (summary.records, summary.packages) == (0, 1)
    assert Provision.objects.count() == 1


def test_it_sweeps_from_the_task_and_the_command(policy: Policy) -> None:
    events = recipient()
    provide(events, [consented(events)])
    ProvisionRecord.objects.update(retain_until=timezone.now() - timedelta(seconds=1))
    assert records_sweep.call()["records"] == 1
    out = io.StringIO()
    call_command("share", "sweep", stdout=out)
    assert out.getvalue().startswith("disposed of 0 records")


def test_it_lists_a_subjects_provision_records_for_a_disclosure(policy: Policy) -> None:
    events = recipient(name="Kansai Events KK", address="1-1 Umeda, Osaka")
    subject_id = consented(events)
    given = consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    result = provide(events, [subject_id])
    [record] = provision_records_for(subject_id=subject_id)
    assert record.record_id == result.record_id
    assert (record.recipient_name, record.recipient_address) == (
        "Kansai Events KK",
        "1-1 Umeda, Osaka",
    )
    assert record.recipient_representative == "Representative Director"
    assert (record.basis, record.purpose) == ("consent", CAMPAIGN)
    assert record.categories == ["email", "organization"]
    assert record.consent_ref == given.ref


def test_a_disclosure_shows_records_after_erasure_until_they_are_disposed_of(
    policy: Policy,
) -> None:
    """Records outlive the data they describe: the person may still ask what was provided."""
    events = recipient()
    subject_id = consented(events)
    refused = person("refused@example.jp")
    provide(events, [subject_id, refused])
    assert provision_records_for(subject_id=refused) == []
    subject_erase(actor=ACTOR, subject_id=subject_id)
    assert len(provision_records_for(subject_id=subject_id)) == 1
    records_dispose(now=ProvisionRecord.objects.get().retain_until)
    assert provision_records_for(subject_id=subject_id) == []


def test_it_exports_records_for_an_inspection_as_csv_and_xlsx(policy: Policy) -> None:
    events = recipient(name="=cmd|' /C calc'!A0")
    subject_id = consented(events)
    refused = person("refused@example.jp")
    result = provide(events, [subject_id, refused])

    name, content_type, content = records_export(actor=ACTOR, fmt="csv")
    assert name.endswith(".csv")
    assert content_type.startswith("text/csv")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("record,form,retain_until,provision,provided_at,recipient,")
    assert len(lines) == 2  # the refused person is no record of provision
    assert f"{result.provision_id}" in lines[1]
    assert subject_id in lines[1]
    assert "'=cmd" in lines[1]
    assert "example.jp" not in content.decode("utf-8-sig")

    _, _, xlsx = records_export(actor=ACTOR, fmt="xlsx", recipient_id=events.ref)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("record", "form")
    assert rows[1][12] == subject_id
    assert AuditEvent.objects.filter(action="share.records.export").count() == 2
