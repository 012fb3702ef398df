import logging

import pytest
from django.db import connection
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.collect.guard import SpecialCareFound, special_care_guard
from hogo.collect.models import AcquisitionRecord
from hogo.consent.models import Consent, ConsentKind
from hogo.policy.schema import Policy
from hogo.tests.collect import EVENT, INQUIRY, form_post
from hogo.vault.access import subjects_access
from hogo.vault.models import Item, Subject

CAMPAIGN = "campaign-invitations-surveys"
HEALTH_TEXT = "I have a severe peanut allergy and diabetes, so I need a sugar-free lunch."
MARKER = "peanut allergy"


def database_holds(text: str) -> list[str]:
    """Every table and row (as text) of the main database that contains `text`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608  (names from introspection)
            for row in cursor.fetchall():
                if text in repr(row):
                    found.append(table)
    return found


def test_it_refuses_health_information_without_consent_and_leaves_no_trace(
    policy: Policy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    audit_before = AuditEvent.objects.count()
    values = {**EVENT, "special_requirements": HEALTH_TEXT}

    response = form_post(
        Client(), "event-registration", values, lang="en", consent_purpose=CAMPAIGN
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "seems to include information about Health and medical history" in html
    assert "tick the consent box" in html
    assert 'name="consent_special_care" value="health"' in html
    assert Subject.objects.count() == 0
    assert Consent.objects.count() == 0
    assert AuditEvent.objects.count() == audit_before
    assert database_holds(MARKER) == []
    assert database_holds(EVENT["email"]) == []
    assert MARKER not in caplog.text
    assert EVENT["email"] not in caplog.text


def test_it_names_the_kind_of_information_in_japanese(policy: Policy) -> None:
    values = {**EVENT, "special_requirements": "糖尿病のため、食事制限があります。"}
    response = form_post(Client(), "event-registration", values, consent_purpose=CAMPAIGN)
    html = response.content.decode()
    assert (
        "「食事・設備等のご要望」のご記入内容に、健康・病歴に関する情報が含まれているようです。"
        in html
    )
    assert "明示的に同意します" in html


def test_it_stores_special_care_information_flagged_with_the_explicit_consent(
    policy: Policy,
) -> None:
    values = {**EVENT, "special_requirements": HEALTH_TEXT}
    response = form_post(
        Client(),
        "event-registration",
        values,
        lang="en",
        consent_purpose=CAMPAIGN,
        consent_special_care="health",
    )
    assert response.status_code == 302
    item = Item.objects.get(field="special_requirements")
    consent = Consent.objects.get(kind=ConsentKind.SPECIAL_CARE)
    assert item.special_care is True
    assert item.category == "health"
    assert item.consent_ref == consent.ref
    assert consent.target == "health"
    assert consent.evidence["method"] == "form_checkbox"
    record = AcquisitionRecord.objects.get()
    assert record.special_care == ["health"]
    assert consent.ref in record.consents
    view = subjects_access(actor="system:test", purpose=CAMPAIGN, email=EVENT["email"]).items[0]
    assert view.data["special_requirements"] == HEALTH_TEXT


def test_it_accepts_the_form_once_the_person_removes_the_information(policy: Policy) -> None:
    values = {**EVENT, "special_requirements": "Vegetarian lunch, please."}
    response = form_post(Client(), "event-registration", values, consent_purpose=CAMPAIGN)
    assert response.status_code == 302
    assert Item.objects.get(field="special_requirements").special_care is False


def test_it_offers_no_consent_where_the_channel_does_not_accept_special_care(
    policy: Policy,
) -> None:
    values = {**INQUIRY, "message": "I was treated for depression last year; can I still apply?"}
    response = form_post(Client(), "inquiry", values, lang="en", consent_special_care="health")
    html = response.content.decode()
    assert "seems to include information about Health and medical history" in html
    assert "We do not accept this kind of information through this form" in html
    assert 'name="consent_special_care"' not in html
    assert Subject.objects.count() == 0


def test_it_refuses_categories_no_purpose_of_the_channel_covers(policy: Policy) -> None:
    """Consent is possible only for what a purpose in use covers: a criminal record is not
    needed to run an event, so it must be removed even on the event form."""
    channel = policy.channels["event-registration"]
    with pytest.raises(SpecialCareFound) as caught:
        special_care_guard(
            policy=policy,
            channel=channel,
            purposes=[CAMPAIGN],
            values={"special_requirements": "I have a criminal record for theft."},
            consented={"criminal_record"},
        )
    [finding] = caught.value.findings
    assert finding.categories == ("criminal_record",)
    assert finding.consentable == ()
    assert "theft" not in caught.value.message


def test_it_scans_only_free_text_fields(policy: Policy) -> None:
    channel = policy.channels["event-registration"]
    found = special_care_guard(
        policy=policy,
        channel=channel,
        purposes=[CAMPAIGN],
        values={"event": "Seminar on hospital automation", "organization": "Cancer Center"},
        consented=(),
    )
    assert found == {}
