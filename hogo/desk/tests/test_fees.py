"""Fees where a policy sets one (APPI Art. 38): the person is told the amount and how to pay,
the desk records the payment, the deadline starts when it arrives and nothing is disclosed
before. The reference policy charges nothing, so these tests load a copy with a fee."""

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.desk.fees import Payment, case_fee_record
from hogo.desk.intake import Evidence, case_record
from hogo.desk.models import Case, CaseStatus, MailKind, StepName, StepStatus
from hogo.desk.services import case_approve, case_refuse
from hogo.desk.tests.test_privacy_center import confirm, start
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.policy.services import policy_file_read, policy_load
from hogo.policy.tests.helpers import FEE_PAYMENT, reference_data, toml_dumps, with_disclosure_fee
from hogo.policy.wording import date_shown
from hogo.tests.desk import HANAKO, HANDLE, ORIGIN, person, verified
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db

FEE = 1000
FEE_TEXT = {"ja": "1,000円", "en": "JPY 1,000"}
WAITING = {"ja": "手数料のお支払いをお待ちしています", "en": "We are waiting for the fee"}


@pytest.fixture
def fee_policy(active_policy: Policy, tmp_path: Path) -> Policy:
    """The reference policy with a 1,000 JPY disclosure fee, loaded as the next version."""
    path = tmp_path / "fee.toml"
    path.write_text(toml_dumps(with_disclosure_fee(reference_data(), FEE)), encoding="utf-8")
    policy_load(text=policy_file_read(path=path), note="a fee, for tests")
    return policy_active()


def paid(**changes: object) -> Payment:
    fields: dict[str, object] = {
        "amount_jpy": FEE,
        "received_on": timezone.localdate(),
        "reference": "TR-20261206-001",
        **changes,
    }
    return Payment(**fields)  # type: ignore[arg-type]


def record(case: Case, payment: Payment | None = None) -> Case:
    with committed():
        return case_fee_record(actor=HANDLE, case_ref=case.ref, payment=payment or paid())


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_it_tells_the_person_the_fee_and_how_to_pay_by_mail_and_on_the_status_page(
    fee_policy: Policy, inbox: Inbox, lang: str
) -> None:
    person()
    client = Client()
    start(client, "disclosure", {"email": HANAKO, "delivery": "email_attachment"}, lang)
    ref = confirm(client, inbox, HANAKO, lang)

    mail = inbox.last(HANAKO)
    assert {"ja": "手数料のお支払いのお願い", "en": "Please pay the fee"}[lang] in mail["Subject"]
    text = body(mail)
    assert FEE_TEXT[lang] in text
    assert FEE_PAYMENT[lang] in text
    assert ref in text
    starts = {
        "ja": "手数料のお支払いの確認の完了から原則として14日以内",
        "en": "within 14 days of confirming your identity and receiving the fee",
    }
    assert starts[lang] in text

    page = client.get(f"/{lang}/privacy-center/status/{ref}/").content.decode()
    assert FEE_TEXT[lang] in page
    assert FEE_PAYMENT[lang] in page
    assert 'data-waiting="true"' in page
    assert WAITING[lang] in page
    assert {"ja": "お支払いを確認した日から数えます", "en": "Counted from the day"}[lang] in page

    case = record(Case.objects.get(ref=ref))
    page = client.get(f"/{lang}/privacy-center/status/{ref}/").content.decode()
    assert 'data-waiting="false"' in page
    assert case.fee_received_on is not None
    day = case.fee_received_on
    shown = {"ja": f"{day.year}年{day.month}月{day.day}日", "en": f"{day:%B} {day.day}, {day.year}"}
    assert shown[lang] in page  # as people read dates, not ISO 8601
    assert WAITING[lang] not in page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_privacy_center_shows_the_fee_and_that_the_clock_waits_for_it(
    fee_policy: Policy, lang: str
) -> None:
    page = Client().get(f"/{lang}/privacy-center/request/disclosure/").content.decode()
    assert FEE_TEXT[lang] in page
    assert FEE_PAYMENT[lang] in page
    waits = {
        "ja": "ご本人確認および手数料のお支払いの確認の完了から原則として14日以内",
        "en": "within 14 days of confirming your identity and receiving the fee",
    }
    assert waits[lang] in page


def test_it_sends_no_fee_mail_and_starts_the_clock_at_once_for_a_free_request(
    fee_policy: Policy, inbox: Inbox
) -> None:
    case = verified(inbox, "purpose_notification")
    assert case.fee_jpy == 0
    assert case.received_at is not None
    assert case.due_at == case.received_at + timedelta(days=14)
    assert not case.mails.filter(kind=MailKind.FEE).exists()
    with pytest.raises(Conflict, match="has no fee"):
        case_fee_record(actor=HANDLE, case_ref=case.ref, payment=paid())


