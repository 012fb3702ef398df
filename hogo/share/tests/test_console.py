"""Console pages: the officer and auditors see the register, provisions and records and export
selected records for an inspection; the officer retires recipients; nobody edits a record
there; other staff do not see these pages."""

from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.consent.models import ConsentKind
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.models import ProvisionRecord, Recipient
from hogo.tests.share import ACTOR, CAMPAIGN, consent, person, recipient

ADMIN = "/console/admin/share"


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def provided() -> str:
    events = recipient()
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    provision_make(
        actor=ACTOR,
        recipient_id=events.ref,
        purpose=CAMPAIGN,
        subject_ids=[subject_id],
        categories=["email"],
    )
    return subject_id


def test_it_shows_the_register_and_records_to_the_officer_and_auditors(
    policy: Policy, officer: User, auditor: User, desk_operator: User, outsider: User
) -> None:
    provided()
    for reader in (officer, auditor):
        client = logged_in(reader)
        for page in ("recipient", "agreement", "provision", "provisionrecord"):
            assert client.get(f"{ADMIN}/{page}/").status_code == 200
        record = ProvisionRecord.objects.get()
        assert client.get(f"{ADMIN}/provisionrecord/{record.pk}/change/").status_code == 200
    for other in (desk_operator, outsider):
        assert logged_in(other).get(f"{ADMIN}/recipient/").status_code == 403


def test_it_offers_no_way_to_add_or_delete_records(policy: Policy, officer: User) -> None:
    provided()
    client = logged_in(officer)
    assert client.get(f"{ADMIN}/recipient/add/").status_code == 403
    record = ProvisionRecord.objects.get()
    assert client.get(f"{ADMIN}/provisionrecord/{record.pk}/delete/").status_code == 403


def test_it_exports_selected_records_as_csv(policy: Policy, auditor: User) -> None:
    subject_id = provided()
    record = ProvisionRecord.objects.get()
    answer = logged_in(auditor).post(
        f"{ADMIN}/provisionrecord/",
        {"action": "export_csv", "_selected_action": [record.pk]},
    )
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/csv")
    assert subject_id in answer.content.decode("utf-8-sig")
    assert AuditEvent.objects.get(action="share.records.export").detail["records"] == 1


def test_only_the_officer_retires_recipients(policy: Policy, officer: User, auditor: User) -> None:
    events = recipient()
    form = {"action": "retire", "_selected_action": [events.pk]}
    logged_in(auditor).post(f"{ADMIN}/recipient/", form)
    assert Recipient.objects.get().retired_at is None
    done = logged_in(officer).post(f"{ADMIN}/recipient/", form, follow=True)
    assert Recipient.objects.get().retired_at is not None
    assert "1件の提供先の登録を終了しました。" in done.content.decode()
