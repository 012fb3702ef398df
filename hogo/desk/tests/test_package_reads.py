"""A package reads its consents, provision records, receipt records and provision stop by
plain statements where it can (the person's primary key, no joins): the same rows, values and
order as the ORM's selectors read, whether the person has such records or not."""

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from hogo.consent.models import ConsentKind
from hogo.consent.selectors import consents_for
from hogo.consent.services import consent_give, consent_withdraw
from hogo.desk.package import package_content, package_files
from hogo.desk.package_rows import provision_records, receipt_records
from hogo.desk.package_text import Titles
from hogo.desk.tests.test_package import case_for
from hogo.desk.tests.test_package_receipts import imported
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.records import RecipientIn
from hogo.share.services import recipient_register
from hogo.tests.desk import CAMPAIGN, HANDLE, person
from hogo.vault.access import subject_disclose
from hogo.vault.provision import subject_provision_stop
from hogo.vault.records import DisclosedItem
from hogo.vault.selectors import subject_provision_stopped

pytestmark = pytest.mark.django_db


def provided(subject_id: str) -> None:
    """Two consents (one withdrawn), a provision of the person's data, a provision stop."""
    recipient = recipient_register(
        actor=HANDLE,
        recipient=RecipientIn(
            kind="third_party_with_consent",
            name="Kansai Events KK",
            address="1-1 Umeda, Kita-ku, Osaka",
            representative="Representative Director",
        ),
    )
    given = consent_give(
        actor=HANDLE,
        subject_id=subject_id,
        kind=ConsentKind.PURPOSE,
        target=CAMPAIGN,
        policy_version=1,
    )
    consent_give(
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
    consent_withdraw(actor=HANDLE, consent_id=given.ref)
    subject_provision_stop(actor=HANDLE, subject_id=subject_id)


def item_as_before(item: DisclosedItem, titles: Titles) -> dict[str, object]:
    """An item's row as the package wrote it with its acquisition titled item by item."""
    acquisition = item.acquisition
    return {
        "category": item.category,
        "category_title": titles.category(item.category),
        "field": item.field,
        "value": item.value,
        "special_care": item.special_care,
        "acquired_at": acquisition.acquired_at.isoformat(),
        "channel": acquisition.channel,
        "channel_title": titles.channel(acquisition.channel, acquisition.policy_version),
        "policy_version": acquisition.policy_version,
        "purposes": list(acquisition.purposes),
        "purpose_titles": [
            titles.purpose(p, acquisition.policy_version) for p in acquisition.purposes
        ],
        "retain_until": item.retain_until.isoformat(),
    }


@pytest.mark.parametrize(
    ("source", "records"),
    [("form", False), ("form", True), ("directory", False), ("directory", True)],
)
def test_it_reads_what_the_orm_selectors_read(
    policy: Policy, tmp_path: Path, source: str, records: bool
) -> None:
    subject_id = person() if source == "form" else imported(tmp_path)
    if records:
        provided(subject_id)
    titles = Titles(policy=policy, lang="en")

    content = package_content(case=case_for(subject_id, "en"), actor=HANDLE)

    consents = consents_for(subject_id=subject_id)
    columns = ("id", "kind", "target", "given_at", "withdrawn_at", "active", "policy_version")
    assert [tuple(c[k] for k in columns) for c in content.consents] == [
        (
            c.ref,
            c.kind,
            c.target,
            c.given_at.isoformat(),
            c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            c.active,
            c.policy_version,
        )
        for c in consents
    ]
    assert len(consents) == (2 if records else 0)
    by_the_orm = provision_records(subject_id=subject_id, titles=titles)
    assert content.provision_records == by_the_orm
    assert len(by_the_orm) == int(records)
    by_the_orm = receipt_records(subject_id=subject_id, titles=titles)
    assert content.receipt_records == by_the_orm
    assert len(by_the_orm) == int(source == "directory")
    assert content.provision_stopped is subject_provision_stopped(subject_id=subject_id) is records
    disclosed = subject_disclose(actor=HANDLE, subject_id=subject_id, request_ref="case-2")
    assert content.items == [item_as_before(i, titles) for i in disclosed.items]
    assert len(content.items) >= 3
    document = package_files(content, language="en", pdf=False)["disclosure.json"]
    assert document == json.dumps(asdict(content), ensure_ascii=False, indent=2).encode()
