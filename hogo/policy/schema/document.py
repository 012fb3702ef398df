"""The policy as typed, immutable values. Other apps code against these names.

Every human text is a `Text` with a Japanese and an English version. Collections keyed by id
keep the order of the policy file, which is the order the notice and the forms show.
"""

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hogo.policy.schema.systems import System

LANGUAGES = ("ja", "en")
FORMAT = 2
# Stored versions keep parsing: format 1 lacks the operational keys (schema/operations.py).
FORMAT_OLDEST = 1
ID_PATTERN = r"^[a-z][a-z0-9_-]*$"
# A person may go to court two weeks after a request (APPI Art. 39), so no later deadline.
MAX_DEADLINE_DAYS = 14

# The special-care labels the detector, the vault and the forms share
# (docs/architecture.md, Public interface).
SPECIAL_CARE_IDS = frozenset(
    {
        "religion",
        "race_ethnicity",
        "social_status",
        "disability",
        "health",
        "criminal_record",
        "crime_victim",
        "sexual_orientation",
        "political",
    }
)
SPECIAL_CARE_BASES = ("statutory", "policy")
RECIPIENT_KINDS = ("third_party_with_consent", "outsourcing_contractor", "successor", "joint_user")
REQUEST_KINDS = ("purpose_notification", "disclosure", "correction", "suspension")
# APPI Art. 38 allows a fee only for purpose notification and disclosure.
FREE_BY_LAW = ("correction", "suspension")
DELIVERY_METHODS = ("email_attachment", "download", "postal_mail", "in_person")
COOKIE_CATEGORIES = ("necessary", "preferences", "analytics")
FIELD_KINDS = ("text", "email", "tel", "textarea", "select", "radio", "checkbox", "date", "url")
CHOICE_KINDS = ("select", "radio")
NOTICE_KINDS = ("product", "website", "event")
# The identifier kinds of the vault's blind indexes (docs/architecture.md, Keys and encryption):
# a category may hold one.
IDENTIFIER_KINDS = ("email", "phone", "name", "member_number")
# What a submission through a channel opens besides the acquisition record.
FOLLOW_UP_INQUIRY_CASE = "inquiry_case"
FOLLOW_UP_MEMBER_ACCOUNT = "member_account"
FOLLOW_UPS = (FOLLOW_UP_INQUIRY_CASE, FOLLOW_UP_MEMBER_ACCOUNT)
# Staff roles that read only for the purposes the policy gives them (the officer reads for any).
STAFF_ROLES = ("desk_operator", "marketing_user", "auditor")


@dataclass(frozen=True)
class Text:
    ja: str
    en: str

    def __str__(self) -> str:
        return self.ja

    def get(self, lang: str) -> str:
        """The text in `lang` ("ja", "en", "en-us"...); Japanese for any other language."""
        return self.en if lang.lower().startswith("en") else self.ja


@dataclass(frozen=True)
class Contact:
    name: Text
    address: Text
    email: str
    phone: str
    hours: Text


@dataclass(frozen=True)
class Organization:
    name: Text
    address: Text
    representative: Text
    website: str
    contact: Contact


@dataclass(frozen=True)
class BasicPolicy:
    introduction: Text
    text: Text


@dataclass(frozen=True)
class AcquisitionSection:
    fair_means: Text
    notice: Text
    voluntary: Text


@dataclass(frozen=True)
class Sources:
    direct: Text
    purchased_directories: Text
    special_care: Text


@dataclass(frozen=True)
class Use:
    principle: Text


@dataclass(frozen=True)
class Purpose:
    id: str
    title: Text
    description: Text
    categories: tuple[str, ...]
    retention_days: int
    consent_required: bool
    related_to: tuple[str, ...] = ()
    context: Text | None = None
    # Mail sent for this purpose is advertising mail under the Act on Regulation of Transmission
    # of Specified Electronic Mail: it needs an opt-out link, and people may stop it in one step.
    marketing_mail: bool = False


