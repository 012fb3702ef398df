"""Every validation rule rejects a broken policy with the exact key path of the problem."""

from collections.abc import Callable
from typing import Any

import pytest

from hogo.policy.schema import PolicyError, PolicyInvalid, policy_parse
from hogo.policy.tests.helpers import (
    FEE_PAYMENT,
    by_id,
    in_days,
    reference_data,
    toml_dumps,
    with_disclosure_fee,
    without_retention,
)

Data = dict[str, Any]


def purpose(data: Data, ident: str) -> Data:
    return by_id(data["purposes"], ident)


def category(data: Data, ident: str) -> Data:
    return by_id(data["categories"], ident)


def channel(data: Data, ident: str) -> Data:
    return by_id(data["channels"], ident)


def field(data: Data, channel_id: str, index: int) -> Data:
    fields: list[Data] = channel(data, channel_id)["fields"]
    return fields[index]


def errors_of(data: Data) -> list[PolicyError]:
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse(toml_dumps(data))
    return caught.value.errors


def special_care_field_on_inquiry(data: Data) -> None:
    purpose(data, "inquiry-response")["categories"].append("health")
    field(data, "inquiry", 5)["category"] = "health"


CASES: list[tuple[str, Callable[[Data], object], str, str]] = [
    (
        "unknown category in a purpose",
        lambda d: purpose(d, "inquiry-response")["categories"].append("shoe_size"),
        "purposes.inquiry-response.categories.8",
        "unknown category 'shoe_size'",
    ),
    (
        "unknown category in a channel field",
        lambda d: field(d, "survey", 2).update(category="shoe_size"),
        "channels.survey.fields.2.category",
        "unknown category 'shoe_size'",
    ),
    (
        "duplicate purpose id",
        lambda d: d["purposes"][1].update(id="campaign-invitations-surveys"),
        "purposes.1.id",
        "duplicate purpose id 'campaign-invitations-surveys' (first at purposes.0)",
    ),
    (
        "duplicate category id",
        lambda d: d["categories"].append({"id": "email", "title": {"ja": "メール", "en": "Mail"}}),
        "categories.24.id",
        "duplicate category id 'email' (first at categories.1)",
    ),
    (
        "duplicate channel id",
        lambda d: d["channels"].append(dict(channel(d, "survey"))),
        "channels.6.id",
        "duplicate channel id 'survey' (first at channels.1)",
    ),
    (
        "duplicate field id within a channel",
        lambda d: field(d, "inquiry", 1).update(id="name"),
        "channels.inquiry.fields.1.id",
        "duplicate field id 'name' (first at channels.inquiry.fields.0)",
    ),
    (
        "purpose without retention",
        lambda d: without_retention(purpose(d, "inquiry-response")),
        "purposes.inquiry-response.retention_days",
        "missing (days to keep data for this purpose)",
    ),
    (
        "zero retention",
        lambda d: in_days(purpose(d, "inquiry-response"), 0),
        "purposes.inquiry-response.retention_days",
        "must be at least 1, not 0",
    ),
    (
        "negative retention",
        lambda d: in_days(purpose(d, "contract-performance"), -30),
        "purposes.contract-performance.retention_days",
        "must be at least 1, not -30",
    ),
    (
        "retention that is not a number",
        lambda d: in_days(purpose(d, "contract-performance"), "ten years"),
        "purposes.contract-performance.retention_days",
        "must be a whole number (days to keep data for this purpose)",
    ),
    (
        "retention given twice",
        lambda d: purpose(d, "inquiry-response").update(retention_days=1095),
        "purposes.inquiry-response.retention_years",
        "give one of retention_days, retention_months, retention_years, not 2",
    ),
    (
        "retention of zero years",
        lambda d: purpose(d, "inquiry-response").update(retention_years=0),
        "purposes.inquiry-response.retention_years",
        "must be at least 1, not 0",
    ),
    (
        "items added by policy to a category the law does not list",
        lambda d: by_id(d["categories"], "political").update(
            policy_items={"ja": "党員歴", "en": "Party membership"}
        ),
        "categories.political.policy_items",
        "only a statutory special-care category has items added by policy",
    ),
    (
        "channel field without category",
        lambda d: field(d, "survey", 2).pop("category"),
        "channels.survey.fields.2.category",
        "missing (a category id)",
    ),
    (
        "unknown purpose in a channel",
        lambda d: channel(d, "survey").update(purposes=["marketing"]),
        "channels.survey.purposes.0",
        "unknown purpose 'marketing'",
    ),
    (
        "optional field without if_omitted",
        lambda d: field(d, "survey", 0).pop("if_omitted"),
        "channels.survey.fields.0.if_omitted",
        "required for an optional field: say what happens if it is left empty",
    ),
    (
        "missing Japanese text",
        lambda d: purpose(d, "contract-performance").update(title={"en": "Contracts"}),
        "purposes.contract-performance.title.ja",
        "missing (Japanese text)",
    ),
    (
        "missing English text",
        lambda d: d["organization"].update(name={"ja": "CC-Link協会"}),
        "organization.name.en",
        "missing (English text)",
    ),
    (
        "empty text",
        lambda d: d["complaints"].update(text={"ja": " ", "en": "Contact us"}),
        "complaints.text.ja",
        "must not be empty",
    ),
    (
        "text that is not bilingual",
        lambda d: d["use"].update(principle="We use data for the purposes below."),
        "use.principle",
        'must be a { ja = "...", en = "..." } text',
    ),
    (
        "special-care category without basis",
        lambda d: category(d, "health").pop("basis"),
        "categories.health.basis",
        'required for a special-care category: "statutory" or "policy"',
    ),
    (
        "unknown basis",
        lambda d: category(d, "political").update(basis="custom"),
        "categories.political.basis",
        "must be one of statutory, policy, not 'custom'",
    ),
    (
        "special-care label not marked special care",
        lambda d: (
            category(d, "religion").update(special_care=False)
            or category(d, "religion").pop("basis")
        ),
        "categories.religion.special_care",
        "'religion' is special-care information: set it to true",
    ),
    (
        "missing special-care category",
        lambda d: d["categories"].remove(category(d, "crime_victim")),
        "categories",
        "missing special-care category 'crime_victim'",
    ),
    (
        "missing organization contact",
        lambda d: d["organization"].pop("contact"),
        "organization.contact",
        "missing (a table)",
    ),
    (
        "contact without e-mail",
        lambda d: d["organization"]["contact"].pop("email"),
        "organization.contact.email",
        "missing (the desk's e-mail address)",
    ),
    (
        "typo in a purpose key",
        lambda d: purpose(d, "inquiry-response").update(retention_dayz=30),
        "purposes.inquiry-response.retention_dayz",
        "unknown key (did you mean 'retention_days'?)",
    ),
    (
        "typo in a top-level section",
        lambda d: d.update(organisation=d.pop("organization")),
        "organisation",
        "unknown key (did you mean 'organization'?)",
    ),
    (
        "typo in a field key",
        lambda d: field(d, "inquiry", 0).update(requierd=True),
        "channels.inquiry.fields.0.requierd",
        "unknown key (did you mean 'required'?)",
    ),
    (
        "field category no purpose of the channel allows",
        lambda d: field(d, "survey", 1).update(category="contract_details"),
        "channels.survey.fields.1.category",
        "'contract_details' is not allowed by any of the channel's purposes",
    ),
    (
        "special-care field on a channel without special-care consent",
        special_care_field_on_inquiry,
        "channels.inquiry.fields.5.category",
        "special-care category needs special_care_consent = true on the channel",
    ),
    (
        "select field without choices",
        lambda d: field(d, "inquiry", 4).pop("choices"),
        "channels.inquiry.fields.4.choices",
        "required for a select field",
    ),
    (
        "unknown field kind",
        lambda d: field(d, "inquiry", 0).update(kind="slider"),
        "channels.inquiry.fields.0.kind",
        "must be one of text, email, tel, textarea, select, radio, checkbox, date, url, "
        "not 'slider'",
    ),
    (
        "badly formed id",
        lambda d: purpose(d, "inquiry-response").update(id="Inquiry Response"),
        "purposes.4.id",
        "must start with a lowercase letter and use only a-z, 0-9, - and _",
    ),
    (
        "fee for a correction request",
        lambda d: d["requests"]["kinds"]["correction"].update(fee_jpy=500),
        "requests.kinds.correction.fee_jpy",
        "must be 0: APPI Art. 38 allows no fee for this request",
    ),
    (
        "fee without saying how it is paid",
        lambda d: d["requests"]["kinds"]["disclosure"].update(fee_jpy=1000),
        "requests.fee_payment",
        "missing: a request kind has a fee, so say how it is paid",
    ),
    (
        "missing request kind",
        lambda d: d["requests"]["kinds"].pop("suspension"),
        "requests.kinds.suspension",
        "missing (a table)",
    ),
    (
        "deadline beyond two weeks",
        lambda d: d["requests"].update(deadline_days=30),
        "requests.deadline_days",
        "must be 1 to 14, not 30",
    ),
    (
        "default delivery not offered",
        lambda d: d["requests"]["kinds"]["disclosure"].update(default_delivery="fax"),
        "requests.kinds.disclosure.default_delivery",
        "must be one of delivery_methods",
    ),
    (
        "joint use without announcement",
        lambda d: d["provision"]["recipient_kinds"].append(
            {
                "id": "joint_user",
                "clause": "5.4",
                "title": {"ja": "共同利用", "en": "Joint use"},
                "description": {"ja": "共同利用します。", "en": "Used jointly."},
                "requires_consent": False,
            }
        ),
        "provision.joint_use",
        "required before joint users: announce items, users, purposes and the person "
        "responsible (APPI Art. 27(5)(iii))",
    ),
    (
        "unknown recipient kind",
        lambda d: d["provision"]["recipient_kinds"][0].update(id="data_broker"),
        "provision.recipient_kinds.data_broker.id",
        "must be one of third_party_with_consent, outsourcing_contractor, successor, joint_user",
    ),
    (
        "cookie consent category marked required",
        lambda d: by_id(d["cookies"]["categories"], "analytics").update(required=True),
        "cookies.categories.analytics.required",
        "only the necessary category is required; the rest need consent",
    ),
    (
        "analytics tied to an unknown cookie category",
        lambda d: d["website"]["analytics"].update(cookie_category="marketing"),
        "website.analytics.cookie_category",
        "unknown cookie category 'marketing'",
    ),
    (
        "a confirmation mail on a channel without a public form",
        lambda d: channel(d, "contract").update(confirmation_mail=True),
        "channels.contract.confirmation_mail",
        "needs public_form = true (it follows a form submission)",
    ),
    (
        "a confirmation mail on a channel without an e-mail field",
        lambda d: (
            channel(d, "inquiry").update(confirmation_mail=True),
            field(d, "inquiry", 1).update(kind="text"),
        ),
        "channels.inquiry.confirmation_mail",
        'needs a field of kind = "email" to send the mail to',
    ),
    (
        "unsupported format",
        lambda d: d.update(format=3),
        "format",
        "must be 1 to 2, not 3",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "path", "reason"),
    [pytest.param(m, p, r, id=name) for name, m, p, r in CASES],
)
def test_it_rejects_a_broken_policy_naming_the_key_path(
    mutate: Callable[[Data], object], path: str, reason: str
) -> None:
    data = reference_data()
    mutate(data)
    assert PolicyError(path=path, reason=reason) in errors_of(data)


