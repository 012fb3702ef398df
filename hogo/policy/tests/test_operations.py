"""The operational keys of format 2 (staff purposes, follow-ups, the import channel, identifier
categories, records): each rule names the key path, and format 1 files still parse."""

from collections.abc import Callable
from typing import Any

import pytest

from hogo.policy.diff import policy_diff
from hogo.policy.schema import PolicyError, policy_parse
from hogo.policy.tests.helpers import (
    by_id,
    format_1,
    reference_data,
    reference_text,
    toml_dumps,
)
from hogo.policy.tests.other_policy import other_policy_text
from hogo.policy.tests.test_validation import errors_of

Data = dict[str, Any]


def channel(data: Data, ident: str) -> Data:
    return by_id(data["channels"], ident)


def category(data: Data, ident: str) -> Data:
    return by_id(data["categories"], ident)


CASES: list[tuple[str, Callable[[Data], object], str, str]] = [
    (
        "unknown purpose for a role",
        lambda d: d["staff"]["purposes"]["desk_operator"].append("gossip"),
        "staff.purposes.desk_operator.1",
        "unknown purpose 'gossip'",
    ),
    (
        "unknown staff role",
        lambda d: d["staff"]["purposes"].update(janitor=["inquiry-response"]),
        "staff.purposes.janitor",
        "unknown staff role; one of desk_operator, marketing_user, auditor",
    ),
    (
        "the officer in the staff table",
        lambda d: d["staff"]["purposes"].update(privacy_officer=[]),
        "staff.purposes.privacy_officer",
        "unknown staff role; one of desk_operator, marketing_user, auditor "
        "(the privacy officer may state every purpose)",
    ),
    (
        "staff table missing",
        lambda d: d.pop("staff"),
        "staff",
        "missing (a table with [staff.purposes])",
    ),
    (
        "unknown follow-up",
        lambda d: channel(d, "inquiry").update(follow_up="ticket"),
        "channels.inquiry.follow_up",
        "must be one of inquiry_case, member_account, not 'ticket'",
    ),
    (
        "two channels claiming the inquiry cases",
        lambda d: channel(d, "survey").update(follow_up="inquiry_case"),
        "channels.inquiry.follow_up",
        "follow_up 'inquiry_case' is already claimed by channel 'survey'",
    ),
    (
        "two import channels",
        lambda d: channel(d, "contract").update(imported=True),
        "channels.directory-import.imported",
        "imported is already claimed by channel 'contract'",
    ),
    (
        "an imported channel with a public form",
        lambda d: channel(d, "directory-import").update(public_form=True),
        "channels.directory-import.imported",
        "an imported channel has no public form: set public_form = false",
    ),
    (
        "inquiry-case channel missing",
        lambda d: channel(d, "inquiry").pop("follow_up"),
        "records.inquiry_cases",
        'no channel opens inquiry cases (follow_up = "inquiry_case")',
    ),
    (
        "inquiry cases under a purpose the channel does not state",
        lambda d: d["records"].update(inquiry_cases="contract-performance"),
        "records.inquiry_cases",
        "must be one of the purposes of channel 'inquiry', which opens the cases",
    ),
    (
        "unknown records purpose",
        lambda d: d["records"].update(request_cases="gossip"),
        "records.request_cases",
        "unknown purpose 'gossip'",
    ),
    (
        "records missing",
        lambda d: d.pop("records"),
        "records",
        "missing (a table with inquiry_cases and request_cases)",
    ),
    (
        "unknown identifier kind",
        lambda d: category(d, "phone").update(identifier="fax"),
        "categories.phone.identifier",
        "must be one of email, phone, name, member_number, not 'fax'",
    ),
    (
        "two categories holding one identifier kind",
        lambda d: category(d, "organization").update(identifier="email"),
        "categories.organization.identifier",
        "'email' is already held by category 'email'",
    ),
    (
        "a special-care identifier",
        lambda d: category(d, "health").update(identifier="name"),
        "categories.health.identifier",
        "special-care information is never an identifier",
    ),
    (
        "a follow-up without the e-mail identifier",
        lambda d: category(d, "email").pop("identifier"),
        "channels.inquiry.follow_up",
        'needs a field whose category holds the e-mail identifier (identifier = "email" on a '
        "category)",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "path", "reason"),
    [pytest.param(m, p, r, id=name) for name, m, p, r in CASES],
)
def test_it_rejects_a_broken_operational_key_naming_the_key_path(
    mutate: Callable[[Data], object], path: str, reason: str
) -> None:
    data = reference_data()
    mutate(data)
    assert PolicyError(path=path, reason=reason) in errors_of(data)


