"""Re-consent test support: the reference policy and test-only versions derived from it.

Version 1 is the reference policy with one change: its contract channel also serves the
member site (the reference binds every channel to one purpose, so its data never holds a
category one of its purposes lacks, and widening could concern nobody). Version 2 adds a
consent-only purpose `product-news` (related to nothing) to the contract channel, and lets the
member site use postal addresses: the two changes that need consent for earlier data.
"""

from pathlib import Path

from django.conf import settings as django_settings

from hogo.collect.models import AcquisitionRecord, RecordSource
from hogo.policy.services import policy_file_read
from hogo.vault.models import Acquisition
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
ADDED = "product-news"
MEMBER_SITE = "member-site-registration"
CONTRACT = "contract-performance"
CAMPAIGN = "campaign-invitations-surveys"
WIDENED = "postal_address"
ORIGIN = "https://privacy.example.jp"
HANAKO = "hanako.yamada@example.jp"  # a contract before the change, in Japanese
JOHN = "john.smith@example.com"  # a contract before the change, in English
TARO = "taro.sato@example.jp"  # registered for an event: concerned by neither change
ADDRESS = "東京都港区芝公園4-2-8"

ADDED_PURPOSE = """
[[purposes]]
id = "product-news"
context = { ja = "契約に伴って取得した場合", en = "When obtained in conjunction with contracts" }
title = { ja = "認証製品に関する新着情報のご案内", en = "News about certified products" }
categories = ["name", "email", "organization", "product_interest"]
retention_days = 730
consent_required = true

[purposes.description]
ja = "新たに認証された製品や仕様の改訂についてのお知らせをお送りします。"
en = "Sending news about newly certified products and revised specifications."
"""


def reference_text() -> str:
    return policy_file_read(path=Path(django_settings.POLICY_FILE))


def version_1_text() -> str:
    text = reference_text()
    contract = 'id = "contract"\n'
    head, tail = text.split(contract, 1)
    tail = tail.replace(
        'purposes = ["contract-performance"]',
        'purposes = ["contract-performance", "member-site-registration"]',
        1,
    )
    return head + contract + tail


def version_2_text() -> str:
    text = version_1_text()
    member_categories = (
        'categories = ["name", "email", "phone", "organization", "department", "job_title", '
        '"country", "member_id", "product_interest"]'
    )
    assert member_categories in text
    text = text.replace(member_categories, member_categories[:-1] + ', "postal_address"]', 1)
    text = text.replace(
        'purposes = ["contract-performance", "member-site-registration"]',
        'purposes = ["contract-performance", "member-site-registration", "product-news"]',
        1,
    )
    marker = "# The data-category taxonomy."
    assert marker in text
    return text.replace(marker, ADDED_PURPOSE.lstrip() + "\n" + marker, 1)


def contract(
    email: str,
    *,
    purposes: tuple[str, ...] = (CONTRACT, MEMBER_SITE),
    policy_version: int | None = None,
) -> str:
    """A contract's contact person (with a postal address); returns the subject id."""
    return subject_ingest(
        actor=ACTOR,
        channel="contract",
        purposes=list(purposes),
        policy_version=policy_version,
        identifiers={"email": email, "name": "山田 花子"},
        items=[
            ItemIn("organization", None, "三ツ星電機"),
            ItemIn("postal_address", None, ADDRESS),
        ],
    ).subject_id


def event_guest(email: str = TARO) -> str:
    return subject_ingest(
        actor=ACTOR,
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": email, "name": "佐藤 太郎"},
        items=[ItemIn("organization", None, "四ツ葉工業")],
    ).subject_id


def speaks(subject_id: str, lang: str) -> None:
    """Records the language the person used, as a form's acquisition record does."""
    acquisition = Acquisition.objects.filter(subject__ref=subject_id).latest("acquired_at")
    AcquisitionRecord.objects.create(
        acquisition=acquisition,
        subject=acquisition.subject,
        channel=acquisition.channel,
        source=RecordSource.API,
        lang=lang,
        received_at=acquisition.acquired_at,
        policy_version=acquisition.policy_version,
        purposes=acquisition.purposes,
        recorded_by=ACTOR,
    )
