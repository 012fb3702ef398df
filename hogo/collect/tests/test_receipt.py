"""After a form is sent: the reference number and how to see, change or withdraw the data, on
the thanks page and, where the channel asks for it, in a confirmation mail delivered to a real
SMTP server in the person's language."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from hogo.collect.models import AcquisitionRecord, InquiryCase, RecordSource
from hogo.collect.services import SubmissionIn, submission_accept
from hogo.policy.schema import Policy
from hogo.tests.collect import EVENT, INQUIRY, form_post
from hogo.tests.mail import Inbox, body
from hogo.vault.models import Subject

Capture = Callable[..., Any]
CAMPAIGN = "campaign-invitations-surveys"


def sent(client: Client, channel: str, values: dict[str, str], lang: str, **extra: Any) -> str:
    """Sends the form and returns the thanks page it leads to."""
    response = form_post(client, channel, values, lang=lang, **extra)
    assert response.status_code == 302
    done = client.get(response["Location"])
    assert done.status_code == 200
    return done.content.decode()


@pytest.mark.parametrize(
    ("lang", "number", "center"),
    [
        ("ja", "受付番号", "プライバシーセンターを開く"),
        ("en", "Reference number", "Go to the privacy center"),
    ],
)
def test_it_shows_the_reference_number_and_the_way_to_the_privacy_center(
    policy: Policy, lang: str, number: str, center: str
) -> None:
    html = sent(Client(), "event-registration", EVENT, lang, consent_purpose=CAMPAIGN)
    record = AcquisitionRecord.objects.get()
    assert number in html
    assert f'<strong id="reference">{record.ref}</strong>' in html
    assert Subject.objects.get().ref not in html  # never the internal subject id
    assert f'href="/{lang}/privacy-center/"' in html
    assert center in html
    for kind in policy.requests.kinds.values():
        assert f'href="/{lang}/privacy-center/request/{kind.id}/"' in html
        assert kind.title.get(lang) in html
    for value in EVENT.values():
        assert value not in html


def test_it_shows_the_inquiry_case_number_for_an_inquiry(policy: Policy) -> None:
    html = sent(Client(), "inquiry", INQUIRY, "en")
    assert f'<strong id="reference">{InquiryCase.objects.get().ref}</strong>' in html
    assert AcquisitionRecord.objects.get().ref not in html


def test_the_other_language_shows_the_same_reference(policy: Policy) -> None:
    client = Client()
    response = form_post(client, "inquiry", INQUIRY, lang="en")
    english = client.get(response["Location"]).content.decode()
    switch = english.split('class="language-switch"><a href="', 1)[1].split('"', 1)[0]
    japanese = client.get(switch.replace("&amp;", "&")).content.decode()
    assert "受付番号" in japanese
    assert InquiryCase.objects.get().ref in japanese


def test_it_shows_no_reference_for_a_forged_or_foreign_address(policy: Policy) -> None:
    client = Client()
    response = form_post(client, "inquiry", INQUIRY, lang="en")
    location = response["Location"]
    ref = InquiryCase.objects.get().ref
    token = location.split("?r=", 1)[1]
    for url in (
        location.replace(token, token[:-2] + ("xx" if not token.endswith("xx") else "yy")),
        location.replace("/inquiry/", "/survey/"),  # signed for another form
        "/en/forms/inquiry/done/",
    ):
        html = client.get(url).content.decode()
        assert ref not in html
        assert "Reference number" not in html


def test_an_anonymous_survey_answer_says_it_is_not_linked_to_anyone(policy: Policy) -> None:
    html = sent(Client(), "survey", {"answer": "Useful.", "interest": "cc-link-ie-tsn"}, "en")
    assert "without knowing whose it is" in html
    assert "Reference number" not in html


@pytest.mark.parametrize(
    ("lang", "subject", "how"),
    [
        ("ja", "受付のお知らせ：イベント・セミナー参加申込（受付番号：", "プライバシーセンター"),
        ("en", "Received: Event and seminar registration (reference ", "privacy center"),
    ],
)
def test_it_mails_a_confirmation_in_the_submitters_language(
    policy: Policy,
    inbox: Inbox,
    django_capture_on_commit_callbacks: Capture,
    lang: str,
    subject: str,
    how: str,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        html = sent(Client(), "event-registration", EVENT, lang, consent_purpose=CAMPAIGN)
    ref = AcquisitionRecord.objects.get().ref
    [message] = inbox.to(EVENT["email"])
    assert str(message["Subject"]).strip() == subject + ref + ("）" if lang == "ja" else ")")
    text = body(message)
    assert ref in text
    assert how in text
    assert f"/{lang}/privacy-center/" in text
    assert f"/{lang}/privacy/" in text
    assert policy.channels["event-registration"].title.get(lang) in text
    for key, value in EVENT.items():  # nothing the person typed but the address it goes to
        if key != "email":
            assert value not in text
            assert value not in str(message["Subject"])
    assert Subject.objects.get().ref not in text
    assert ("確認メール" if lang == "ja" else "confirmation e-mail") in html


def test_it_mails_the_inquiry_case_number(
    policy: Policy, inbox: Inbox, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        sent(Client(), "inquiry", INQUIRY, "en")
    [message] = inbox.to(INQUIRY["email"])
    assert InquiryCase.objects.get().ref in str(message["Subject"])
    assert INQUIRY["message"] not in body(message)


@pytest.mark.parametrize("channel", ["survey", "member-registration"])
def test_it_sends_no_confirmation_where_the_channel_does_not_ask_for_one(
    policy: Policy, inbox: Inbox, django_capture_on_commit_callbacks: Capture, channel: str
) -> None:
    values = {
        "survey": {"email": "hanako@example.jp", "answer": "Useful."},
        "member-registration": {
            "name": "Hanako Yamada",
            "email": "hanako@example.jp",
            "organization": "Mitsuboshi Denki",
            "country": "Japan",
        },
    }[channel]
    with django_capture_on_commit_callbacks(execute=True):
        html = sent(Client(), channel, values, "en", consent_purpose=CAMPAIGN)
    subjects = [str(m["Subject"]) for m in inbox.to("hanako@example.jp")]
    assert not [s for s in subjects if s.startswith("Received:")]
    assert "confirmation e-mail with this number" not in html
    assert AcquisitionRecord.objects.get().ref in html  # the page still gives the number


def test_it_mails_no_confirmation_for_an_api_submission(
    policy: Policy, inbox: Inbox, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        accepted = submission_accept(
            actor="system:test",
            submission=SubmissionIn(
                channel="inquiry", values=INQUIRY, lang="en", source=RecordSource.API
            ),
        )
    assert accepted.mailed is False
    assert inbox.messages == []