def test_the_unmodified_reference_round_trips_through_the_test_writer() -> None:
    """Guards the table above: only the mutation makes a case fail."""
    assert policy_parse(toml_dumps(reference_data())).summary().startswith("5 purposes")


def test_a_retention_in_years_or_months_is_counted_in_days() -> None:
    data = reference_data()
    without_retention(purpose(data, "inquiry-response"))["retention_months"] = 6
    parsed = policy_parse(toml_dumps(data))
    assert parsed.purposes["inquiry-response"].retention_days == 180
    assert parsed.purposes["contract-performance"].retention_days == 3650  # retention_years = 10
    in_days(purpose(data, "inquiry-response"), 1000)
    assert policy_parse(toml_dumps(data)).purposes["inquiry-response"].retention_days == 1000


def test_it_accepts_a_fee_with_the_text_saying_how_it_is_paid() -> None:
    requests = policy_parse(toml_dumps(with_disclosure_fee(reference_data(), 800))).requests
    assert requests.kinds["disclosure"].fee_jpy == 800
    assert requests.fee_payment is not None
    assert requests.fee_payment.en == FEE_PAYMENT["en"]
    assert requests.has_fees


def test_it_accepts_no_fee_payment_text_when_every_request_is_free() -> None:
    requests = policy_parse(toml_dumps(reference_data())).requests
    assert requests.fee_payment is None
    assert not requests.has_fees


def test_it_reports_every_error_not_just_the_first() -> None:
    data = reference_data()
    without_retention(purpose(data, "inquiry-response"))
    field(data, "survey", 2)["category"] = "shoe_size"
    data["organization"].pop("contact")
    paths = {error.path for error in errors_of(data)}
    assert {
        "purposes.inquiry-response.retention_days",
        "channels.survey.fields.2.category",
        "organization.contact",
    } <= paths


def test_it_reports_bad_toml_syntax_as_one_error() -> None:
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse('format = 1\n[organization\nname = "x"\n')
    [error] = caught.value.errors
    assert error.path == "(syntax)"
    assert error.reason.startswith("invalid TOML: ")
    assert "line 2" in error.reason


def test_it_mails_a_confirmation_only_where_the_channel_says_so() -> None:
    policy = policy_parse(toml_dumps(reference_data()))
    mailed = {c.id for c in policy.channels.values() if c.confirmation_mail}
    assert mailed == {"event-registration", "inquiry"}  # false unless set (reference.toml)
