"""Supplementary notices (`[[notices]]`): validated with key paths, versioned on their own, and
classified by the diff."""

import copy
from collections.abc import Callable
from typing import Any

import pytest

from hogo.policy.diff import ChangeKind, policy_diff
from hogo.policy.schema import PolicyError, PolicyInvalid, policy_parse
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import by_id, reference_text, toml_dumps
from hogo.policy.tests.notice_helpers import CHANNEL, NOTICE, NOTICE_ID, with_notice

Data = dict[str, Any]


def notice_of(data: Data) -> Data:
    notices: list[Data] = data["notices"]
    return notices[0]


def own(data: Data, index: int) -> Data:
    purposes: list[Data] = notice_of(data)["own_purposes"]
    return purposes[index]


def test_it_reads_a_notice_with_its_purposes_and_the_channel_naming_it() -> None:
    policy = policy_parse(toml_dumps(with_notice()))
    notice = policy.notices[NOTICE_ID]
    assert (notice.kind, notice.version) == ("event", 1)
    assert notice.title.en == "The TSN Expo"
    assert notice.purposes == ("campaign-invitations-surveys",)
    assert list(notice.own_purposes) == ["booth-follow-up", "expo-newsletter"]
    assert not notice.own_purposes["booth-follow-up"].beyond_main
    assert notice.own_purposes["expo-newsletter"].beyond_main
    assert policy.channels[CHANNEL].notice == NOTICE_ID


def test_the_reference_policy_declares_no_notice() -> None:
    policy = policy_parse(reference_text())
    assert policy.notices == {}
    assert all(c.notice is None for c in policy.channels.values())


