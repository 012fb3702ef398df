"""The policy file's shape as pydantic models: the source of the JSON Schema that
`hogo policy schema` publishes for editors (completion, hover texts, errors as people type).

Only the shape lives here (keys, types, enumerations, bounds, required or not). What JSON
Schema cannot say (ids that must exist, one channel per follow-up, the law's conditions) stays
in the parser (`parse`), which also writes the key-path errors `hogo policy check` prints; the
policy README ("Decisions", one declaration of the format) says why these models do not parse.
`tests/test_json_schema.py` keeps the two in step: every key the parser reads is declared here,
and every key declared here is read.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from hogo.policy.schema.document import (
    COOKIE_CATEGORIES,
    DELIVERY_METHODS,
    FIELD_KINDS,
    FOLLOW_UPS,
    FORMAT,
    FORMAT_OLDEST,
    ID_PATTERN,
    IDENTIFIER_KINDS,
    MAX_DEADLINE_DAYS,
    NOTICE_KINDS,
    RECIPIENT_KINDS,
    SPECIAL_CARE_BASES,
)


def _one_of(values: tuple[str, ...]) -> object:
    """An enumeration from a vocabulary of `document`, which stays its one list (mypy cannot
    read a Literal built at run time: hence the `type: ignore[valid-type]` where it is used)."""
    return Literal[values]


Id = Annotated[str, Field(pattern=ID_PATTERN, description="lowercase: a-z, 0-9, - and _")]
# The parser's "must not be empty": something besides white space.
Str = Annotated[str, Field(pattern=r"\S")]
Ref = Annotated[str, Field(min_length=1)]
Refs = list[Ref]
Days = Annotated[int, Field(ge=1)]


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(Table):
    """A text in both languages: { ja = "...", en = "..." }."""

    ja: Annotated[Str, Field(description="Japanese text")]
    en: Annotated[Str, Field(description="English text")]


class Contact(Table):
    """The desk for questions, complaints and requests (APPI Art. 32)."""

    name: Text
    address: Text
    email: Annotated[str, Field(pattern="@", description="the desk's e-mail address")]
    phone: Str | None = None
    hours: Text


class Organization(Table):
    name: Text
    address: Text
    representative: Text
    website: Annotated[Str, Field(description="the organization's website URL")]
    contact: Contact


class BasicPolicy(Table):
    introduction: Text
    text: Text


class AcquisitionSection(Table):
    fair_means: Text
    notice: Text
    voluntary: Text


class Sources(Table):
    direct: Text
    purchased_directories: Text
    special_care: Text


class Use(Table):
    principle: Text


class Retained(Table):
    """A purpose's retention period: exactly one of days, months (30 days) or years (365)."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["retention_days"]},
                {"required": ["retention_months"]},
                {"required": ["retention_years"]},
            ]
        }
    )

    retention_days: Annotated[Days | None, Field(description="days to keep data")] = None
    retention_months: Annotated[Days | None, Field(description="months (30 days)")] = None
    retention_years: Annotated[Days | None, Field(description="years (365 days)")] = None


class Purpose(Retained):
    id: Id
    context: Text | None = None
    title: Text
    description: Text
    categories: Annotated[Refs, Field(min_length=1, description="category ids")]
    consent_required: bool
    related_to: Annotated[Refs, Field(description="earlier purpose ids (APPI Art. 17(2))")] = []
    marketing_mail: bool = False


class Category(Table):
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"special_care": {"const": True}}, "required": ["special_care"]},
            "then": {"required": ["basis"]},
            "else": {"not": {"required": ["basis"]}},
        }
    )

    id: Id
    title: Text
    description: Text | None = None
    special_care: bool = False
    basis: _one_of(SPECIAL_CARE_BASES) | None = None  # type: ignore[valid-type]
    policy_items: Annotated[
        Text | None,
        Field(description="items the organization's own policy adds to a statutory category"),
    ] = None
    identifier: _one_of(IDENTIFIER_KINDS) | None = None  # type: ignore[valid-type]


class Choice(Table):
    value: Annotated[Str, Field(description="the submitted value")]
    label: Text


class FormField(Table):
    id: Id
    label: Text
    category: Annotated[Ref, Field(description="a category id")]
    required: bool
    if_omitted: Annotated[Text | None, Field(description="required when optional")] = None
    free_text: bool = False
    kind: _one_of(FIELD_KINDS)  # type: ignore[valid-type]
    choices: Annotated[list[Choice], Field(description="for select and radio")] = []