def test_the_deadline_starts_when_the_fee_is_received(fee_policy: Policy, inbox: Inbox) -> None:
    case = verified(inbox, "disclosure")
    assert (case.fee_jpy, case.due_at) == (FEE, None)
    assert case.mails.filter(kind=MailKind.FEE).count() == 1

    case = record(case)
    assert case.received_at is not None
    # Paid the day the identity was confirmed: counted from the confirmation.
    assert case.due_at == case.received_at + timedelta(days=14)


def test_a_fee_that_arrived_later_moves_the_start_to_that_day(
    fee_policy: Policy, desk_operator: User
) -> None:
    subject_id = person()
    received = timezone.now() - timedelta(days=6)
    with committed():
        case = case_record(
            actor=HANDLE,
            kind="disclosure",
            email="",
            language="ja",
            details={"delivery": "postal_mail"},
            received_at=received,
            evidence=Evidence(document="passport", copy_destroyed=True),
            origin=ORIGIN,
            subject_id=subject_id,
        )
    assert case.due_at is None  # no e-mail address: the desk tells the fee by post
    arrived = timezone.localdate() - timedelta(days=2)
    case = record(case, paid(received_on=arrived, reference="KG 0012345"))
    start_of_day = timezone.make_aware(datetime.combine(arrived, time.min))
    assert case.due_at == start_of_day + timedelta(days=14)
    page = login(desk_operator).get("/console/desk/").content.decode()
    assert case.ref in page
    assert "手数料の入金待ち" not in page  # the console in its default language


def test_it_does_not_disclose_before_the_fee_is_received(fee_policy: Policy, inbox: Inbox) -> None:
    person()
    case = verified(inbox, "disclosure")
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert [(s.name, s.status) for s in case.steps.all()] == [
        (StepName.FEE, StepStatus.WAITING),
        (StepName.PACKAGE_BUILD, StepStatus.PENDING),
        (StepName.PACKAGE_DELIVER, StepStatus.PENDING),
    ]
    assert not case.packages.exists()
    assert not list(inbox.last(HANAKO).iter_attachments())

    case = record(case)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert case.steps.get(name=StepName.FEE).result == {"fee_jpy": FEE, "amount_jpy": FEE}
    assert list(inbox.last(HANAKO).iter_attachments())


def test_it_refuses_an_unpaid_fee_after_approval_but_not_after_fulfilment(
    fee_policy: Policy, inbox: Inbox
) -> None:
    person()
    case = verified(inbox, "disclosure")
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    with committed():
        case_refuse(actor=HANDLE, case_ref=case.ref, reason="fee_unpaid")
    case.refresh_from_db()
    assert case.status == CaseStatus.REFUSED
    assert not case.packages.exists()
    with pytest.raises(Conflict, match="no fee can be recorded"):
        case_fee_record(actor=HANDLE, case_ref=case.ref, payment=paid())

    done = verified(inbox, "disclosure")
    with committed():
        case_approve(actor=HANDLE, case_ref=done.ref)
    record(done)
    with pytest.raises(InvalidInput, match="fee_unpaid is only for a request whose fee"):
        case_refuse(actor=HANDLE, case_ref=done.ref, reason="fee_unpaid")
    with pytest.raises(Conflict, match="can no longer be refused"):
        case_refuse(actor=HANDLE, case_ref=done.ref, reason="harm")
    free = verified(inbox, "purpose_notification")
    with pytest.raises(InvalidInput, match="fee_unpaid is only for a request whose fee"):
        case_refuse(actor=HANDLE, case_ref=free.ref, reason="fee_unpaid")


def test_it_records_the_payment_with_one_audit_event_that_holds_no_reference(
    fee_policy: Policy, inbox: Inbox
) -> None:
    case = verified(inbox, "disclosure")
    before = AuditEvent.objects.count()
    case = record(case, paid(amount_jpy=560, difference="bank_charges"))
    case.refresh_from_db()
    assert (case.fee_paid_jpy, case.fee_reference, case.fee_difference) == (
        560,
        "TR-20261206-001",
        "bank_charges",
    )
    [event] = AuditEvent.objects.order_by("seq")[before:]
    assert event.action == "desk.case.fee"
    assert event.detail == {
        "case": case.ref,
        "fee_jpy": FEE,
        "amount_jpy": 560,
        "received_on": timezone.localdate().isoformat(),
        "difference": "bank_charges",
    }
    with pytest.raises(Conflict, match="already recorded"):
        case_fee_record(actor=HANDLE, case_ref=case.ref, payment=paid())