CASES: list[tuple[str, Callable[[Data], object], str, str]] = [
    (
        "unknown main purpose",
        lambda d: notice_of(d)["purposes"].append("marketing"),
        f"notices.{NOTICE_ID}.purposes.1",
        "unknown purpose 'marketing'",
    ),
    (
        "no purposes at all",
        lambda d: notice_of(d).update(purposes=[], own_purposes=[]),
        f"notices.{NOTICE_ID}.purposes",
        "name at least one main purpose, or declare own_purposes",
    ),
    (
        "unknown kind",
        lambda d: notice_of(d).update(kind="campaign"),
        f"notices.{NOTICE_ID}.kind",
        "must be one of product, website, event, not 'campaign'",
    ),
    (
        "missing version",
        lambda d: notice_of(d).pop("version"),
        f"notices.{NOTICE_ID}.version",
        "missing (raise it when this notice changes)",
    ),
    (
        "version zero",
        lambda d: notice_of(d).update(version=0),
        f"notices.{NOTICE_ID}.version",
        "must be at least 1, not 0",
    ),
    (
        "title in one language only",
        lambda d: notice_of(d).update(title={"ja": "展示会"}),
        f"notices.{NOTICE_ID}.title.en",
        "missing (English text)",
    ),
    (
        "own purpose with an unknown category",
        lambda d: own(d, 0)["categories"].append("shoe_size"),
        f"notices.{NOTICE_ID}.own_purposes.booth-follow-up.categories.3",
        "unknown category 'shoe_size'",
    ),
    (
        "own purpose related to an unknown main purpose",
        lambda d: own(d, 0).update(related_to=["booths"]),
        f"notices.{NOTICE_ID}.own_purposes.booth-follow-up.related_to.0",
        "unknown main purpose 'booths'",
    ),
    (
        "own purpose without retention",
        lambda d: own(d, 1).pop("retention_days"),
        f"notices.{NOTICE_ID}.own_purposes.expo-newsletter.retention_days",
        "missing (days to keep data for this purpose)",
    ),
    (
        "own purpose reusing a main purpose id",
        lambda d: own(d, 1).update(id="inquiry-response"),
        f"notices.{NOTICE_ID}.own_purposes.inquiry-response.id",
        "'inquiry-response' is a main purpose: name it in `purposes` instead",
    ),
    (
        "duplicate notice id",
        lambda d: d["notices"].append(copy.deepcopy(notice_of(d))),
        "notices.1.id",
        f"duplicate notice id '{NOTICE_ID}' (first at notices.0)",
    ),
    (
        "typo in a notice key",
        lambda d: notice_of(d).update(verison=2),
        f"notices.{NOTICE_ID}.verison",
        "unknown key (did you mean 'version'?)",
    ),
    (
        "channel naming an unknown notice",
        lambda d: by_id(d["channels"], "survey").update(notice="booth"),
        "channels.survey.notice",
        "unknown notice 'booth'",
    ),
    (
        "channel naming a notice whose main purposes it does not take",
        lambda d: notice_of(d).update(
            purposes=["campaign-invitations-surveys", "inquiry-response"]
        ),
        f"channels.{CHANNEL}.notice",
        f"notice '{NOTICE_ID}' names inquiry-response, which this channel does not take: "
        "add them to the channel's purposes",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "path", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_it_rejects_a_broken_notice_with_its_key_path(
    mutate: Callable[[Data], object], path: str, reason: str
) -> None:
    data = with_notice()
    mutate(data)
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse(toml_dumps(data))
    assert PolicyError(path=path, reason=reason) in caught.value.errors


def changed_notice(**changes: Any) -> str:
    notice = copy.deepcopy(NOTICE)
    notice.update(changes)
    return toml_dumps(with_notice(notice))


@pytest.mark.django_db
def test_a_changed_notice_must_raise_its_version() -> None:
    policy_load(text=toml_dumps(with_notice()))
    reworded = {"ja": "展示会の新しいご案内です。", "en": "The new expo notice."}
    with pytest.raises(PolicyInvalid) as caught:
        policy_load(text=changed_notice(text=reworded))
    assert caught.value.errors == [
        PolicyError(
            path=f"notices.{NOTICE_ID}.version",
            reason="the notice changed: raise its version above 1 so that the change is "
            "published as a new notice version",
        )
    ]
    result = policy_load(text=changed_notice(text=reworded, version=2))
    assert result.version.number == 2
    assert result.policy.notices[NOTICE_ID].version == 2


@pytest.mark.django_db
def test_a_notice_version_never_goes_down() -> None:
    policy_load(text=changed_notice(version=3))
    with pytest.raises(PolicyInvalid) as caught:
        policy_load(text=changed_notice(version=2))
    assert caught.value.errors[0].path == f"notices.{NOTICE_ID}.version"
    assert caught.value.errors[0].reason == "must not go down (was 3, now 2)"


def diff_keys(old: str, new: str) -> set[tuple[ChangeKind, str, bool]]:
    changes = policy_diff(policy_parse(old), policy_parse(new))
    return {(c.kind, c.key, c.needs_consent) for c in changes}


def test_the_diff_flags_a_new_notice_with_a_purpose_beyond_the_main_ones() -> None:
    keys = diff_keys(reference_text(), toml_dumps(with_notice()))
    assert (ChangeKind.NOTICE_ADDED, f"notices.{NOTICE_ID}", True) in keys
    assert (ChangeKind.CHANNEL_CHANGED, f"channels.{CHANNEL}", False) in keys


def test_the_diff_does_not_flag_a_new_notice_within_the_main_purposes() -> None:
    within = changed_notice(own_purposes=[NOTICE["own_purposes"][0]])
    keys = diff_keys(reference_text(), within)
    assert (ChangeKind.NOTICE_ADDED, f"notices.{NOTICE_ID}", False) in keys


def test_the_diff_classifies_a_removed_notice() -> None:
    keys = diff_keys(toml_dumps(with_notice()), reference_text())
    assert (ChangeKind.NOTICE_REMOVED, f"notices.{NOTICE_ID}", False) in keys


def test_the_diff_classifies_a_reworded_notice() -> None:
    new = changed_notice(title={"ja": "TSN展示会2027", "en": "TSN Expo 2027"}, version=2)
    assert diff_keys(toml_dumps(with_notice()), new) == {
        (ChangeKind.NOTICE_REWORDED, f"notices.{NOTICE_ID}", False)
    }


def test_the_diff_flags_an_own_purpose_added_beyond_the_main_ones() -> None:
    within = changed_notice(own_purposes=[NOTICE["own_purposes"][0]])
    assert diff_keys(within, changed_notice(version=2)) == {
        (ChangeKind.NOTICE_PURPOSES_CHANGED, f"notices.{NOTICE_ID}.purposes", True)
    }


def test_the_diff_does_not_flag_a_notice_naming_one_more_main_purpose() -> None:
    data = with_notice()
    by_id(data["channels"], CHANNEL)["purposes"].append("inquiry-response")
    before = toml_dumps(data)
    notice_of(data).update(purposes=["campaign-invitations-surveys", "inquiry-response"], version=2)
    changes = policy_diff(policy_parse(before), policy_parse(toml_dumps(data)))
    assert [(c.kind, c.needs_consent) for c in changes] == [
        (ChangeKind.NOTICE_PURPOSES_CHANGED, False)
    ]
    assert "now names inquiry-response" in changes[0].detail
