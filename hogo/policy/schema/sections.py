"""The sections of mostly texts: organization, basic policy, acquisition, sources, provision,
safety, website, cookies, requests and complaints."""

from hogo.policy.schema.document import (
    COOKIE_CATEGORIES,
    DELIVERY_METHODS,
    FREE_BY_LAW,
    MAX_DEADLINE_DAYS,
    RECIPIENT_KINDS,
    REQUEST_KINDS,
    AcquisitionSection,
    Analytics,
    BasicPolicy,
    Complaints,
    Contact,
    CookieCategory,
    Cookies,
    Country,
    ExternalEnvironment,
    JointUseSection,
    Link,
    Organization,
    ProvisionSection,
    RecipientKindSection,
    RequestKind,
    Requests,
    Safety,
    Sources,
    Website,
)
from hogo.policy.schema.reader import Reader, items, join


def organization_section(r: Reader) -> Organization:
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


def basic_policy_section(r: Reader) -> BasicPolicy:
    return BasicPolicy(introduction=r.text("introduction"), text=r.text("text"))


def acquisition_section(r: Reader) -> AcquisitionSection:
    return AcquisitionSection(
        fair_means=r.text("fair_means"), notice=r.text("notice"), voluntary=r.text("voluntary")
    )


def sources_section(r: Reader) -> Sources:
    return Sources(
        direct=r.text("direct"),
        purchased_directories=r.text("purchased_directories"),
        special_care=r.text("special_care"),
    )


def provision_section(r: Reader) -> ProvisionSection:
    kinds: dict[str, RecipientKindSection] = {}
    for k, ident in items(r, "recipient_kinds", "recipient kind", by_id=True):
        if ident not in RECIPIENT_KINDS:
            k.error("id", f"must be one of {', '.join(RECIPIENT_KINDS)}")
        kinds[ident] = RecipientKindSection(
            id=ident,
            clause=k.string("clause", what="the policy clause, e.g. 5.1"),
            title=k.text("title"),
            description=k.text("description"),
            requires_consent=k.boolean("requires_consent", default=True),
        )
    joint = r.optional_table("joint_use")
    joint_use = None
    if joint is not None:
        joint_use = JointUseSection(
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
    return ProvisionSection(
        principle=r.text("principle"),
        legal_exceptions=r.text("legal_exceptions"),
        recipient_kinds=kinds,
        joint_use=joint_use,
    )


def safety_section(r: Reader) -> Safety:
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
            statement=env.text("statement"),
            countries=tuple(countries),
            storage_country=env.optional_text("storage_country"),
        ),
    )


def website_section(r: Reader, cookies: Cookies) -> Website:
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


def cookies_section(r: Reader) -> Cookies:
    categories: dict[str, CookieCategory] = {}
    for c, ident in items(r, "categories", "cookie category", by_id=True):
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


def requests_section(r: Reader) -> Requests:
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


def complaints_section(r: Reader) -> Complaints:
    return Complaints(
        text=r.text("text"), accredited_organization=r.optional_text("accredited_organization")
    )
