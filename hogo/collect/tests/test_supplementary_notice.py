"""A channel naming a supplementary notice shows it in its form's notice block, before the
submit button, and the acquisition record keeps which notice version was shown."""

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.collect.models import AcquisitionRecord, NoticeText
from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.notice_helpers import (
    CHANNEL,
    NOTICE,
    NOTICE_ID,
    notice_policy_load,
    notice_policy_text,
)
from hogo.tests.collect import EVENT, form_post
from hogo.vault.models import Subject

CAMPAIGN = "campaign-invitations-surveys"


@pytest.fixture
def notice_policy(db: None, tmp_path: Path) -> Policy:
    return notice_policy_load(tmp_path)


def html_of(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("lang", "link"),
    [
        ("ja", "「TSN展示会のご案内」（第1版）の全文"),
        ("en", "Read “The TSN Expo” (version 1) in full"),
    ],
)
def test_it_shows_the_notice_with_its_purposes_and_link_before_the_submit_button(
    notice_policy: Policy, lang: str, link: str
) -> None:
    html = html_of(Client(), f"/{lang}/forms/{CHANNEL}/")
    submit = html.index('<button type="submit">')
    main_block = html.index('class="form-notice"')
    block = html.index('class="form-notice supplementary-notice"')
    assert main_block < block < submit
    notice = notice_policy.notices[NOTICE_ID]
    shown = html[block:submit]
    for text in (
        notice.title.get(lang),
        notice_policy.purposes[CAMPAIGN].title.get(lang),
        notice.own_purposes["booth-follow-up"].title.get(lang),
        notice.own_purposes["expo-newsletter"].title.get(lang),
        link,
        f'href="/{lang}/privacy/notices/{NOTICE_ID}/versions/1/"',
    ):
        assert text in shown


def test_forms_of_other_channels_show_no_supplementary_notice(notice_policy: Policy) -> None:
    html = html_of(Client(), "/en/forms/inquiry/")
    assert "supplementary-notice" not in html
    assert "The TSN Expo" not in html


def test_the_record_keeps_the_notice_and_version_shown(notice_policy: Policy) -> None:
    response = form_post(Client(), CHANNEL, EVENT, consent_purpose=CAMPAIGN)
    assert response.status_code == 302
    record = AcquisitionRecord.objects.get()
    assert (record.supplementary_notice, record.supplementary_notice_version) == (NOTICE_ID, 1)
    shown = NoticeText.objects.get(channel=CHANNEL, lang="ja")
    assert record.notice_sha256 == shown.sha256
    assert "TSN展示会のご案内" in shown.text


def test_a_record_from_a_channel_without_a_notice_keeps_none(notice_policy: Policy) -> None:
    values = {"name": "Hanako Yamada", "email": "h@example.jp", "message": "Hello"}
    assert form_post(Client(), "inquiry", values, lang="en").status_code == 302
    record = AcquisitionRecord.objects.get()
    assert (record.supplementary_notice, record.supplementary_notice_version) == ("", None)


def test_it_refuses_a_form_that_showed_an_earlier_version_of_the_notice(
    notice_policy: Policy,
) -> None:
    client = Client()
    page = html_of(client, f"/en/forms/{CHANNEL}/")
    shown = re.search(r'name="notice" value="([0-9a-f]{64})"', page)
    assert shown is not None
    changed: dict[str, Any] = copy.deepcopy(NOTICE)
    changed.update(version=2, text={"ja": "新しい案内です。", "en": "A new notice."})
    policy_load(text=notice_policy_text(changed))
    response = client.post(
        f"/en/forms/{CHANNEL}/", {**EVENT, "notice": shown.group(1), "consent_purpose": CAMPAIGN}
    )
    assert response.status_code == 200
    assert "Our notice on personal information has changed" in response.content.decode()
    assert "Read “The TSN Expo” (version 2) in full" in response.content.decode()
    assert Subject.objects.count() == AcquisitionRecord.objects.count() == 0
    # Submitted again with the notice now shown, it is accepted under version 2.
    again = form_post(client, CHANNEL, EVENT, lang="en", consent_purpose=CAMPAIGN)
    assert again.status_code == 302
    assert AcquisitionRecord.objects.get().supplementary_notice_version == 2


def submit_by_api(client: Client, notice_sha256: str) -> Any:
    body = {
        "values": EVENT,
        "lang": "en",
        "notice_sha256": notice_sha256,
        "purposes_consented": [CAMPAIGN],
    }
    return client.post(
        f"/api/v1/collect/channels/{CHANNEL}/submissions", body, content_type="application/json"
    )


def test_the_api_records_the_notice_only_when_the_caller_showed_its_block(
    notice_policy: Policy, api_as: Any, marketing_user: User, desk_operator: User
) -> None:
    client = api_as(marketing_user)
    assert submit_by_api(client, "").status_code == 201
    assert AcquisitionRecord.objects.get().supplementary_notice == ""
    html_of(Client(), f"/en/forms/{CHANNEL}/")
    block = NoticeText.objects.get(channel=CHANNEL, lang="en")
    assert submit_by_api(client, block.sha256).status_code == 201
    latest = AcquisitionRecord.objects.order_by("-pk").first()
    assert latest is not None
    assert (latest.supplementary_notice, latest.supplementary_notice_version) == (NOTICE_ID, 1)
    listed = (
        api_as(desk_operator)
        .get(f"/api/v1/collect/acquisitions?subject={latest.subject.ref}")
        .json()
    )
    assert [item["record"]["supplementary_notice"] for item in listed["items"]] == [
        "",
        NOTICE_ID,
    ]
