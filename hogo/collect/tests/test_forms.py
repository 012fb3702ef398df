import re

import pytest
from django.test import Client

from hogo.collect.models import AcquisitionRecord, AnonymousResponse, NoticeText
from hogo.collect.tests.test_acquisition_rules import SURVEY
from hogo.consent.models import Consent, ConsentKind
from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.tests.collect import EVENT, form_post
from hogo.vault.access import subjects_access
from hogo.vault.models import Acquisition, Subject

CAMPAIGN = "campaign-invitations-surveys"
EVENT_OPERATION = "event-operation"
PUBLIC = ["event-registration", "survey", "member-registration", "inquiry"]
INQUIRY = {
    "name": "Hanako Yamada",
    "email": "hanako@example.jp",
    "message": "When is the next test?",
}


def page_text(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("channel", PUBLIC)
@pytest.mark.parametrize(
    ("lang", "purposes", "contact", "link"),
    [
        (
            "ja",
            "利用目的",
            "CC-Link協会 個人情報に関するお問合せ窓口",
            "個人情報の取扱いについて（第1版）の全文",
        ),
        ("en", "Purposes of use", "Personal Information Inquiry Desk", "Read our full notice"),
    ],
)
def test_it_shows_purposes_contact_and_notice_link_before_the_submit_button(
    policy: Policy, channel: str, lang: str, purposes: str, contact: str, link: str
) -> None:
    html = page_text(Client().get(f"/{lang}/forms/{channel}/"))
    submit = html.index('<button type="submit">')
    for text in (purposes, contact, link, 'href="/' + lang + '/privacy/versions/1/"'):
        assert -1 < html.index(text) < submit
    for purpose_id in policy.channels[channel].purposes:
        assert policy.purposes[purpose_id].title.get(lang) in html[:submit]


def test_it_marks_optional_fields_and_says_what_happens_if_left_empty(policy: Policy) -> None:
    html = page_text(Client().get("/en/forms/event-registration/"))
    phone = html[html.index('for="id_phone"') : html.index('for="id_event"')]
    assert "Optional" in phone
    assert 'aria-describedby="hint-phone"' in phone
    assert "changes or cancellations of the event will reach you by e-mail only" in phone
    name = html[html.index('for="id_name"') : html.index('for="id_email"')]
    assert "Required" in name
    assert "required" in name


def test_it_accepts_a_registration_and_records_what_was_shown_and_agreed(policy: Policy) -> None:
    response = form_post(
        Client(REMOTE_ADDR="203.0.113.77"),
        "event-registration",
        EVENT,
        consent_purpose=CAMPAIGN,
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/ja/forms/event-registration/done/?r=")
    record = AcquisitionRecord.objects.get()
    notice = NoticeText.objects.get(channel="event-registration", lang="ja")
    assert record.notice_sha256 == notice.sha256
    assert record.policy_version == policy.version == notice.policy_version
    assert record.purposes == [EVENT_OPERATION, CAMPAIGN]
    assert record.fields == ["email", "event", "name", "organization"]
    assert record.network == "203.0.113.0"
    assert record.acquisition.notice_sha256 == notice.sha256
    consent = Consent.objects.get()
    assert record.consents == [consent.ref]
    assert (consent.kind, consent.target) == (ConsentKind.PURPOSE, CAMPAIGN)
    assert consent.evidence["acquisition"] == record.ref
    assert consent.evidence["network"] == "203.0.113.0"
    view = subjects_access(actor="system:test", purpose=CAMPAIGN, email=EVENT["email"]).items[0]
    assert view.identifiers == {"email": EVENT["email"], "name": EVENT["name"]}
    assert view.data == {"organization": EVENT["organization"], "event": EVENT["event"]}


def test_it_attaches_a_repeat_submission_with_the_same_email(policy: Policy) -> None:
    client = Client()
    form_post(client, "event-registration", EVENT, consent_purpose=CAMPAIGN)
    again = {**EVENT, "email": "HANAKO.Yamada@example.jp", "event": "Hannover Messe"}
    form_post(client, "event-registration", again, lang="en", consent_purpose=CAMPAIGN)
    assert Subject.objects.count() == 1
    assert Acquisition.objects.count() == 2
    assert list(AcquisitionRecord.objects.values_list("lang", flat=True).order_by("pk")) == [
        "ja",
        "en",
    ]


def test_it_refuses_a_post_without_the_csrf_token(policy: Policy) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/ja/forms/inquiry/", {"name": "x", "email": "x@example.jp"})
    assert response.status_code == 403
    assert Subject.objects.count() == 0


def test_it_asks_for_consent_where_the_only_purpose_needs_it(policy: Policy) -> None:
    response = form_post(Client(), "survey", SURVEY, lang="en")
    assert response.status_code == 200
    assert "Without your consent to this purpose we cannot accept this form." in page_text(response)
    assert Subject.objects.count() == 0


@pytest.mark.parametrize(
    ("lang", "message"),
    [("ja", "この項目は必須です。"), ("en", "This field is required.")],
)
def test_it_explains_missing_and_malformed_values_in_the_persons_language(
    policy: Policy, lang: str, message: str
) -> None:
    values = {**EVENT, "name": "", "email": "not-an-address"}
    response = form_post(
        Client(), "event-registration", values, lang=lang, consent_purpose=CAMPAIGN
    )
    html = page_text(response)
    assert message in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_name"' in html
    assert "not-an-address" in html  # given back to the person to correct, nowhere else
    assert Subject.objects.count() == 0


@pytest.mark.parametrize("channel", ["contract", "directory-import", "no-such-channel"])
def test_it_has_no_public_form_for_other_channels(policy: Policy, channel: str) -> None:
    assert Client().get(f"/ja/forms/{channel}/").status_code == 404


def test_it_limits_submissions_per_network(policy: Policy, settings: object) -> None:
    settings.FORM_RATE = (2, 600)  # type: ignore[attr-defined]
    neighbour = Client(REMOTE_ADDR="198.51.100.7")
    elsewhere = Client(REMOTE_ADDR="192.0.2.8")
    for _ in range(2):
        assert form_post(neighbour, "inquiry", {}).status_code == 200
    blocked = form_post(Client(REMOTE_ADDR="198.51.100.200"), "inquiry", {}, lang="en")
    assert blocked.status_code == 429
    assert "too many submissions" in page_text(blocked)
    assert form_post(elsewhere, "inquiry", {}).status_code == 200


def test_it_asks_to_submit_again_when_the_notice_changed(policy: Policy) -> None:
    client = Client()
    client.get("/en/forms/inquiry/")
    response = client.post(
        "/en/forms/inquiry/",
        {"name": "Hanako", "email": "h@example.jp", "message": "Hello", "notice": "0" * 64},
    )
    assert "Our notice on personal information has changed" in page_text(response)
    assert Subject.objects.count() == 0


def test_it_keeps_a_survey_without_email_as_an_anonymous_response(policy: Policy) -> None:
    values = {"answer": "Great seminar. Call me at 03-1234-5678.", "interest": "cc-link-ie-tsn"}
    assert form_post(Client(), "survey", values).status_code == 302
    assert Subject.objects.count() == 0
    answers = AnonymousResponse.objects.get().answers
    assert answers["interest"] == "cc-link-ie-tsn"
    assert "03-1234-5678" not in answers["answer"]
    assert answers["answer"].startswith("Great seminar.")


def test_it_works_as_a_plain_html_form_without_javascript(policy: Policy) -> None:
    html = page_text(Client().get("/ja/forms/inquiry/"))
    assert "<script" not in html
    assert re.search(r'<form method="post"', html)


def test_a_blank_form_shows_nothing_of_the_previous_visitor(policy: Policy) -> None:
    first = Client()
    shown = form_post(first, "inquiry", {"name": "Hanako Yamada", "email": "hanako@"}, lang="en")
    assert "Hanako Yamada" in page_text(shown)  # given back to her to correct
    other = Client()
    html = page_text(other.get("/en/forms/inquiry/"))
    assert "Hanako Yamada" not in html
    assert "hanako@" not in html
    assert "This field is required." not in html
    tokens = [
        re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_text(c.get(path)))
        for c, path in ((first, "/en/forms/inquiry/"), (other, "/en/forms/inquiry/"))
    ]
    assert len(tokens[0]) == len(tokens[1]) == 1
    assert tokens[0] != tokens[1]


def test_a_new_policy_version_shows_its_form_at_once(policy: Policy) -> None:
    assert "Your inquiry" in page_text(Client().get("/en/forms/inquiry/"))
    data = reference_data()
    inquiry = next(c for c in data["channels"] if c["id"] == "inquiry")
    message = next(f for f in inquiry["fields"] if f["id"] == "message")
    message["label"] = {"ja": "ご質問", "en": "Your question"}
    policy_load(text=toml_dumps(data), note="test: a label changed")
    html = page_text(Client().get("/en/forms/inquiry/"))
    assert "Your question" in html
    assert "Your inquiry" not in html
    assert "version 2" in html
    assert form_post(Client(), "inquiry", INQUIRY, lang="en").status_code == 302
    assert AcquisitionRecord.objects.get().policy_version == 2


def test_a_new_policy_version_refreshes_the_cached_notice_and_form_at_once(
    policy: Policy,
) -> None:
    """The notice page and a blank form are cached the same way (`{% cache %}`, keyed by the
    policy version): both show a purpose retitled in a new version on the next visit."""
    client = Client()
    before = page_text(client.get("/en/forms/inquiry/")), page_text(client.get("/en/privacy/"))
    data = reference_data()
    purpose = next(p for p in data["purposes"] if p["id"] == "inquiry-response")
    purpose["title"] = {"ja": "お問合せへの回答（改）", "en": "Answering your questions, revised"}
    policy_load(text=toml_dumps(data), note="test: a purpose retitled")
    after = page_text(client.get("/en/forms/inquiry/")), page_text(client.get("/en/privacy/"))
    for html in before:
        assert "Answering your questions, revised" not in html
    for html in after:
        assert "Answering your questions, revised" in html
