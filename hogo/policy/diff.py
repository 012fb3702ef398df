"""What changed between two policy versions, classified for APPI Art. 17(2) and 21(3).

A changed purpose must be published (Art. 21(3)); one that is not reasonably related to the
purposes people were told about, or one that may use more kinds of data, needs their consent
before data acquired earlier is used for it (Art. 17(2), 18(1)). Such entries carry
`needs_consent=True`. A cookie change also needs consent again: visitors are re-asked.
"""

from dataclasses import dataclass, fields, replace
from enum import StrEnum

from hogo.policy.schema import Channel, Field, Notice, NoticePurpose, Policy, Purpose


class ChangeKind(StrEnum):
    PURPOSE_ADDED = "purpose_added"
    PURPOSE_REMOVED = "purpose_removed"
    PURPOSE_REWORDED = "purpose_reworded"
    CATEGORIES_WIDENED = "categories_widened"
    CATEGORIES_NARROWED = "categories_narrowed"
    RETENTION_CHANGED = "retention_changed"
    CONSENT_REQUIRED_CHANGED = "consent_required_changed"
    CATEGORY_ADDED = "category_added"
    CATEGORY_REMOVED = "category_removed"
    CATEGORY_CHANGED = "category_changed"
    CHANNEL_ADDED = "channel_added"
    CHANNEL_REMOVED = "channel_removed"
    CHANNEL_CHANGED = "channel_changed"
    FIELD_ADDED = "field_added"
    FIELD_REMOVED = "field_removed"
    FIELD_CHANGED = "field_changed"
    RECIPIENT_KIND_ADDED = "recipient_kind_added"
    RECIPIENT_KIND_REMOVED = "recipient_kind_removed"
    COOKIES_CHANGED = "cookies_changed"
    NOTICE_ADDED = "notice_added"
    NOTICE_REMOVED = "notice_removed"
    NOTICE_REWORDED = "notice_reworded"
    NOTICE_PURPOSES_CHANGED = "notice_purposes_changed"
    ORGANIZATION_CHANGED = "organization_changed"
    SECTION_CHANGED = "section_changed"


@dataclass(frozen=True)
class PolicyChange:
    kind: ChangeKind
    key: str
    detail: str
    needs_consent: bool = False

    def __str__(self) -> str:
        flag = " [needs consent]" if self.needs_consent else ""
        return f"{self.kind}: {self.key}: {self.detail}{flag}"


# Sections compared as a whole; their wording is published but changes nothing enforced.
_TEXT_SECTIONS = ("basic_policy", "acquisition", "sources", "use", "safety", "website")


def policy_diff(old: Policy, new: Policy) -> list[PolicyChange]:
    """Every difference from `old` to `new` that a privacy officer must act on or publish."""
    changes = [*_purposes(old, new), *_categories(old, new), *_channels(old, new)]
    changes += _provision(old, new)
    changes += _notices(old, new)
    if old.cookies != new.cookies:
        changes.append(
            PolicyChange(
                ChangeKind.COOKIES_CHANGED,
                "cookies",
                f"cookie section changed (version {old.cookies.version} -> "
                f"{new.cookies.version}); visitors are asked again",
                needs_consent=True,
            )
        )
    for name in (f.name for f in fields(old.organization)):
        if getattr(old.organization, name) != getattr(new.organization, name):
            changes.append(
                PolicyChange(ChangeKind.ORGANIZATION_CHANGED, f"organization.{name}", "changed")
            )
    for section in (*_TEXT_SECTIONS, "requests", "complaints"):
        if getattr(old, section) != getattr(new, section):
            changes.append(PolicyChange(ChangeKind.SECTION_CHANGED, section, "wording changed"))
    # Who reads for which purpose, and how long case records are kept: enforced, not worded.
    for section in ("staff", "records"):
        if getattr(old, section) != getattr(new, section):
            changes.append(PolicyChange(ChangeKind.SECTION_CHANGED, section, "changed"))
    return changes


def _purposes(old: Policy, new: Policy) -> list[PolicyChange]:
    changes = []
    for pid in old.purposes.keys() - new.purposes.keys():
        changes.append(PolicyChange(ChangeKind.PURPOSE_REMOVED, f"purposes.{pid}", "removed"))
    for pid, purpose in new.purposes.items():
        if pid not in old.purposes:
            changes.append(_purpose_added(old, purpose))
        else:
            changes += _purpose_changed(old.purposes[pid], purpose)
    return sorted(changes, key=lambda c: c.key)


def _purpose_added(old: Policy, purpose: Purpose) -> PolicyChange:
    related = [p for p in purpose.related_to if p in old.purposes]
    if related:
        detail = f"added; reasonably related to {', '.join(related)}: publish the change"
    else:
        detail = "added; not related to any existing purpose: consent needed for earlier data"
    return PolicyChange(
        ChangeKind.PURPOSE_ADDED, f"purposes.{purpose.id}", detail, needs_consent=not related
    )


