"""The shipped reference policy is valid and expresses what the published policy says."""

from hogo.policy.schema import SPECIAL_CARE_IDS, policy_parse
from hogo.policy.tests.helpers import reference_text


def test_it_parses_the_reference_policy_without_errors() -> None:
    policy = policy_parse(reference_text())
    assert policy.summary() == "5 purposes, 6 channels, 24 categories"
    assert policy.version is None  # not loaded from the database


def test_it_declares_the_purpose_and_channel_ids_other_apps_rely_on() -> None:
    policy = policy_parse(reference_text())
    assert list(policy.purposes) == [
        "campaign-invitations-surveys",
        "event-operation",
        "contract-performance",
        "member-site-registration",
        "inquiry-response",
    ]
    assert list(policy.channels) == [
        "event-registration",
        "survey",
        "member-registration",
        "inquiry",
        "contract",
        "directory-import",
    ]


def test_it_marks_the_nine_special_care_categories_with_their_basis() -> None:
    policy = policy_parse(reference_text())
    assert policy.special_care_ids() == SPECIAL_CARE_IDS
    policy_only = {c.id for c in policy.categories.values() if c.basis == "policy"}
    assert policy_only == {"sexual_orientation", "political"}
    statutory = {c.id for c in policy.categories.values() if c.basis == "statutory"}
    assert statutory == SPECIAL_CARE_IDS - policy_only
    # 門地 and 本籍地 are the policy's own additions to social status (JIS Q 15001), not
    # special-care information under the APPI by themselves (review row 6).
    social = policy.categories["social_status"]
    assert social.title.ja == "社会的身分"
    assert social.policy_items is not None
    assert "門地" in social.policy_items.ja
    assert "本籍地" in social.policy_items.ja
    others = [c for c in policy.categories.values() if c.id != "social_status"]
    assert all(c.policy_items is None for c in others)


def test_event_registration_does_not_depend_on_consent_to_marketing() -> None:
    """Issue 21 item 9: a purpose without consent to register under, marketing as an option."""
    policy = policy_parse(reference_text())
    purposes = [policy.purposes[p] for p in policy.channels["event-registration"].purposes]
    assert [p.id for p in purposes if not p.consent_required] == ["event-operation"]
    optional = [p for p in purposes if p.consent_required]
    assert [p.id for p in optional] == ["campaign-invitations-surveys"]
    assert optional[0].marketing_mail
    assert not policy.purposes["event-operation"].marketing_mail


def test_every_optional_field_says_what_happens_if_it_is_left_empty() -> None:
    policy = policy_parse(reference_text())
    optional = [f for c in policy.channels.values() for f in c.fields if not f.required]
    assert optional
    assert all(f.if_omitted and f.if_omitted.ja and f.if_omitted.en for f in optional)


def test_only_event_registration_accepts_special_care_information_with_consent() -> None:
    policy = policy_parse(reference_text())
    accepting = {c.id for c in policy.channels.values() if c.special_care_consent}
    assert accepting == {"event-registration"}


def test_requests_are_free_answered_within_14_days_and_disclosed_by_email_by_default() -> None:
    requests = policy_parse(reference_text()).requests
    assert requests.deadline_days == 14
    assert requests.disclosure_default_delivery == "email_attachment"
    fees = {kind.id: kind.fee_jpy for kind in requests.kinds.values()}
    # The published policy states no fee, so the reference charges none and says nothing of
    # how fees would be paid.
    assert fees == {"purpose_notification": 0, "disclosure": 0, "correction": 0, "suspension": 0}
    assert requests.fee_payment is None


def test_personal_data_is_handled_only_in_japan() -> None:
    environment = policy_parse(reference_text()).safety.external_environment
    assert environment.countries == ()
    assert "日本国内" in environment.statement.ja
    assert "only in Japan" in environment.statement.en


def test_texts_fall_back_to_japanese_for_other_languages() -> None:
    title = policy_parse(reference_text()).organization.name
    assert title.get("en") == "CC-Link Partner Association (CLPA)"
    assert title.get("en-us") == title.en
    assert title.get("ja") == title.get("fr") == "CC-Link協会"