class Channel(Table):
    id: Id
    title: Text
    purposes: Annotated[Refs, Field(min_length=1, description="purpose ids")]
    special_care_consent: bool = False
    public_form: bool = True
    confirmation_mail: bool = False
    follow_up: _one_of(FOLLOW_UPS) | None = None  # type: ignore[valid-type]
    imported: bool = False
    notice: Annotated[Str | None, Field(description="a [[notices]] id")] = None
    fields: Annotated[list[FormField], Field(min_length=1)]


class RecipientKindSection(Table):
    id: _one_of(RECIPIENT_KINDS)  # type: ignore[valid-type]
    clause: Annotated[Str, Field(description="the policy clause, e.g. 5.1")]
    title: Text
    description: Text
    requires_consent: bool = True


class JointUseSection(Table):
    """The APPI Art. 27(5)(iii) announcement; required before joint_user recipients."""

    items: Text
    users: Text
    purposes: Text
    responsible: Text


class ProvisionSection(Table):
    principle: Text
    legal_exceptions: Text
    recipient_kinds: list[RecipientKindSection]
    joint_use: JointUseSection | None = None


class Country(Table):
    name: Text
    system: Text
    measures: Text


class ExternalEnvironment(Table):
    statement: Text
    countries: Annotated[list[Country], Field(description="empty: Japan only")] = []
    storage_country: Annotated[
        Text | None,
        Field(
            description="the country where hogo's own database is kept (the ledger's storage "
            "location); without it, Japan when countries is empty, else not stated"
        ),
    ] = None


class Safety(Table):
    principle: Text
    prevention: Text
    training: Text
    outsourcing: Text
    organizational: Text
    human: Text
    physical: Text
    technical: Text
    external_environment: ExternalEnvironment


class Link(Table):
    title: Text
    url: Str


class Analytics(Table):
    provider: Str
    cookie_category: Annotated[Str, Field(description="a [[cookies.categories]] id")]
    text: Text
    links: list[Link] = []


class Website(Table):
    ssl: Text
    links: Text
    ip_addresses: Text
    analytics: Analytics | None = None


class CookieCategory(Table):
    id: _one_of(COOKIE_CATEGORIES)  # type: ignore[valid-type]
    title: Text
    description: Text
    required: Annotated[bool, Field(description="true for necessary only")] = False


class Cookies(Table):
    version: Annotated[Days, Field(description="raise it when this section changes")]
    text: Text
    categories: list[CookieCategory]


class RequestKind(Table):
    clause: Annotated[Str, Field(description="the policy clause, e.g. 7.1(a)")]
    title: Text
    description: Text
    fee_jpy: Annotated[int, Field(ge=0, description="fee in JPY, 0 if free")]


class FreeRequestKind(RequestKind):
    """APPI Art. 38 allows no fee for this request."""

    fee_jpy: Literal[0]


class Disclosure(RequestKind):
    delivery_methods: list[_one_of(DELIVERY_METHODS)]  # type: ignore[valid-type]
    default_delivery: _one_of(DELIVERY_METHODS)  # type: ignore[valid-type]


class RequestKinds(Table):
    purpose_notification: RequestKind
    disclosure: Disclosure
    correction: FreeRequestKind
    suspension: FreeRequestKind


class Requests(Table):
    deadline_days: Annotated[int, Field(ge=1, le=MAX_DEADLINE_DAYS)]
    how: Text
    identity_verification: Text
    agents: Text
    fee_payment: Annotated[Text | None, Field(description="required when a kind has a fee")] = None
    kinds: RequestKinds


class Complaints(Table):
    text: Text
    accredited_organization: Text | None = None


class NoticePurpose(Retained):
    id: Id
    title: Text
    description: Text
    categories: Annotated[Refs, Field(min_length=1)]
    related_to: Annotated[Refs, Field(description="main purposes; none: beyond them")] = []


class Notice(Table):
    """A supplementary notice for a product, website or event (clause 4, last sentence)."""

    id: Id
    kind: _one_of(NOTICE_KINDS)  # type: ignore[valid-type]
    version: Annotated[Days, Field(description="raise it when this notice changes")]
    title: Text
    text: Text
    purposes: Annotated[Refs, Field(description="main purpose ids")] = []
    own_purposes: list[NoticePurpose] = []