def _purpose_changed(old: Purpose, new: Purpose) -> list[PolicyChange]:
    key = f"purposes.{new.id}"
    changes = []
    reworded = [
        name
        for name in ("title", "description", "context")
        if getattr(old, name) != getattr(new, name)
    ]
    if reworded:
        changes.append(
            PolicyChange(ChangeKind.PURPOSE_REWORDED, key, f"{', '.join(reworded)} changed")
        )
    if added := sorted(set(new.categories) - set(old.categories)):
        changes.append(
            PolicyChange(
                ChangeKind.CATEGORIES_WIDENED,
                f"{key}.categories",
                "may now use " + ", ".join(added),
                needs_consent=True,
            )
        )
    if removed := sorted(set(old.categories) - set(new.categories)):
        changes.append(
            PolicyChange(
                ChangeKind.CATEGORIES_NARROWED,
                f"{key}.categories",
                "no longer uses " + ", ".join(removed),
            )
        )
    if old.retention_days != new.retention_days:
        changes.append(
            PolicyChange(
                ChangeKind.RETENTION_CHANGED,
                f"{key}.retention_days",
                f"{old.retention_days} -> {new.retention_days} days",
            )
        )
    if old.consent_required != new.consent_required:
        changes.append(
            PolicyChange(
                ChangeKind.CONSENT_REQUIRED_CHANGED,
                f"{key}.consent_required",
                f"{old.consent_required} -> {new.consent_required}",
                # Data acquired without consent may not be used once consent is required.
                needs_consent=new.consent_required,
            )
        )
    return changes


def _categories(old: Policy, new: Policy) -> list[PolicyChange]:
    changes = []
    for cid in sorted(old.categories.keys() - new.categories.keys()):
        changes.append(PolicyChange(ChangeKind.CATEGORY_REMOVED, f"categories.{cid}", "removed"))
    for cid, category in new.categories.items():
        before = old.categories.get(cid)
        if before is None:
            changes.append(PolicyChange(ChangeKind.CATEGORY_ADDED, f"categories.{cid}", "added"))
        elif before != category:
            what = [
                f.name
                for f in fields(category)
                if getattr(before, f.name) != getattr(category, f.name)
            ]
            changes.append(
                PolicyChange(
                    ChangeKind.CATEGORY_CHANGED, f"categories.{cid}", f"{', '.join(what)} changed"
                )
            )
    return changes


def _channels(old: Policy, new: Policy) -> list[PolicyChange]:
    changes = []
    for cid in sorted(old.channels.keys() - new.channels.keys()):
        changes.append(PolicyChange(ChangeKind.CHANNEL_REMOVED, f"channels.{cid}", "removed"))
    for cid, channel in new.channels.items():
        before = old.channels.get(cid)
        if before is None:
            changes.append(PolicyChange(ChangeKind.CHANNEL_ADDED, f"channels.{cid}", "added"))
        elif before != channel:
            changes += _channel_changed(before, channel)
    return changes


def _channel_changed(old: Channel, new: Channel) -> list[PolicyChange]:
    key = f"channels.{new.id}"
    changes = []
    what = [
        name
        for name in (
            "title",
            "purposes",
            "special_care_consent",
            "public_form",
            "follow_up",
            "imported",
            "notice",
            "confirmation_mail",
        )
        if getattr(old, name) != getattr(new, name)
    ]
    if what:
        changes.append(PolicyChange(ChangeKind.CHANNEL_CHANGED, key, f"{', '.join(what)} changed"))
    old_fields = {f.id: f for f in old.fields}
    new_fields = {f.id: f for f in new.fields}
    for fid in old_fields.keys() - new_fields.keys():
        changes.append(PolicyChange(ChangeKind.FIELD_REMOVED, f"{key}.fields.{fid}", "removed"))
    for fid, field in new_fields.items():
        if fid not in old_fields:
            changes.append(
                PolicyChange(
                    ChangeKind.FIELD_ADDED, f"{key}.fields.{fid}", f"added ({field.category})"
                )
            )
        elif old_fields[fid] != field:
            changes.append(_field_changed(key, old_fields[fid], field))
    return changes


def _field_changed(channel_key: str, old: Field, new: Field) -> PolicyChange:
    what = [f.name for f in fields(new) if getattr(old, f.name) != getattr(new, f.name)]
    detail = f"{', '.join(what)} changed"
    if old.category != new.category:
        detail += f" (category {old.category} -> {new.category})"
    return PolicyChange(ChangeKind.FIELD_CHANGED, f"{channel_key}.fields.{new.id}", detail)


