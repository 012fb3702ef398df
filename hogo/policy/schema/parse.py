"""`policy_parse`: TOML text -> `Policy`, or `PolicyInvalid` listing every problem found."""

import tomllib
from collections.abc import Iterator

from hogo.errors import InvalidInput
from hogo.policy.schema.detection import detection_section
from hogo.policy.schema.document import (
    CHOICE_KINDS,
    FIELD_KINDS,
    FORMAT,
    FORMAT_OLDEST,
    SPECIAL_CARE_BASES,
    SPECIAL_CARE_IDS,
    Category,
    Channel,
    Choice,
    Field,
    Policy,
    Purpose,
    Use,
)
from hogo.policy.schema.handling_rules import handling_rules_section
from hogo.policy.schema.incidents import (
    incidents_section,
    internal_review_section,
    outsourcing_section,
)
from hogo.policy.schema.notices import notices_parse
from hogo.policy.schema.operations import (
    category_identifier,
    channel_keys,
    channels_checked,
    identifiers_checked,
    records_section,
    staff_section,
)
from hogo.policy.schema.purposes import purposes_parse
from hogo.policy.schema.reader import Errors, PolicyError, Reader, items, join, known
from hogo.policy.schema.sections import (
    acquisition_section,
    basic_policy_section,
    complaints_section,
    cookies_section,
    organization_section,
    provision_section,
    requests_section,
    safety_section,
    sources_section,
    website_section,
)
from hogo.policy.schema.systems import systems_section


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
    purposes = purposes_parse(root, categories)
    channels = _channels(root, categories, purposes, fmt)
    notices = notices_parse(root, purposes, categories, channels)
    cookies = cookies_section(root.table("cookies"))
    return Policy(
        format=fmt,
        organization=organization_section(root.table("organization")),
        basic_policy=basic_policy_section(root.table("basic_policy")),
        acquisition=acquisition_section(root.table("acquisition")),
        sources=sources_section(root.table("sources")),
        use=Use(principle=root.table("use").text("principle")),
        purposes=purposes,
        categories=categories,
        channels=channels,
        provision=provision_section(root.table("provision")),
        safety=safety_section(root.table("safety")),
        website=website_section(root.table("website"), cookies),
        cookies=cookies,
        requests=requests_section(root.table("requests")),
        complaints=complaints_section(root.table("complaints")),
        notices=notices,
        staff=staff_section(root, purposes, fmt),
        records=records_section(root, purposes, channels, fmt),
        incidents=incidents_section(root),
        detection=detection_section(root),
        internal_review=internal_review_section(root),
        outsourcing=outsourcing_section(root),
        handling_rules=handling_rules_section(root),
        systems=systems_section(root, purposes, categories, _website_url(root)),
    )


def _website_url(root: Reader) -> str:
    organization = root.data.get("organization")
    website = organization.get("website") if isinstance(organization, dict) else None
    return website if isinstance(website, str) else ""


def _categories(root: Reader, fmt: int) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for r, ident in items(root, "categories", "category", by_id=True):
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
            policy_items=r.optional_text("policy_items"),
        )
        if r.has("policy_items") and not (special and basis == "statutory"):
            r.error(
                "policy_items", "only a statutory special-care category has items added by policy"
            )
    for missing in sorted(SPECIAL_CARE_IDS - categories.keys()):
        root.error("categories", f"missing special-care category {missing!r}")
    identifiers_checked(root, categories)
    return categories


def _channels(
    root: Reader, categories: dict[str, Category], purposes: dict[str, Purpose], fmt: int
) -> dict[str, Channel]:
    channels: dict[str, Channel] = {}
    for r, ident in items(root, "channels", "channel", by_id=True):
        channel_purposes = r.strings("purposes")
        known(r, "purposes", channel_purposes, dict(purposes), "purpose")
        if r.has("purposes") and not channel_purposes:
            r.error("purposes", "must name at least one purpose")
        allowed = {c for p in channel_purposes if p in purposes for c in purposes[p].categories}
        special_care_consent = r.boolean("special_care_consent", default=False)
        fields = tuple(
            _field(f, field_id, categories, allowed, special_care_consent)
            for f, field_id in items(r, "fields", "field", by_id=False)
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
