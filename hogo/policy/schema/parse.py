"""`policy_parse`: TOML text -> `Policy`, or `PolicyInvalid` listing every problem found."""

import re
import tomllib
from collections.abc import Iterator

from hogo.errors import InvalidInput
from hogo.policy.schema.document import (
    CHOICE_KINDS,
    COOKIE_CATEGORIES,
    DELIVERY_METHODS,
    FIELD_KINDS,
    FREE_BY_LAW,
    RECIPIENT_KINDS,
    REQUEST_KINDS,
    SPECIAL_CARE_BASES,
    SPECIAL_CARE_IDS,
    Acquisition,
    Analytics,
    BasicPolicy,
    Category,
    Channel,
    Choice,
    Complaints,
    Contact,
    CookieCategory,
    Cookies,
    Country,
    ExternalEnvironment,
    Field,
    JointUse,
    Link,
    Organization,
    Policy,
    Provision,
    Purpose,
    RecipientKind,
    RequestKind,
    Requests,
    Safety,
    Sources,
    Use,
    Website,
)
from hogo.policy.schema.handling_rules import handling_rules_section
from hogo.policy.schema.incidents import incidents_section
from hogo.policy.schema.notices import notices_parse
from hogo.policy.schema.operations import (
    category_identifier,
    channel_keys,
    channels_checked,
    identifiers_checked,
    records_section,
    staff_section,
)
from hogo.policy.schema.reader import Errors, PolicyError, Reader, join

FORMAT = 2
# Stored versions keep parsing: format 1 lacks the operational keys (schema/operations.py).
FORMAT_OLDEST = 1
ID_PATTERN = re.compile(r"[a-z][a-z0-9_-]*")
# A person may go to court two weeks after a request (APPI Art. 39), so no later deadline.
MAX_DEADLINE_DAYS = 14


class PolicyInvalid(InvalidInput):
    def __init__(self, errors: list[PolicyError]) -> None:
        super().__init__(f"the policy has {len(errors)} error(s)", code="policy_invalid")
        self.errors = errors