def _provision(old: Policy, new: Policy) -> list[PolicyChange]:
    before, after = old.provision.recipient_kinds, new.provision.recipient_kinds
    changes = [
        PolicyChange(
            ChangeKind.RECIPIENT_KIND_ADDED,
            f"provision.recipient_kinds.{kind}",
            "added",
            # Joint use must be announced before data is acquired; earlier data needs consent.
            needs_consent=kind == "joint_user",
        )
        for kind in after
        if kind not in before
    ]
    changes += [
        PolicyChange(
            ChangeKind.RECIPIENT_KIND_REMOVED, f"provision.recipient_kinds.{kind}", "removed"
        )
        for kind in before
        if kind not in after
    ]
    kept = before.keys() & after.keys()
    reworded = any(before[kind] != after[kind] for kind in kept) or replace(
        old.provision, recipient_kinds={}
    ) != replace(new.provision, recipient_kinds={})
    if reworded:
        changes.append(PolicyChange(ChangeKind.SECTION_CHANGED, "provision", "wording changed"))
    return changes


def _notices(old: Policy, new: Policy) -> list[PolicyChange]:
    changes = [
        PolicyChange(ChangeKind.NOTICE_REMOVED, f"notices.{nid}", "removed")
        for nid in old.notices
        if nid not in new.notices
    ]
    for nid, notice in new.notices.items():
        before = old.notices.get(nid)
        if before is None:
            beyond = [p.id for p in notice.own_purposes.values() if p.beyond_main]
            detail = f"added (version {notice.version})"
            if beyond:
                detail += f"; {', '.join(beyond)} beyond the main purposes: consent needed"
            changes.append(
                PolicyChange(
                    ChangeKind.NOTICE_ADDED, f"notices.{nid}", detail, needs_consent=bool(beyond)
                )
            )
        elif before != notice:
            changes += _notice_changed(before, notice)
    return changes


def _notice_changed(old: Notice, new: Notice) -> list[PolicyChange]:
    key = f"notices.{new.id}"
    versions = f"(version {old.version} -> {new.version})"
    changes = []
    reworded = [
        name for name in ("kind", "title", "text") if getattr(old, name) != getattr(new, name)
    ]
    reworded += [
        f"own_purposes.{pid}"
        for pid, purpose in new.own_purposes.items()
        if pid in old.own_purposes
        and (purpose.title, purpose.description)
        != (old.own_purposes[pid].title, old.own_purposes[pid].description)
    ]
    if reworded:
        changes.append(
            PolicyChange(
                ChangeKind.NOTICE_REWORDED, key, f"{', '.join(reworded)} changed {versions}"
            )
        )
    what, needs_consent = _notice_purposes_changed(old, new)
    if what:
        changes.append(
            PolicyChange(
                ChangeKind.NOTICE_PURPOSES_CHANGED,
                f"{key}.purposes",
                f"{'; '.join(what)} {versions}",
                needs_consent=needs_consent,
            )
        )
    return changes


def _notice_purposes_changed(old: Notice, new: Notice) -> tuple[list[str], bool]:
    """What changed in a notice's purposes, and whether it needs consent: an own purpose that
    is new or newly beyond the main purposes, or one that may use more kinds of data."""
    what = []
    if added := [p for p in new.purposes if p not in old.purposes]:
        what.append("now names " + ", ".join(added))
    if removed := [p for p in old.purposes if p not in new.purposes]:
        what.append("no longer names " + ", ".join(removed))
    consent = False
    for pid in old.own_purposes.keys() - new.own_purposes.keys():
        what.append(f"own purpose {pid} removed")
    for pid, purpose in new.own_purposes.items():
        before = old.own_purposes.get(pid)
        if before is None:
            beyond = purpose.beyond_main
            what.append(
                f"own purpose {pid} added" + (" beyond the main purposes" if beyond else "")
            )
            consent = consent or beyond
            continue
        consent = _own_purpose_changed(before, purpose, what) or consent
    return what, consent


def _own_purpose_changed(old: NoticePurpose, new: NoticePurpose, what: list[str]) -> bool:
    consent = False
    if wider := sorted(set(new.categories) - set(old.categories)):
        what.append(f"own purpose {new.id} may now use {', '.join(wider)}")
        consent = True
    if narrower := sorted(set(old.categories) - set(new.categories)):
        what.append(f"own purpose {new.id} no longer uses {', '.join(narrower)}")
    if old.retention_days != new.retention_days:
        what.append(
            f"own purpose {new.id} retention {old.retention_days} -> {new.retention_days} days"
        )
    if old.related_to != new.related_to:
        what.append(f"own purpose {new.id} related_to changed")
        if new.beyond_main and not old.beyond_main:
            what[-1] += ": now beyond the main purposes"
            consent = True
    return consent
