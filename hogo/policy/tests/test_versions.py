"""Loading a policy stores a new immutable version only when it changed, with a classified diff."""

from typing import Any

import pytest

from hogo.errors import Refused
from hogo.policy.diff import ChangeKind, PolicyChange, policy_diff
from hogo.policy.models import PolicyVersion
from hogo.policy.schema import Policy, PolicyError, PolicyInvalid, policy_parse
from hogo.policy.selectors import PolicyNotLoaded, policy_active, policy_at, policy_version_active
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import (
    by_id,
    in_days,
    reference_data,
    reference_text,
    toml_dumps,
    with_disclosure_fee,
    without_retention,
)

pytestmark = pytest.mark.django_db


def kinds(changes: list[PolicyChange]) -> set[tuple[ChangeKind, str, bool]]:
    return {(c.kind, c.key, c.needs_consent) for c in changes}


def changed(mutate: Any) -> str:
    data = reference_data()
    mutate(data)
    return toml_dumps(data)


NEW_PURPOSE = {
    "id": "newsletter",
    "title": {"ja": "メールマガジンの配信", "en": "Newsletter"},
    "description": {"ja": "ニュースを配信します。", "en": "Sending news."},
    "categories": ["name", "email"],
    "retention_days": 730,
    "consent_required": True,
}


def test_it_says_clearly_that_no_policy_is_loaded_yet() -> None:
    with pytest.raises(PolicyNotLoaded, match="run `hogo policy load` first"):
        policy_active()


def test_loading_the_same_policy_twice_stores_one_version() -> None:
    first = policy_load(text=reference_text())
    second = policy_load(text=reference_text())
    assert first.created
    assert not second.created
    assert second.version.number == first.version.number == 1
    assert PolicyVersion.objects.count() == 1
    assert policy_active().version == 1


def test_loading_a_changed_policy_adds_a_version_and_keeps_the_old_one() -> None:
    policy_load(text=reference_text())
    text = changed(lambda d: in_days(by_id(d["purposes"], "inquiry-response"), 730))
    result = policy_load(text=text, note="shorter inquiry retention")
    assert result.version.number == 2
    assert policy_version_active().note == "shorter inquiry retention"
    assert policy_active().purposes["inquiry-response"].retention_days == 730
    assert policy_at(version=1).purposes["inquiry-response"].retention_days == 1095
    assert kinds(result.changes) == {
        (ChangeKind.RETENTION_CHANGED, "purposes.inquiry-response.retention_days", False)
    }


def test_an_invalid_policy_stores_nothing() -> None:
    text = changed(lambda d: without_retention(d["purposes"][0]))
    with pytest.raises(PolicyInvalid):
        policy_load(text=text)
    assert not PolicyVersion.objects.exists()


def test_stored_versions_cannot_be_edited_or_deleted() -> None:
    version = policy_load(text=reference_text()).version
    version.note = "rewritten history"
    with pytest.raises(Refused, match="append-only"):
        version.save()
    with pytest.raises(Refused, match="append-only"):
        version.delete()
    assert PolicyVersion.objects.get().note == ""


def test_a_changed_cookie_section_must_raise_the_cookie_version() -> None:
    policy_load(text=reference_text())
    same_version = changed(
        lambda d: by_id(d["cookies"]["categories"], "preferences")["description"].update(
            en="Remember your language."
        )
    )
    with pytest.raises(PolicyInvalid) as caught:
        policy_load(text=same_version)
    assert caught.value.errors == [
        PolicyError(
            path="cookies.version",
            reason="the cookie section changed: raise the version above 2 so that visitors "
            "are asked again",
        )
    ]
    assert PolicyVersion.objects.count() == 1

    def drop_analytics(d: dict[str, Any]) -> None:
        d["cookies"]["categories"].pop()
        d["cookies"]["version"] = 3
        d["website"].pop("analytics")

    result = policy_load(text=changed(drop_analytics))
    assert (ChangeKind.COOKIES_CHANGED, "cookies", True) in kinds(result.changes)


def reference() -> Policy:
    return policy_parse(reference_text())


def test_an_unrelated_new_purpose_needs_consent() -> None:
    new = policy_parse(changed(lambda d: d["purposes"].append(NEW_PURPOSE)))
    [change] = policy_diff(reference(), new)
    assert (change.kind, change.key, change.needs_consent) == (
        ChangeKind.PURPOSE_ADDED,
        "purposes.newsletter",
        True,
    )
    assert str(change).endswith("[needs consent]")


def test_a_new_purpose_related_to_an_existing_one_only_needs_publishing() -> None:
    related = {**NEW_PURPOSE, "related_to": ["campaign-invitations-surveys"]}
    new = policy_parse(changed(lambda d: d["purposes"].append(related)))
    assert kinds(policy_diff(reference(), new)) == {
        (ChangeKind.PURPOSE_ADDED, "purposes.newsletter", False)
    }


def test_it_classifies_rewording_widening_narrowing_and_removal() -> None:
    def edit(d: dict[str, Any]) -> None:
        inquiry = by_id(d["purposes"], "inquiry-response")
        inquiry["title"]["en"] = "Answering your questions"
        inquiry["categories"].append("postal_address")
        member = by_id(d["purposes"], "member-site-registration")
        member["categories"].remove("product_interest")
        by_id(d["channels"], "member-registration")["fields"].pop()  # the interest field
        d["purposes"].remove(by_id(d["purposes"], "contract-performance"))
        d["channels"].remove(by_id(d["channels"], "contract"))

    assert kinds(policy_diff(reference(), policy_parse(changed(edit)))) == {
        (ChangeKind.PURPOSE_REWORDED, "purposes.inquiry-response", False),
        (ChangeKind.CATEGORIES_WIDENED, "purposes.inquiry-response.categories", True),
        (ChangeKind.CATEGORIES_NARROWED, "purposes.member-site-registration.categories", False),
        (ChangeKind.FIELD_REMOVED, "channels.member-registration.fields.interest", False),
        (ChangeKind.PURPOSE_REMOVED, "purposes.contract-performance", False),
        (ChangeKind.CHANNEL_REMOVED, "channels.contract", False),
    }


def test_it_reports_organization_and_wording_changes() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["organization"]["contact"]["email"] = "desk@example.jp"
        with_disclosure_fee(d, 500)

    assert kinds(policy_diff(reference(), policy_parse(changed(edit)))) == {
        (ChangeKind.ORGANIZATION_CHANGED, "organization.contact", False),
        (ChangeKind.SECTION_CHANGED, "requests", False),
    }


def test_consent_becoming_required_needs_consent_for_earlier_data() -> None:
    new = policy_parse(
        changed(lambda d: by_id(d["purposes"], "inquiry-response").update(consent_required=True))
    )
    assert kinds(policy_diff(reference(), new)) == {
        (ChangeKind.CONSENT_REQUIRED_CHANGED, "purposes.inquiry-response.consent_required", True)
    }


def test_a_confirmation_mail_switched_on_is_a_channel_change_without_consent() -> None:
    new = policy_parse(
        changed(lambda d: by_id(d["channels"], "survey").update(confirmation_mail=True))
    )
    [change] = policy_diff(reference(), new)
    assert (change.kind, change.key, change.needs_consent) == (
        ChangeKind.CHANNEL_CHANGED,
        "channels.survey",
        False,
    )
    assert "confirmation_mail changed" in change.detail
