"""The ledger (個人情報管理台帳) as plain values: four views of one register, each row in the
active language, built from the policy and the live facts other apps' selectors report.

Nothing here reads the database: `selectors.ledger_register` gathers the facts, and the page
and the workbook render what `register_build` returns.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hogo.ledger.systems import LedgerSystem
from hogo.policy.schema import Channel, Policy
from hogo.policy.wording import colon, list_join, parenthesized, retention_period, retention_text
from hogo.share.selectors import RecipientScope
from hogo.vault.records import Holding

ROLES: dict[str, Promise] = {
    "privacy_officer": gettext_lazy("Privacy officer"),
    "desk_operator": gettext_lazy("Desk operator"),
    "marketing_user": gettext_lazy("Marketing user"),
    "auditor": gettext_lazy("Auditor"),
}
RECIPIENT_KINDS: dict[str, Promise] = {
    "third_party_with_consent": gettext_lazy("third party (with the person's consent)"),
    "outsourcing_contractor": gettext_lazy("outsourcing contractor"),
    "successor": gettext_lazy("successor (succession of business)"),
    "joint_user": gettext_lazy("joint user"),
}
VIA: dict[str, Promise] = {
    "agreement": gettext_lazy("outsourcing agreement in force"),
    "succession": gettext_lazy("succession of business"),
    "joint_use": gettext_lazy("joint use in force"),
    "provision": gettext_lazy("provisions made"),
}


@dataclass(frozen=True)
class Filters:
    """The page's and the workbook's filters: policy ids, or None for all."""

    purpose: str | None = None
    category: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class LedgerFacts:
    """What other apps report today: the vault's counts and readers, share's recipients."""

    pairs: dict[tuple[str, str], Holding]
    purposes: dict[str, int]
    categories: dict[str, Holding]
    channels: dict[str, Holding]
    readers: dict[str, tuple[str, ...]]
    scopes: list[RecipientScope]
    systems: list[LedgerSystem]


@dataclass(frozen=True)
class Storage:
    """The storage location of a row: the countries of the systems that hold it."""

    countries: tuple[str, ...]
    unstated: bool  # a system's country is not stated by the policy: shown as a placeholder


@dataclass(frozen=True)
class PurposeRow:
    purpose_id: str
    purpose: str
    category_id: str
    category: str
    special_care: bool
    channels: tuple[str, ...]
    systems: tuple[str, ...]
    storage: Storage
    recipients: tuple[str, ...]
    retention: str
    roles: tuple[str, ...]
    people: int
    items: int


@dataclass(frozen=True)
class CategoryRow:
    category_id: str
    category: str
    special_care: bool
    purposes: tuple[str, ...]
    channels: tuple[str, ...]
    systems: tuple[str, ...]
    storage: Storage
    recipients: tuple[str, ...]
    retention: str
    roles: tuple[str, ...]
    people: int
    items: int


@dataclass(frozen=True)
class ChannelRow:
    channel_id: str
    channel: str
    how: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    people: int
    items: int


@dataclass(frozen=True)
class RecipientRow:
    name: str
    kind: str
    country: str
    via: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Register:
    generated_at: datetime
    policy_version: int | None
    by_purpose: list[PurposeRow]
    by_category: list[CategoryRow]
    by_channel: list[ChannelRow]
    recipients: list[RecipientRow]
    measures: list[tuple[str, str]]
    people: dict[str, int] = field(default_factory=dict)  # purpose title -> people held

    @property
    def storage_unstated(self) -> bool:
        rows: Iterable[PurposeRow | CategoryRow] = [*self.by_purpose, *self.by_category]
        return any(row.storage.unstated for row in rows)


def safety_measures_words() -> str:
    """A register row's safety measures: the policy states them for all personal data."""
    return _("Organizational, human, physical and technical measures (see “Safety measures”)")


def unstated_country() -> str:
    return _("[TO BE ENTERED: the country where the data is kept]")


def collects(channel: Channel, purpose: str, category: str, special_care: bool) -> bool:
    """Whether a channel collects the category for the purpose: a field of it, or (special-care
    information) a free-text field on a channel that takes explicit consent."""
    if purpose not in channel.purposes:
        return False
    if any(f.category == category for f in channel.fields):
        return True
    return (
        special_care and channel.special_care_consent and any(f.free_text for f in channel.fields)
    )


def _storage(systems: list[LedgerSystem], lang: str) -> Storage:
    countries: list[str] = []
    unstated = False
    for system in systems:
        if system.country is None:
            unstated = True
            name = unstated_country()
        else:
            name = system.country.get(lang)
        if name not in countries:
            countries.append(name)
    return Storage(tuple(countries), unstated)


def _recipients(
    scopes: list[RecipientScope], purposes: set[str], category: str, lang: str
) -> tuple[str, ...]:
    names: list[str] = []
    for scope in scopes:
        if category in scope.categories and scope.purposes & purposes:
            name = scope.name + parenthesized(str(RECIPIENT_KINDS[scope.kind]), lang)
            if name not in names:
                names.append(name)
    return tuple(names)


def _roles(readers: dict[str, tuple[str, ...]], purposes: Iterable[str]) -> tuple[str, ...]:
    held = {role for purpose in purposes for role in readers.get(purpose, ())}
    return tuple(str(label) for role, label in ROLES.items() if role in held)


