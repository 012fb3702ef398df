"""The register: rows from the policy, counts from the vault, recipients from share."""

import pytest

from hogo.ledger.register import Filters
from hogo.ledger.selectors import ledger_register
from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.tests.ledger import EVENT_CHANNEL, INQUIRY_CHANNEL, population
from hogo.tests.vault import CAMPAIGN, INQUIRY

pytestmark = pytest.mark.django_db


def _row(rows: list, **wanted: str):  # type: ignore[no-untyped-def,type-arg]
    return next(r for r in rows if all(getattr(r, k) == v for k, v in wanted.items()))


def test_it_counts_the_people_and_items_held_per_purpose_and_category(policy: Policy) -> None:
    """Erased people hold nothing; each value counts once for each purpose it is held for."""
    made = population()
    register = ledger_register(policy=policy, lang="ja")
    email = _row(register.by_purpose, purpose_id=CAMPAIGN, category_id="email")
    assert (email.people, email.items) == (made.campaign_people, made.campaign_people)
    organization = _row(register.by_purpose, purpose_id=INQUIRY, category_id="organization")
    assert (organization.people, organization.items) == (made.inquiry_people, made.inquiry_people)
    assert register.people[policy.purposes[CAMPAIGN].title.ja] == made.campaign_people
    by_category = _row(register.by_category, category_id="email")
    assert (by_category.people, by_category.items) == (5, 5)
    event = _row(register.by_channel, channel_id=EVENT_CHANNEL)
    assert (event.people, event.items) == (3, 9)
    inquiry = _row(register.by_channel, channel_id=INQUIRY_CHANNEL)
    assert (inquiry.people, inquiry.items) == (2, 6)


def test_it_names_channels_systems_recipients_retention_roles_and_country(
    policy: Policy,
) -> None:
    made = population()
    register = ledger_register(policy=policy, lang="ja")
    row = _row(register.by_purpose, purpose_id=CAMPAIGN, category_id="email")
    assert policy.channels[EVENT_CHANNEL].title.ja in row.channels
    assert row.systems == ("hogoの保管庫（暗号化データベース）",)
    assert row.storage.countries == ("日本",)
    assert not row.storage.unstated
    assert row.recipients == (f"{made.contractor}（委託先）",)
    assert row.retention.startswith("取得から3年")
    assert row.roles == ("個人情報保護管理者", "マーケティング担当者")
    inquiry = _row(register.by_purpose, purpose_id=INQUIRY, category_id="email")
    assert inquiry.recipients == ()
    assert inquiry.roles == ("個人情報保護管理者", "窓口担当者")
    [contractor] = register.recipients
    assert (contractor.name, contractor.kind, contractor.country) == (
        made.contractor,
        "委託先",
        "JP",
    )
    assert register.measures[0][0] == "組織的安全管理措置"


def test_it_reads_in_english(policy: Policy) -> None:
    population()
    register = ledger_register(policy=policy, lang="en")
    row = _row(register.by_purpose, purpose_id=CAMPAIGN, category_id="email")
    assert row.purpose == policy.purposes[CAMPAIGN].title.en
    assert row.storage.countries == ("Japan",)
    assert row.roles == ("Privacy officer", "Marketing user")
    assert row.retention.startswith("3 years from acquisition")


def test_special_care_categories_are_collected_only_where_the_channel_takes_consent(
    policy: Policy,
) -> None:
    register = ledger_register(policy=policy, lang="en")
    health = _row(register.by_category, category_id="health")
    assert health.special_care
    assert policy.channels[EVENT_CHANNEL].title.en in health.channels
    assert policy.channels[INQUIRY_CHANNEL].title.en not in health.channels
    never = _row(register.by_category, category_id="criminal_record")
    assert (never.purposes, never.channels, never.systems) == ((), (), ())


def test_filters_narrow_every_view(policy: Policy) -> None:
    population()
    register = ledger_register(
        policy=policy, lang="ja", filters=Filters(purpose=INQUIRY, channel=INQUIRY_CHANNEL)
    )
    assert {r.purpose_id for r in register.by_purpose} == {INQUIRY}
    assert {r.channel_id for r in register.by_channel} == {INQUIRY_CHANNEL}
    assert all(policy.purposes[INQUIRY].title.ja in r.purposes for r in register.by_category)
    assert register.recipients == []
    email_only = ledger_register(policy=policy, lang="ja", filters=Filters(category="email"))
    assert {r.category_id for r in email_only.by_purpose} == {"email"}
    assert len(email_only.by_purpose) == len(policy.purposes)


def test_a_storage_country_the_policy_does_not_state_is_a_placeholder(db: None) -> None:
    """A policy naming a foreign country says nothing of where hogo's database is: the ledger
    marks it, never guesses Japan."""
    data = reference_data()
    data["safety"]["external_environment"]["countries"] = [
        {
            "name": {"ja": "米国", "en": "United States"},
            "system": {"ja": "制度の説明", "en": "About the system"},
            "measures": {"ja": "措置の説明", "en": "About the measures"},
        }
    ]
    policy = policy_load(text=toml_dumps(data), note="test").policy
    register = ledger_register(policy=policy, lang="ja")
    assert register.storage_unstated
    row = register.by_purpose[0]
    assert row.storage.countries == ("［要記入：保管場所（国）］",)
    data["safety"]["external_environment"]["storage_country"] = {"ja": "日本", "en": "Japan"}
    stated = policy_load(text=toml_dumps(data), note="test").policy
    assert not ledger_register(policy=stated, lang="ja").storage_unstated
