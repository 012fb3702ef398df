"""The notice pages of an incident: the officer chooses the people (and sees how many first),
writes the texts, previews each language's mail, confirms, and follows the round; the public
announcement in Japanese and English. Auditors look; staff without the role get 403."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.safety.models import Incident, StepKind
from hogo.safety.notice_models import IncidentAnnouncement, NoticeDelivery
from hogo.safety.tests.test_notices import guest
from hogo.tests.mail import Inbox, committed
from hogo.tests.safety import reported

pytestmark = pytest.mark.django_db
TEXTS = {
    "subject_ja": "【重要】個人情報の漏えいに関するお知らせ",
    "body_ja": "イベント参加者名簿を紛失しました。",
    "subject_en": "Important: a leak of your personal information",
    "body_en": "We lost the list of event participants.",
}


def browser_for(user: User, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


@pytest.fixture
def incident(policy: Policy) -> Incident:
    return reported(timezone.now() - timedelta(days=1))


def test_the_officer_counts_previews_confirms_and_follows_a_round(
    incident: Incident, officer: User, inbox: Inbox
) -> None:
    hanako, john = guest("hanako@example.jp", lang="ja"), guest("john@example.com", lang="en")
    client = browser_for(officer)
    base = f"/console/safety/{incident.ref}/notices/"
    chosen = {"kind": "ids", "ids": f"{hanako}\n{john}"}

    assert client.get(base).status_code == 200
    compose = client.post(base + "compose/", chosen).content.decode()
    assert "2 people are chosen." in compose
    assert "1 will be notified in English." in compose
    assert incident.summary in compose  # the skeleton, from the record
    preview = client.post(base + "preview/", {**chosen, **TEXTS}).content.decode()
    assert "イベント参加者名簿を紛失しました。" in preview
    assert "CC-Link Partner Association, Personal Information Inquiry Desk" in preview
    assert "Nobody is notified of this incident twice" in preview
    assert not NoticeDelivery.objects.exists()  # nothing before the confirmation
    with committed():
        sent = client.post(base + "send/", {**chosen, **TEXTS, "confirmed": "1"})

    assert sent.status_code == 302
    assert sorted(m["To"] for m in inbox.messages) == ["hanako@example.jp", "john@example.com"]
    page = client.get(base).content.decode()
    assert "<td>2</td><td>0</td><td>2</td><td>2</td>" in page  # people, waiting, queued, taken


def test_it_shows_what_is_wrong_with_a_selection_and_sends_nothing(
    incident: Incident, officer: User
) -> None:
    client = browser_for(officer)
    base = f"/console/safety/{incident.ref}/notices/"
    response = client.post(base + "compose/", {"kind": "ids", "ids": "sub_nobody1234"})
    assert response.status_code == 400
    assert "1 of the ids are not known to hogo" in response.content.decode()
    dates = {"kind": "channel", "channel": "survey", "since": "2026-11-03", "until": "2026-11-02"}
    response = client.post(base + "compose/", dates)
    assert "the first day is after the last" in response.content.decode()
    unconfirmed = client.post(base + "send/", {"kind": "ids", "ids": "sub_nobody1234", **TEXTS})
    assert unconfirmed.status_code == 302
    assert not NoticeDelivery.objects.exists()


def test_others_get_403_auditors_look_and_an_unknown_incident_is_404(
    incident: Incident, outsider: User, auditor: User, officer: User
) -> None:
    base = f"/console/safety/{incident.ref}/notices/"
    assert browser_for(outsider).get(base).status_code == 403
    assert browser_for(auditor).get(base).status_code == 200
    assert browser_for(auditor).post(base + "compose/", {"kind": "ids"}).status_code == 403
    assert browser_for(officer).get("/console/safety/inc_nope/notices/").status_code == 404


def test_the_officer_publishes_the_announcement_in_both_languages(
    incident: Incident, officer: User
) -> None:
    client = browser_for(officer, "ja")
    url = f"/console/safety/{incident.ref}/notices/announcement/"
    texts = {
        "subject_ja": "個人情報の漏えいに関するお知らせ",
        "body_ja": "当協会のイベント参加者名簿を紛失しました。",
        "subject_en": "Notice of a leak of personal information",
        "body_en": "We lost the list of event participants.",
    }
    assert incident.summary in client.get(url).content.decode()  # the skeleton
    preview = client.post(url, texts)
    assert "/ja/notices/incidents/" in preview.content.decode()
    assert not IncidentAnnouncement.objects.exists()
    assert client.post(url, {**texts, "confirmed": "1"}).status_code == 302

    public = Client()
    ja = public.get(f"/ja/notices/incidents/{incident.ref}/").content.decode()
    en = public.get(f"/en/notices/incidents/{incident.ref}/").content.decode()
    assert "個人情報の漏えいに関するお知らせ" in ja
    assert "当協会のイベント参加者名簿を紛失しました。" in ja
    assert "CC-Link協会 個人情報に関するお問合せ窓口" in ja
    assert '<html lang="ja">' in ja
    assert "Notice of a leak of personal information" in en
    assert "CC-Link Partner Association (CLPA)" in en
    assert '<html lang="en">' in en
    assert incident.steps.filter(kind=StepKind.ANNOUNCED).count() == 1
    event = AuditEvent.objects.get(action="safety.announcement.publish")
    assert event.detail == {"incident": incident.ref, "changed": False}


def test_an_incident_without_an_announcement_has_no_public_page(incident: Incident) -> None:
    assert Client().get(f"/en/notices/incidents/{incident.ref}/").status_code == 404
    assert Client().get("/ja/notices/incidents/inc_nope/").status_code == 404