@dataclass(frozen=True)
class Category:
    id: str
    title: Text
    special_care: bool = False
    basis: str | None = None
    description: Text | None = None
    # The identifier kind (IDENTIFIER_KINDS) values of this category are blind-indexed as.
    identifier: str | None = None
    # Items the organization's own policy adds to a statutory category (basis "policy" for
    # them alone): 門地 and 本籍地 are not special-care information under the APPI by
    # themselves, but the reference policy treats them as part of 社会的身分 (JIS Q 15001).
    policy_items: Text | None = None


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    id: str
    label: Text
    category: str
    required: bool
    if_omitted: Text | None
    free_text: bool
    kind: str
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Channel:
    id: str
    title: Text
    purposes: tuple[str, ...]
    fields: tuple[Field, ...]
    special_care_consent: bool = False
    public_form: bool = True
    # A supplementary notice its form shows beside the main notice block (`[[notices]]` id).
    notice: str | None = None
    follow_up: str | None = None  # FOLLOW_UPS: an inquiry case or a member account
    imported: bool = (
        False  # the channel purchased directories are imported through (`hogo import directory`)
    )
    confirmation_mail: bool = False  # a receipt mailed to the address the person typed

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.fields if f.id == field_id), None)


@dataclass(frozen=True)
class RecipientKindSection:
    id: str
    clause: str
    title: Text
    description: Text
    requires_consent: bool


@dataclass(frozen=True)
class JointUseSection:
    """An Art. 27(5)(iii) announcement; required before `joint_user` recipients exist."""

    items: Text
    users: Text
    purposes: Text
    responsible: Text


@dataclass(frozen=True)
class ProvisionSection:
    principle: Text
    legal_exceptions: Text
    recipient_kinds: dict[str, RecipientKindSection]
    joint_use: JointUseSection | None = None


@dataclass(frozen=True)
class Country:
    name: Text
    system: Text
    measures: Text


# What a policy that names no foreign country states: every piece of data is handled in Japan.
JAPAN = Text(ja="日本", en="Japan")


@dataclass(frozen=True)
class ExternalEnvironment:
    statement: Text
    countries: tuple[Country, ...] = ()
    # The country where hogo's own database is kept (the ledger's storage location), if stated.
    storage_country: Text | None = None

    def storage(self) -> Text | None:
        """Where hogo's own database is kept, as the policy states it: the explicit key, else
        Japan when no foreign country is named; None when the policy does not say."""
        if self.storage_country is not None:
            return self.storage_country
        return None if self.countries else JAPAN


@dataclass(frozen=True)
class Safety:
    principle: Text
    prevention: Text
    training: Text
    outsourcing: Text
    organizational: Text
    human: Text
    physical: Text
    technical: Text
    external_environment: ExternalEnvironment


@dataclass(frozen=True)
class Link:
    title: Text
    url: str


@dataclass(frozen=True)
class Analytics:
    provider: str
    cookie_category: str
    text: Text
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Website:
    ssl: Text
    links: Text
    ip_addresses: Text
    analytics: Analytics | None = None


@dataclass(frozen=True)
class CookieCategory:
    id: str
    title: Text
    description: Text
    required: bool


@dataclass(frozen=True)
class Cookies:
    version: int
    text: Text
    categories: dict[str, CookieCategory]


@dataclass(frozen=True)
class RequestKind:
    id: str
    clause: str
    title: Text
    description: Text
    fee_jpy: int
    delivery_methods: tuple[str, ...] = ()
    default_delivery: str | None = None


@dataclass(frozen=True)
class Requests:
    deadline_days: int
    how: Text
    identity_verification: Text
    agents: Text
    fee_payment: Text | None  # required when a kind has a fee
    kinds: dict[str, RequestKind]

    @property
    def has_fees(self) -> bool:
        return any(kind.fee_jpy for kind in self.kinds.values())

    @property
    def disclosure_default_delivery(self) -> str:
        return self.kinds["disclosure"].default_delivery or "email_attachment"


@dataclass(frozen=True)
class Complaints:
    text: Text
    accredited_organization: Text | None = None


@dataclass(frozen=True)
class NoticePurpose:
    """A purpose a supplementary notice declares itself. Within the main purposes when
    `related_to` names one of them (APPI Art. 17(2)); beyond them otherwise, and then used
    only with the person's consent."""

    id: str
    title: Text
    description: Text
    categories: tuple[str, ...]
    retention_days: int
    related_to: tuple[str, ...] = ()

    @property
    def beyond_main(self) -> bool:
        return not self.related_to


