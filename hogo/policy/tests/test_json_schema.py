"""`hogo policy schema`: the JSON Schema editors validate policy files with. It accepts every
policy the parser accepts (the reference, the test fixtures, a format 1 version), rejects the
typical mistakes, and declares exactly the keys the parser reads."""

import json
import tomllib
from collections.abc import Callable, Iterator
from io import StringIO
from typing import Any

import jsonschema_rs
import pytest
from django.core.management import call_command

from hogo.policy.schema import parse as parse_module
from hogo.policy.schema import policy_json_schema, policy_parse
from hogo.policy.schema.reader import Errors, Reader
from hogo.policy.tests.helpers import (
    by_id,
    format_1,
    reference_data,
    toml_dumps,
    with_disclosure_fee,
)
from hogo.policy.tests.notice_helpers import with_notice
from hogo.policy.tests.other_policy import other_policy_text
from hogo.policy.tests.systems_helpers import example_systems

Data = dict[str, Any]
SCHEMA = policy_json_schema()
VALIDATOR = jsonschema_rs.Draft7Validator(SCHEMA)


def text(words: str) -> dict[str, str]:
    return {"ja": f"{words}（日本語）", "en": words}


def maximal() -> Data:
    """The reference with every optional table and key set: a notice, a fee, joint use, ..."""
    data = with_disclosure_fee(with_notice())
    data["organization"]["contact"]["phone"] = "03-0000-0000"
    data["provision"]["joint_use"] = {
        key: text(key) for key in ("items", "users", "purposes", "responsible")
    }
    data["complaints"]["accredited_organization"] = text("an accredited organization")
    country = {"name": text("Country"), "system": text("System"), "measures": text("Measures")}
    data["safety"]["external_environment"]["countries"] = [country]
    data["safety"]["external_environment"]["storage_country"] = text("Japan")
    data["staff"]["officer_second_factor"] = True
    data["website"]["analytics"]["links"] = [{"title": text("Opt out"), "url": "https://x.test/"}]
    data["incidents"] = {"preliminary_report_days": 3, "retention_years": 7}
    data["internal_review"] = {"cadence_months": 6}
    data["outsourcing"] = {"supervision_months": 6, "selection_criteria": [text("Criterion")]}
    data["detection"] = {"phone_regions": ["JP", "US"]}
    data["handling_rules"] = {"text": text("Handling rules")}
    data["systems"] = example_systems()
    return data


FIXTURES: dict[str, Callable[[], Data]] = {
    "reference": reference_data,
    "other organization": lambda: tomllib.loads(other_policy_text()),
    "every optional key": maximal,
    "a fee": lambda: with_disclosure_fee(reference_data()),
    "format 1": lambda: format_1(reference_data()),
}


@pytest.mark.parametrize("make", FIXTURES.values(), ids=FIXTURES.keys())
def test_the_schema_accepts_the_policies_the_parser_accepts(make: Callable[[], Data]) -> None:
    data = make()
    policy_parse(toml_dumps(data))
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []


def purpose(data: Data) -> Data:
    return by_id(data["purposes"], "inquiry-response")


def survey_field(data: Data) -> Data:
    fields: list[Data] = by_id(data["channels"], "survey")["fields"]
    return fields[2]


RETENTION_KEYS = ("retention_days", "retention_months", "retention_years")

