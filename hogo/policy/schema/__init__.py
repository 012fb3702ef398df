"""The policy file format: typed values (`document`), the validating parser (`parse`) and the
JSON Schema of the file (`shape`). The names other apps use; the rest of the document's types
are in `hogo.policy.schema.document`."""

from typing import Any

from hogo.policy.schema.document import (
    FOLLOW_UP_INQUIRY_CASE,
    FOLLOW_UP_MEMBER_ACCOUNT,
    SPECIAL_CARE_IDS,
    Category,
    Channel,
    Detection,
    Field,
    Incidents,
    InternalReview,
    Notice,
    NoticePurpose,
    Outsourcing,
    Policy,
    Purpose,
    Text,
)
from hogo.policy.schema.notices import notice_purpose_needs_consent
from hogo.policy.schema.parse import PolicyInvalid, policy_parse
from hogo.policy.schema.reader import PolicyError
from hogo.policy.schema.systems import Collection, SqlSystem, System, SystemField

__all__ = [
    "FOLLOW_UP_INQUIRY_CASE",
    "FOLLOW_UP_MEMBER_ACCOUNT",
    "SPECIAL_CARE_IDS",
    "Category",
    "Channel",
    "Collection",
    "Detection",
    "Field",
    "Incidents",
    "InternalReview",
    "Notice",
    "NoticePurpose",
    "Outsourcing",
    "Policy",
    "PolicyError",
    "PolicyInvalid",
    "Purpose",
    "SqlSystem",
    "System",
    "SystemField",
    "Text",
    "notice_purpose_needs_consent",
    "policy_json_schema",
    "policy_parse",
]


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of policy files (`hogo policy schema`); built on demand, so that
    processes which only parse do not build its models."""
    from hogo.policy.schema.shape import policy_json_schema as generated

    return generated()