@dataclass(frozen=True)
class Notice:
    """A supplementary notice for one product, website or event (policy clause 4, last
    sentence). `version` is the notice's own and rises whenever its content changes."""

    id: str
    kind: str
    version: int
    title: Text
    text: Text
    purposes: tuple[str, ...]
    own_purposes: dict[str, NoticePurpose] = field(default_factory=dict)

    def content(self) -> "Notice":
        """The notice without its version number: what the version number must follow."""
        return replace(self, version=0)


@dataclass(frozen=True)
class Staff:
    """Which purposes each staff role may state when reading personal data."""

    purposes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The privacy officer must log in with a second factor (TOTP) as well as the password.
    officer_second_factor: bool = False


@dataclass(frozen=True)
class Records:
    """The purposes the organization's own records of people are kept under (retention)."""

    inquiry_cases: str | None = None
    request_cases: str | None = None


@dataclass(frozen=True)
class Incidents:
    """How the safety app runs the breach clocks (APPI Art. 26): the optional `[incidents]`."""

    # PPC guidelines: the preliminary report is due "promptly", about 3 to 5 days.
    preliminary_report_days: int = 5
    # How long a closed incident's sealed evidence is kept (policy 6.4): hogo's default, the
    # published policy states no period.
    retention_years: int = 5


# The default selection criteria for contractors (a long table of texts, in its own module; it
# needs `Text`, defined above).
from hogo.policy.schema.criteria import SELECTION_CRITERIA_DEFAULT  # noqa: E402


@dataclass(frozen=True)
class InternalReview:
    """The internal review of the safety measures (policy 1 and 6.1): `[internal_review]`."""

    cadence_months: int = 12


@dataclass(frozen=True)
class Outsourcing:
    """Supervision of contractors (policy 6.3, APPI Art. 25): `[outsourcing]`."""

    supervision_months: int = 12
    selection_criteria: tuple[Text, ...] = SELECTION_CRITERIA_DEFAULT


@dataclass(frozen=True)
class Detection:
    """What the detector assumes: the optional `[detection]`."""

    # National phone formats read first (ISO 3166-1 alpha-2); Japan unless the policy says.
    phone_regions: tuple[str, ...] = ("JP",)


@dataclass(frozen=True)
class Policy:
    format: int
    organization: Organization
    basic_policy: BasicPolicy
    acquisition: AcquisitionSection
    sources: Sources
    use: Use
    purposes: dict[str, Purpose]
    categories: dict[str, Category]
    channels: dict[str, Channel]
    provision: ProvisionSection
    safety: Safety
    website: Website
    cookies: Cookies
    requests: Requests
    complaints: Complaints
    # Supplementary notices by id, in file order; none in the reference policy.
    notices: dict[str, Notice] = field(default_factory=dict)
    staff: Staff = field(default_factory=Staff)
    records: Records = field(default_factory=Records)
    incidents: Incidents = field(default_factory=Incidents)
    detection: Detection = field(default_factory=Detection)
    internal_review: InternalReview = field(default_factory=InternalReview)
    outsourcing: Outsourcing = field(default_factory=Outsourcing)
    # The internal handling rules (取扱規程) staff acknowledge with the policy, if given.
    handling_rules: Text | None = None
    # The data map: the organization's other systems holding personal data, by id
    # (`schema/systems.py`); none in the reference policy.
    systems: "dict[str, System]" = field(default_factory=dict)
    # The stored version this policy was read from; None for a file not loaded yet.
    version: int | None = field(default=None, compare=False)
    # The stored version's sha256 (with `version`, what the page caches are keyed by: a test
    # database may reuse a number for other text); empty for a file not loaded yet.
    sha256: str = field(default="", compare=False)

    def special_care_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.categories.values() if c.special_care)

    def identifier_categories(self) -> dict[str, str]:
        """Identifier kind -> the category holding it."""
        return {c.identifier: c.id for c in self.categories.values() if c.identifier}

    def identifier_kind(self, category: str) -> str | None:
        found = self.categories.get(category)
        return found.identifier if found else None

    def channel_following_up(self, follow_up: str) -> Channel | None:
        return next((c for c in self.channels.values() if c.follow_up == follow_up), None)

    def import_channel(self) -> Channel | None:
        return next((c for c in self.channels.values() if c.imported), None)

    def summary(self) -> str:
        return (
            f"{len(self.purposes)} purposes, {len(self.channels)} channels, "
            f"{len(self.categories)} categories"
        )