class StaffPurposes(Table):
    """The purpose ids each role may state when reading (the privacy officer: every one)."""

    desk_operator: Refs = []
    marketing_user: Refs = []
    auditor: Refs = []


class Staff(Table):
    purposes: StaffPurposes
    officer_second_factor: Annotated[
        bool,
        Field(description="the privacy officer logs in with a TOTP code as well (default false)"),
    ] = False


class Records(Table):
    inquiry_cases: Annotated[Str, Field(description="a purpose id")]
    request_cases: Annotated[Str, Field(description="a purpose id")]


class IncidentsTable(Table):
    preliminary_report_days: Annotated[
        int,
        Field(
            ge=1, le=5, description="days from awareness to the preliminary report (APPI Art. 26)"
        ),
    ] = 5
    retention_years: Annotated[
        int,
        Field(ge=1, le=30, description="years to keep a closed incident's sealed evidence"),
    ] = 5


class InternalReviewTable(Table):
    cadence_months: Annotated[
        int, Field(ge=1, le=36, description="months between internal reviews of the measures")
    ] = 12


class OutsourcingTable(Table):
    supervision_months: Annotated[
        int, Field(ge=1, le=36, description="months between a contractor's supervision reviews")
    ] = 12
    selection_criteria: Annotated[
        list[Text],
        Field(min_length=1, description="what a contractor is assessed on before its agreement"),
    ] = []


class DetectionTable(Table):
    phone_regions: Annotated[
        list[Annotated[str, Field(pattern="^[A-Z]{2}$")]],
        Field(
            min_length=1,
            description="national phone formats the detector reads first (ISO 3166-1 alpha-2)",
        ),
    ] = ["JP"]


class HandlingRules(Table):
    text: Annotated[Text, Field(description="the internal handling rules staff acknowledge")]


# The data map's tables (`[[systems]]`) are in their own module; it needs the bases above.
from hogo.policy.schema.shape_systems import SystemTable  # noqa: E402


class PolicyFile(Table):
    """A hogo policy file (`hogo policy check` validates it, `hogo policy load` stores it)."""

    model_config = ConfigDict(
        title="hogo policy",
        # Format 2 added the operational tables; stored format 1 versions lack them.
        json_schema_extra={
            "if": {"properties": {"format": {"const": FORMAT}}},
            "then": {"required": ["staff", "records"]},
        },
    )

    format: Annotated[int, Field(ge=FORMAT_OLDEST, le=FORMAT)]
    organization: Organization
    basic_policy: BasicPolicy
    acquisition: AcquisitionSection
    sources: Sources
    use: Use
    purposes: Annotated[list[Purpose], Field(min_length=1)]
    categories: list[Category]
    channels: list[Channel]
    provision: ProvisionSection
    safety: Safety
    website: Website
    cookies: Cookies
    requests: Requests
    complaints: Complaints
    notices: list[Notice] = []
    staff: Staff | None = None
    records: Records | None = None
    incidents: IncidentsTable | None = None
    detection: DetectionTable | None = None
    internal_review: InternalReviewTable | None = None
    outsourcing: OutsourcingTable | None = None
    handling_rules: HandlingRules | None = None
    systems: list[SystemTable] = []


class _Draft7(GenerateJsonSchema):
    """Draft 7 (what Taplo and VS Code read), without null (TOML has none: an optional key is
    one left out) and without the titles pydantic derives from each key's name."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def field_title_should_be_set(self, schema: object) -> bool:
        return False

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        generated = super().generate(schema, mode)
        for definition in generated.get("$defs", {}).values():
            definition.pop("title", None)
        return {
            "$schema": "http://json-schema.org/draft-07/schema#",
            **{key: value for key, value in generated.items() if key != "$defs"},
            "definitions": generated.get("$defs", {}),
        }


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of a policy file, published by `hogo policy schema`."""
    schema = PolicyFile.model_json_schema(
        ref_template="#/definitions/{model}", schema_generator=_Draft7
    )
    cleaned: dict[str, Any] = _draft7(schema)
    return cleaned


def _draft7(node: Any) -> Any:
    """Draft 7 ignores what stands beside a `$ref` (a key's description): move the reference
    into `allOf`. An optional key's `default` of None says nothing in TOML: drop it."""
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _draft7(value) for key, value in node.items() if (key, value) != ("default", None)}
    if "$ref" in node and len(node) > 1:
        node["allOf"] = [{"$ref": node.pop("$ref")}]
    return node