def purpose_rows(
    policy: Policy, facts: LedgerFacts, lang: str, filters: Filters
) -> list[PurposeRow]:
    rows = []
    for purpose in policy.purposes.values():
        if filters.purpose not in (None, purpose.id):
            continue
        for category_id in purpose.categories:
            category = policy.categories[category_id]
            channels = [
                c
                for c in policy.channels.values()
                if collects(c, purpose.id, category_id, category.special_care)
            ]
            if filters.category not in (None, category_id) or (
                filters.channel is not None and filters.channel not in {c.id for c in channels}
            ):
                continue
            systems = [s for s in facts.systems if s.holds(purpose.id, category_id)]
            held = facts.pairs.get((purpose.id, category_id), Holding())
            rows.append(
                PurposeRow(
                    purpose_id=purpose.id,
                    purpose=purpose.title.get(lang),
                    category_id=category_id,
                    category=category.title.get(lang),
                    special_care=category.special_care,
                    channels=tuple(c.title.get(lang) for c in channels),
                    systems=tuple(s.title for s in systems),
                    storage=_storage(systems, lang),
                    recipients=_recipients(facts.scopes, {purpose.id}, category_id, lang),
                    retention=retention_text(purpose.retention_days, lang),
                    roles=_roles(facts.readers, [purpose.id]),
                    people=held.people,
                    items=held.items,
                )
            )
    return rows


def category_rows(
    policy: Policy, facts: LedgerFacts, lang: str, filters: Filters
) -> list[CategoryRow]:
    rows = []
    for category in policy.categories.values():
        purposes = [p for p in policy.purposes.values() if category.id in p.categories]
        channels = [
            c
            for c in policy.channels.values()
            if any(collects(c, p.id, category.id, category.special_care) for p in purposes)
        ]
        if (
            filters.category not in (None, category.id)
            or (filters.purpose is not None and filters.purpose not in {p.id for p in purposes})
            or (filters.channel is not None and filters.channel not in {c.id for c in channels})
        ):
            continue
        held = facts.categories.get(category.id, Holding())
        # A category no purpose names and nobody holds is in no system.
        systems = [
            s for s in facts.systems if s.holds(None, category.id) and (purposes or held.items)
        ]
        periods = sorted({p.retention_days for p in purposes})
        rows.append(
            CategoryRow(
                category_id=category.id,
                category=category.title.get(lang),
                special_care=category.special_care,
                purposes=tuple(p.title.get(lang) for p in purposes),
                channels=tuple(c.title.get(lang) for c in channels),
                systems=tuple(s.title for s in systems),
                storage=_storage(systems, lang),
                recipients=_recipients(facts.scopes, {p.id for p in purposes}, category.id, lang),
                retention=list_join((retention_period(d, lang) for d in periods), lang),
                roles=_roles(facts.readers, [p.id for p in purposes]),
                people=held.people,
                items=held.items,
            )
        )
    return rows


def _channel_how(channel: Channel) -> str:
    if channel.imported:
        return _("purchased directories, imported")
    if channel.public_form:
        return _("form on the website")
    return _("entered by staff or through the API")


def channel_rows(
    policy: Policy, facts: LedgerFacts, lang: str, filters: Filters
) -> list[ChannelRow]:
    rows = []
    for channel in policy.channels.values():
        categories = list(dict.fromkeys(f.category for f in channel.fields))
        if (
            filters.channel not in (None, channel.id)
            or (filters.purpose is not None and filters.purpose not in channel.purposes)
            or (filters.category is not None and filters.category not in categories)
        ):
            continue
        held = facts.channels.get(channel.id, Holding())
        rows.append(
            ChannelRow(
                channel_id=channel.id,
                channel=channel.title.get(lang),
                how=_channel_how(channel),
                purposes=tuple(policy.purposes[p].title.get(lang) for p in channel.purposes),
                categories=tuple(policy.categories[c].title.get(lang) for c in categories),
                people=held.people,
                items=held.items,
            )
        )
    return rows


def recipient_rows(
    policy: Policy, facts: LedgerFacts, lang: str, filters: Filters
) -> list[RecipientRow]:
    rows = []
    for scope in facts.scopes:
        if (filters.purpose is not None and filters.purpose not in scope.purposes) or (
            filters.category is not None and filters.category not in scope.categories
        ):
            continue
        rows.append(
            RecipientRow(
                name=scope.name,
                kind=str(RECIPIENT_KINDS[scope.kind]),
                country=scope.country,
                via=str(VIA[scope.via]),
                purposes=tuple(
                    policy.purposes[p].title.get(lang) if p in policy.purposes else p
                    for p in sorted(scope.purposes)
                ),
                categories=tuple(
                    policy.categories[c].title.get(lang) if c in policy.categories else c
                    for c in sorted(scope.categories)
                ),
            )
        )
    return rows


def measures(policy: Policy, lang: str) -> list[tuple[str, str]]:
    """The safety measures as the policy states them (APPI Art. 23, 32)."""
    safety = policy.safety
    env = safety.external_environment
    abroad = [
        f"{c.name.get(lang)}{colon(lang)}{c.system.get(lang)} {c.measures.get(lang)}"
        for c in env.countries
    ]
    return [
        (_("Organizational measures"), safety.organizational.get(lang)),
        (_("Human measures"), safety.human.get(lang)),
        (_("Physical measures"), safety.physical.get(lang)),
        (_("Technical measures"), safety.technical.get(lang)),
        (
            _("Understanding the external environment"),
            "\n".join([env.statement.get(lang), *abroad]),
        ),
    ]


def register_build(
    *, policy: Policy, facts: LedgerFacts, lang: str, filters: Filters, now: datetime
) -> Register:
    return Register(
        generated_at=now,
        policy_version=policy.version,
        by_purpose=purpose_rows(policy, facts, lang, filters),
        by_category=category_rows(policy, facts, lang, filters),
        by_channel=channel_rows(policy, facts, lang, filters),
        recipients=recipient_rows(policy, facts, lang, filters),
        measures=measures(policy, lang),
        people={
            p.title.get(lang): facts.purposes.get(p.id, 0)
            for p in policy.purposes.values()
            if filters.purpose in (None, p.id)
        },
    )