BAD_PAYMENTS = [
    ("another amount without a reason", {"amount_jpy": 500}, "amount_jpy: the fee of this"),
    ("a reason for the exact fee", {"difference": "reduced"}, "difference: 'reduced' does not"),
    ("overpaid but less", {"amount_jpy": 900, "difference": "overpaid"}, "does not fit"),
    ("bank charges but more", {"amount_jpy": 1200, "difference": "bank_charges"}, "not fit"),
    ("an unknown reason", {"amount_jpy": 900, "difference": "friendly"}, "difference: must be"),
    ("a negative amount", {"amount_jpy": -1}, "amount_jpy: must be 0 to"),
    (
        "a day in the future",
        {"received_on": timedelta(days=2)},
        "received_on: cannot be in the future",
    ),
    (
        "a day before the request",
        {"received_on": timedelta(days=-30)},
        "received_on: cannot be before the request",
    ),
    ("a payer's name", {"reference": "YAMADA HANAKO"}, "reference: 1 to 40"),
    ("a name in kana", {"reference": "ヤマダハナコ 123"}, "reference: 1 to 40"),
    ("an address", {"reference": "hanako.yamada1@example.jp"}, "reference: 1 to 40"),
    ("a long reference", {"reference": "1" * 41}, "reference: 1 to 40"),
    ("no reference", {"reference": "  "}, "reference: 1 to 40"),
]


@pytest.mark.parametrize(
    ("changes", "message"), [pytest.param(c, m, id=name) for name, c, m in BAD_PAYMENTS]
)
def test_it_rejects_a_bad_payment_and_writes_nothing(
    fee_policy: Policy, inbox: Inbox, changes: dict[str, object], message: str
) -> None:
    case = verified(inbox, "disclosure")
    offset = changes.get("received_on")
    if isinstance(offset, timedelta):  # days from today, in the organization's zone
        changes = {**changes, "received_on": timezone.localdate() + offset}
    with pytest.raises(InvalidInput, match=message) as caught:
        case_fee_record(actor=HANDLE, case_ref=case.ref, payment=paid(**changes))
    reference = str(changes.get("reference", "")).strip()
    assert not reference or reference not in caught.value.message
    case.refresh_from_db()
    assert (case.fee_received_at, case.fee_paid_jpy, case.fee_reference, case.due_at) == (
        None,
        None,
        "",
        None,
    )
    assert not AuditEvent.objects.filter(action="desk.case.fee").exists()


def test_the_console_shows_the_wait_and_records_the_fee(
    fee_policy: Policy, inbox: Inbox, desk_operator: User, auditor: User
) -> None:
    person()
    case = verified(inbox, "disclosure")
    client = login(desk_operator)
    queue = client.get("/console/desk/").content.decode()
    assert "手数料の入金待ち" in queue  # the console in its default language
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert "<strong>手数料の入金待ち</strong>：期限は入金の確認から起算します" in page
    assert 'id="fee-form"' in page
    assert 'name="amount_jpy" value="1000"' in page

    url = f"/console/desk/{case.ref}/fee/"
    today = timezone.localdate().isoformat()
    form = {"amount_jpy": "1000", "received_on": today, "reference": "A1", "confirmed": "yes"}
    assert login(auditor).post(url, form).status_code == 403
    bad = client.post(url, {**form, "amount_jpy": "800"}, follow=True).content.decode()
    assert "the fee of this request is JPY 1,000" in bad
    assert Case.objects.get(pk=case.pk).fee_received_at is None
    with committed():
        response = client.post(url, form)
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.fee_paid_jpy, case.fee_reference) == (1000, "A1")
    assert case.due_at is not None
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert f"{date_shown(timezone.localdate())}入金：1000円、照合番号A1" in page
    assert 'id="fee-form"' not in page


def test_the_api_records_the_fee_and_rejects_bad_input(
    fee_policy: Policy, inbox: Inbox, api_as: Callable[[User], Client], officer: User
) -> None:
    person()
    case = verified(inbox, "disclosure", language="en")
    client = api_as(officer)
    url = f"/api/v1/requests/{case.ref}"
    waiting = client.get(url).json()
    assert (waiting["fee_jpy"], waiting["waiting_for_fee"], waiting["due_at"]) == (FEE, True, None)
    good = {"amount_jpy": FEE, "received_on": timezone.localdate().isoformat(), "reference": "TR-9"}
    bad = client.post(f"{url}/fee", {**good, "amount_jpy": 10}, content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["error"]["message"].startswith("amount_jpy: the fee of this request")
    with committed():
        response = client.post(f"{url}/fee", good, content_type="application/json")
    assert response.status_code == 200
    done = response.json()
    assert (done["fee_received"], done["waiting_for_fee"]) == (True, False)
    assert done["fee_received_on"] == timezone.localdate().isoformat()
    assert done["due_at"] is not None
    missing = client.post("/api/v1/requests/req_aaaaaaaaaaaaaaaa/fee", good, "application/json")
    assert missing.status_code == 404