def policy_parse(text: str) -> Policy:
    """Parse and validate a policy file; raise PolicyInvalid naming every bad key path."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyInvalid([PolicyError(path="(syntax)", reason=f"invalid TOML: {exc}")]) from exc
    errors = Errors()
    policy = _policy(Reader(data, "", errors))
    errors.report_unknown_keys()
    if errors.found:
        raise PolicyInvalid(errors.found)
    return policy


def _policy(root: Reader) -> Policy:
    fmt = root.integer("format", what="policy file format", minimum=FORMAT_OLDEST, maximum=FORMAT)
    categories = _categories(root, fmt)
    purposes = _purposes(root, categories)
    channels = _channels(root, categories, purposes, fmt)
    notices = notices_parse(root, purposes, categories, channels)
    cookies = _cookies(root.table("cookies"))
    return Policy(
        format=fmt,
        organization=_organization(root.table("organization")),
        basic_policy=_basic_policy(root.table("basic_policy")),
        acquisition=_acquisition(root.table("acquisition")),
        sources=_sources(root.table("sources")),
        use=Use(principle=root.table("use").text("principle")),
        purposes=purposes,
        categories=categories,
        channels=channels,
        provision=_provision(root.table("provision")),
        safety=_safety(root.table("safety")),
        website=_website(root.table("website"), cookies),
        cookies=cookies,
        requests=_requests(root.table("requests")),
        complaints=_complaints(root.table("complaints")),
        notices=notices,
        staff=staff_section(root, purposes, fmt),
        records=records_section(root, purposes, channels, fmt),
        incidents=incidents_section(root),
        handling_rules=handling_rules_section(root),
    )


def _items(parent: Reader, key: str, kind: str, *, by_id: bool) -> Iterator[tuple[Reader, str]]:
    """Each table of an array with its id, reporting bad and duplicate ids.

    Paths name an element by its id (`purposes.<id>.retention_days`) when `by_id`
    and the id is usable, otherwise by its index (`channels.survey.fields.2.category`).
    """
    seen: dict[str, int] = {}
    for index, raw in parent.tables(key):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        usable = isinstance(raw_id, str) and ID_PATTERN.fullmatch(raw_id) and raw_id not in seen
        label: str | int = raw_id if by_id and usable and isinstance(raw_id, str) else index
        reader = Reader(raw, join(parent.at(key), label), parent.errors)
        ident = reader.string("id", what=f"{kind} id")
        if ident and not ID_PATTERN.fullmatch(ident):
            reader.error("id", "must start with a lowercase letter and use only a-z, 0-9, - and _")
        if ident in seen:
            first = join(parent.at(key), seen[ident])
            reader.error("id", f"duplicate {kind} id {ident!r} (first at {first})")
            continue
        seen[ident] = index
        yield reader, ident


def _categories(root: Reader, fmt: int) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for r, ident in _items(root, "categories", "category", by_id=True):
        special = r.boolean("special_care", default=False)
        basis = r.optional_string("basis", choices=SPECIAL_CARE_BASES)
        if special and basis is None:
            r.error("basis", 'required for a special-care category: "statutory" or "policy"')
        if not special and basis is not None:
            r.error("basis", "only special-care categories have a basis")
        if special and ident not in SPECIAL_CARE_IDS:
            allowed = ", ".join(sorted(SPECIAL_CARE_IDS))
            r.error("special_care", f"special-care categories are limited to: {allowed}")
        if not special and ident in SPECIAL_CARE_IDS:
            r.error("special_care", f"{ident!r} is special-care information: set it to true")
        categories[ident] = Category(
            id=ident,
            title=r.text("title"),
            special_care=special,
            basis=basis,
            description=r.optional_text("description"),
            identifier=category_identifier(r, ident, special, fmt),
        )
    for missing in sorted(SPECIAL_CARE_IDS - categories.keys()):
        root.error("categories", f"missing special-care category {missing!r}")
    identifiers_checked(root, categories)
    return categories


def _known(r: Reader, key: str, ids: tuple[str, ...], known: dict[str, object], what: str) -> None:
    for index, ident in enumerate(ids):
        if ident not in known:
            r.errors.add(join(r.at(key), index), f"unknown {what} {ident!r}")


def _purposes(root: Reader, categories: dict[str, Category]) -> dict[str, Purpose]:
    purposes: dict[str, Purpose] = {}
    related: list[tuple[Reader, Purpose]] = []
    for r, ident in _items(root, "purposes", "purpose", by_id=True):
        purpose = Purpose(
            id=ident,
            title=r.text("title"),
            description=r.text("description"),
            categories=r.strings("categories"),
            retention_days=r.integer(
                "retention_days", what="days to keep data for this purpose", minimum=1
            ),
            consent_required=r.boolean("consent_required", default=False),
            related_to=r.strings("related_to", required=False),
            context=r.optional_text("context"),
            marketing_mail=r.boolean("marketing_mail", default=False),
        )
        if not r.has("consent_required"):
            r.error("consent_required", "missing (true or false)")
        if r.has("categories") and not purpose.categories:
            r.error("categories", "must name at least one category")
        _known(r, "categories", purpose.categories, dict(categories), "category")
        purposes[ident] = purpose
        related.append((r, purpose))
    if not purposes and root.has("purposes"):
        root.error("purposes", "must declare at least one purpose")
    for r, purpose in related:
        _known(r, "related_to", purpose.related_to, dict(purposes), "purpose")
        if purpose.id in purpose.related_to:
            r.error("related_to", "a purpose cannot be related to itself")
    return purposes


def _channels(
    root: Reader, categories: dict[str, Category], purposes: dict[str, Purpose], fmt: int
) -> dict[str, Channel]:
    channels: dict[str, Channel] = {}
    for r, ident in _items(root, "channels", "channel", by_id=True):
        channel_purposes = r.strings("purposes")
        _known(r, "purposes", channel_purposes, dict(purposes), "purpose")
        if r.has("purposes") and not channel_purposes:
            r.error("purposes", "must name at least one purpose")
        allowed = {c for p in channel_purposes if p in purposes for c in purposes[p].categories}
        special_care_consent = r.boolean("special_care_consent", default=False)
        fields = tuple(
            _field(f, field_id, categories, allowed, special_care_consent)
            for f, field_id in _items(r, "fields", "field", by_id=False)
        )
        if r.has("fields") and not fields:
            r.error("fields", "must declare at least one field")
        public_form = r.boolean("public_form", default=True)
        follow_up, imported = channel_keys(r, fmt, public_form)
        channels[ident] = Channel(
            id=ident,
            title=r.text("title"),
            purposes=channel_purposes,
            fields=fields,
            special_care_consent=special_care_consent,
            public_form=public_form,
            follow_up=follow_up,
            imported=imported,
            notice=r.optional_string("notice"),
            confirmation_mail=_confirmation_mail(r, fields, public_form),
        )
    channels_checked(root, channels, categories)
    return channels


def _confirmation_mail(r: Reader, fields: tuple[Field, ...], public_form: bool) -> bool:
    """A receipt goes to the address typed into the channel's public form: without either,
    a `true` would promise a mail that is never sent."""
    wanted = r.boolean("confirmation_mail", default=False)
    if wanted and not public_form:
        r.error("confirmation_mail", "needs public_form = true (it follows a form submission)")
    elif wanted and r.has("fields") and not any(f.kind == "email" for f in fields):
        r.error("confirmation_mail", 'needs a field of kind = "email" to send the mail to')
    return wanted


def _field(
    r: Reader,
    ident: str,
    categories: dict[str, Category],
    allowed: set[str],
    special_care_consent: bool,
) -> Field:
    category = r.string("category", what="a category id")
    if category and category not in categories:
        r.error("category", f"unknown category {category!r}")
    elif category and allowed and category not in allowed:
        r.error("category", f"{category!r} is not allowed by any of the channel's purposes")
    elif category in categories and categories[category].special_care and not special_care_consent:
        r.error(
            "category", "special-care category needs special_care_consent = true on the channel"
        )
    required = r.boolean("required", default=True)
    if not r.has("required"):
        r.error("required", "missing (true or false)")
    if_omitted = r.optional_text("if_omitted")
    if not required and if_omitted is None:
        r.error(
            "if_omitted", "required for an optional field: say what happens if it is left empty"
        )
    kind = r.string("kind", what="a field kind", choices=FIELD_KINDS)
    choices = tuple(_choices(r))
    if kind in CHOICE_KINDS and not choices:
        r.error("choices", f"required for a {kind} field")
    if choices and kind not in CHOICE_KINDS:
        r.error("choices", f"only {' and '.join(CHOICE_KINDS)} fields have choices")
    return Field(
        id=ident,
        label=r.text("label"),
        category=category,
        required=required,
        if_omitted=if_omitted,
        free_text=r.boolean("free_text", default=False),
        kind=kind,
        choices=choices,
    )


def _choices(r: Reader) -> Iterator[Choice]:
    seen: set[str] = set()
    for index, raw in r.tables("choices", required=False):
        c = Reader(raw, join(r.at("choices"), index), r.errors)
        value = c.string("value", what="the submitted value")
        if value in seen:
            c.error("value", f"duplicate choice {value!r}")
        seen.add(value)
        yield Choice(value=value, label=c.text("label"))


def _organization(r: Reader) -> Organization:
    c = r.table("contact")
    contact = Contact(
        name=c.text("name"),
        address=c.text("address"),
        email=c.string("email", what="the desk's e-mail address"),
        phone=c.optional_string("phone") or "",
        hours=c.text("hours"),
    )
    if contact.email and "@" not in contact.email:
        c.error("email", "must be an e-mail address")
    return Organization(
        name=r.text("name"),
        address=r.text("address"),
        representative=r.text("representative"),
        website=r.string("website", what="the organization's website URL"),
        contact=contact,
    )


def _basic_policy(r: Reader) -> BasicPolicy:
    return BasicPolicy(introduction=r.text("introduction"), text=r.text("text"))


def _acquisition(r: Reader) -> Acquisition:
    return Acquisition(
        fair_means=r.text("fair_means"), notice=r.text("notice"), voluntary=r.text("voluntary")
    )


def _sources(r: Reader) -> Sources:
    return Sources(
        direct=r.text("direct"),
        purchased_directories=r.text("purchased_directories"),
        special_care=r.text("special_care"),
    )


def _provision(r: Reader) -> Provision:
    kinds: dict[str, RecipientKind] = {}
    for k, ident in _items(r, "recipient_kinds", "recipient kind", by_id=True):
        if ident not in RECIPIENT_KINDS:
            k.error("id", f"must be one of {', '.join(RECIPIENT_KINDS)}")
        kinds[ident] = RecipientKind(
            id=ident,
            clause=k.string("clause", what="the policy clause, e.g. 5.1"),
            title=k.text("title"),
            description=k.text("description"),
            requires_consent=k.boolean("requires_consent", default=True),
        )
    joint = r.optional_table("joint_use")
    joint_use = None
    if joint is not None:
        joint_use = JointUse(
            items=joint.text("items"),
            users=joint.text("users"),
            purposes=joint.text("purposes"),
            responsible=joint.text("responsible"),
        )
    if "joint_user" in kinds and joint_use is None:
        r.error(
            "joint_use",
            "required before joint users: announce items, users, purposes and "
            "the person responsible (APPI Art. 27(5)(iii))",
        )
    return Provision(
        principle=r.text("principle"),
        legal_exceptions=r.text("legal_exceptions"),
        recipient_kinds=kinds,
        joint_use=joint_use,
    )


def _safety(r: Reader) -> Safety:
    env = r.table("external_environment")
    countries = []
    for index, raw in env.tables("countries", required=False):
        c = Reader(raw, join(env.at("countries"), index), r.errors)
        countries.append(
            Country(name=c.text("name"), system=c.text("system"), measures=c.text("measures"))
        )
    return Safety(
        principle=r.text("principle"),
        prevention=r.text("prevention"),
        training=r.text("training"),
        outsourcing=r.text("outsourcing"),
        organizational=r.text("organizational"),
        human=r.text("human"),
        physical=r.text("physical"),
        technical=r.text("technical"),
        external_environment=ExternalEnvironment(
            statement=env.text("statement"), countries=tuple(countries)
        ),
    )


def _website(r: Reader, cookies: Cookies) -> Website:
    a = r.optional_table("analytics")
    analytics = None
    if a is not None:
        links = []
        for index, raw in a.tables("links", required=False):
            link = Reader(raw, join(a.at("links"), index), r.errors)
            links.append(Link(title=link.text("title"), url=link.string("url", what="a URL")))
        analytics = Analytics(
            provider=a.string("provider", what="the analytics provider's name"),
            cookie_category=a.string("cookie_category", what="a cookie category id"),
            text=a.text("text"),
            links=tuple(links),
        )
        if analytics.cookie_category and analytics.cookie_category not in cookies.categories:
            a.error("cookie_category", f"unknown cookie category {analytics.cookie_category!r}")
    return Website(
        ssl=r.text("ssl"),
        links=r.text("links"),
        ip_addresses=r.text("ip_addresses"),
        analytics=analytics,
    )


def _cookies(r: Reader) -> Cookies:
    categories: dict[str, CookieCategory] = {}
    for c, ident in _items(r, "categories", "cookie category", by_id=True):
        if ident not in COOKIE_CATEGORIES:
            c.error("id", f"must be one of {', '.join(COOKIE_CATEGORIES)}")
        required = c.boolean("required", default=False)
        if required != (ident == "necessary"):
            c.error("required", "only the necessary category is required; the rest need consent")
        categories[ident] = CookieCategory(
            id=ident, title=c.text("title"), description=c.text("description"), required=required
        )
    if r.has("categories") and "necessary" not in categories:
        r.error("categories", "missing the 'necessary' category")
    return Cookies(
        version=r.integer("version", what="raise it when this section changes", minimum=1),
        text=r.text("text"),
        categories=categories,
    )


def _requests(r: Reader) -> Requests:
    table = r.table("kinds")
    kinds: dict[str, RequestKind] = {}
    for ident in REQUEST_KINDS:
        k = table.table(ident)
        fee = k.integer("fee_jpy", what="fee in JPY, 0 if free", minimum=0)
        if ident in FREE_BY_LAW and fee:
            k.error("fee_jpy", "must be 0: APPI Art. 38 allows no fee for this request")
        methods: tuple[str, ...] = ()
        default = None
        if ident == "disclosure":
            methods = k.strings("delivery_methods")
            for index, method in enumerate(methods):
                if method not in DELIVERY_METHODS:
                    k.errors.add(
                        join(k.at("delivery_methods"), index),
                        f"must be one of {', '.join(DELIVERY_METHODS)}",
                    )
            default = k.string("default_delivery", what="the delivery method used unless asked")
            if default and default not in methods:
                k.error("default_delivery", "must be one of delivery_methods")
        kinds[ident] = RequestKind(
            id=ident,
            clause=k.string("clause", what="the policy clause, e.g. 7.1(a)"),
            title=k.text("title"),
            description=k.text("description"),
            fee_jpy=fee,
            delivery_methods=methods,
            default_delivery=default,
        )
    # How a fee is paid is a fact about the organization: required exactly when it charges one.
    fee_payment = r.optional_text("fee_payment")
    if fee_payment is None and any(kind.fee_jpy for kind in kinds.values()):
        r.error("fee_payment", "missing: a request kind has a fee, so say how it is paid")
    return Requests(
        deadline_days=r.integer(
            "deadline_days", what="days to answer a request", minimum=1, maximum=MAX_DEADLINE_DAYS
        ),
        how=r.text("how"),
        identity_verification=r.text("identity_verification"),
        agents=r.text("agents"),
        fee_payment=fee_payment,
        kinds=kinds,
    )


def _complaints(r: Reader) -> Complaints:
    return Complaints(
        text=r.text("text"), accredited_organization=r.optional_text("accredited_organization")
    )