MISTAKES: dict[str, Callable[[Data], object]] = {
    "wrong type": lambda d: purpose(d).update(retention_days="3 years"),
    "unknown key": lambda d: purpose(d).update(retension_days=30),
    "missing key": lambda d: purpose(d).pop("consent_required"),
    "no retention period": lambda d: [purpose(d).pop(k, None) for k in RETENTION_KEYS],
    "two retention periods": lambda d: purpose(d).update(retention_days=30, retention_months=1),
    "missing table": lambda d: d.pop("requests"),
    "bad enum value": lambda d: survey_field(d).update(kind="phone"),
    "Japanese text missing": lambda d: purpose(d)["title"].pop("ja"),
    "empty text": lambda d: purpose(d)["title"].update(en="  "),
    "bad id": lambda d: purpose(d).update(id="Inquiry Response"),
    "days out of range": lambda d: d["requests"].update(deadline_days=30),
    "unsupported format": lambda d: d.update(format=3),
    "a fee for a request the law makes free": lambda d: d["requests"]["kinds"]["correction"].update(
        fee_jpy=500
    ),
    "format 2 without staff": lambda d: d.pop("staff"),
    "special care without a basis": lambda d: by_id(d["categories"], "health").pop("basis"),
    "a basis on an ordinary category": lambda d: by_id(d["categories"], "email").update(
        basis="policy"
    ),
    "a text as a plain string": lambda d: d["use"].update(principle="We use it."),
    "a system of an unknown kind": lambda d: d.update(
        systems=[{**example_systems()[0], "kind": "ftp"}]
    ),
    "a secret in place of its variable": lambda d: d.update(
        systems=[
            {
                **example_systems()[1],
                "webhook": {"url": "https://events.cc-link.org/", "secret_env": "s3cret"},
            }
        ]
    ),
}


@pytest.mark.parametrize("mutate", MISTAKES.values(), ids=MISTAKES.keys())
def test_the_schema_rejects_a_typical_mistake_the_parser_rejects(
    mutate: Callable[[Data], object],
) -> None:
    data = reference_data()
    mutate(data)
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(parse_module.PolicyInvalid):
        policy_parse(toml_dumps(data))


def test_the_schema_cannot_check_ids_the_parser_checks() -> None:
    """What JSON Schema cannot say stays with `hogo policy check`: an id that names nothing."""
    data = reference_data()
    survey_field(data)["category"] = "shoe_size"
    assert VALIDATOR.is_valid(data)
    with pytest.raises(parse_module.PolicyInvalid):
        policy_parse(toml_dumps(data))


def readers_of(data: Data, monkeypatch: pytest.MonkeyPatch) -> list[Reader]:
    """Every table reader the parser opened on `data`, with the keys it asked for."""
    opened: list[Errors] = []

    def recording() -> Errors:
        opened.append(Errors())
        return opened[-1]

    monkeypatch.setattr(parse_module, "Errors", recording)
    policy_parse(toml_dumps(data))
    return opened[0].readers


def schema_at(path: str) -> Data:
    """The schema of the table at a reader's path (`channels.survey.fields.2`)."""
    node = _resolved(SCHEMA)
    for key in path.split(".") if path else []:
        if node.get("type") == "array":
            node = _resolved(node["items"])  # the segment is an id or an index
        else:
            node = _resolved(node["properties"][key])
    if node.get("type") == "array":  # the reader of a whole array (`purposes`)
        node = _resolved(node["items"])
    return node


def _resolved(node: Data) -> Data:
    reference = node.get("$ref") or node.get("allOf", [{}])[0].get("$ref")
    if reference:
        resolved: Data = SCHEMA["definitions"][reference.rsplit("/", 1)[1]]
        return resolved
    return node


def _definitions(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"].rsplit("/", 1)[1]
        for value in node.values():
            yield from _definitions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _definitions(item)


def test_the_schema_declares_exactly_the_keys_the_parser_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: set[int] = set()
    for reader in readers_of(maximal(), monkeypatch):
        table = schema_at(reader.path)
        assert set(table["properties"]) == reader.asked, reader.path or "(top level)"
        seen.add(id(table))
    # Every table the schema declares was read: none is declared that the parser never reads.
    unread = {name for name in _definitions(SCHEMA) if id(SCHEMA["definitions"][name]) not in seen}
    assert unread == set()
    assert id(SCHEMA) in seen


def test_hogo_policy_schema_prints_the_schema() -> None:
    out = StringIO()
    call_command("policy", "schema", stdout=out)
    assert json.loads(out.getvalue()) == SCHEMA


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    """Draft 7: what Taplo (Even Better TOML) and VS Code read."""
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema_rs.meta.validate(SCHEMA)