def test_it_reads_the_reference_choices() -> None:
    policy = policy_parse(toml_dumps(reference_data()))
    assert policy.staff.purposes["desk_operator"] == ("inquiry-response",)
    assert policy.staff.purposes["marketing_user"] == (
        "campaign-invitations-surveys",
        "event-operation",
    )
    inquiry = policy.channel_following_up("inquiry_case")
    members = policy.channel_following_up("member_account")
    imported = policy.import_channel()
    assert inquiry is not None
    assert inquiry.id == "inquiry"
    assert members is not None
    assert members.id == "member-registration"
    assert imported is not None
    assert imported.id == "directory-import"
    assert policy.records.inquiry_cases == "inquiry-response"
    assert policy.identifier_categories() == {
        "name": "name",
        "email": "email",
        "phone": "phone",
        "member_number": "member_id",
    }


def test_it_keeps_parsing_a_format_1_version_with_the_old_defaults() -> None:
    policy = policy_parse(toml_dumps(format_1(reference_data())))
    assert policy.format == 1
    assert policy.staff.purposes == {}
    assert policy.records.inquiry_cases is None
    assert policy.channel_following_up("inquiry_case") is None
    assert policy.import_channel() is None
    # Format 1 had no key: a category named like an identifier kind held that kind.
    assert policy.identifier_categories() == {"name": "name", "email": "email", "phone": "phone"}


def test_it_refuses_the_new_keys_in_a_format_1_file() -> None:
    data = format_1(reference_data())
    channel(data, "inquiry")["follow_up"] = "inquiry_case"
    assert PolicyError(path="channels.inquiry.follow_up", reason="needs format = 2") in errors_of(
        data
    )


def test_the_other_policy_shares_no_id_with_the_reference() -> None:
    reference = policy_parse(reference_text())
    other = policy_parse(other_policy_text())
    assert not set(other.purposes) & set(reference.purposes)
    assert not set(other.channels) & set(reference.channels)
    ordinary = set(other.categories) - other.special_care_ids()
    assert not ordinary & set(reference.categories)
    assert other.organization.name.en == "Example Technology Guild"
    assert other.organization.contact.email == "privacy@guild.example.jp"
    assert other.records.inquiry_cases == "support-answers"
    assert other.identifier_categories()["email"] == "mail_address"


def test_the_diff_names_changes_of_the_operational_keys() -> None:
    old = policy_parse(reference_text())
    data = reference_data()
    data["staff"]["purposes"]["auditor"] = ["inquiry-response"]
    channel(data, "inquiry").pop("follow_up")
    channel(data, "survey")["follow_up"] = "inquiry_case"
    data["records"]["inquiry_cases"] = "campaign-invitations-surveys"
    category(data, "member_id").pop("identifier")
    changes = {str(c) for c in policy_diff(old, policy_parse(toml_dumps(data)))}
    assert {
        "section_changed: staff: changed",
        "section_changed: records: changed",
        "channel_changed: channels.inquiry: follow_up changed",
        "channel_changed: channels.survey: follow_up changed",
        "category_changed: categories.member_id: identifier changed",
    } <= changes
