"""What a person asks for in each kind of request, as typed values (sealed as a vault note of
the case, content.py).

`details_parse` checks raw input (a form's cleaned data or an API body) against the active
policy and names the offending field on error; `details_read` reads stored details back.
"""

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal, cast

from hogo.desk.models import CaseKind
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy

MAX_TEXT = 5000
MAX_VALUE = 1000
MAX_CHANGES = 20
CHANGE_ACTIONS = ("set", "delete")  # set: correct the value, or add it when not held
TOPICS = ("question", "complaint", "consultation")
# What a person cannot change through a correction: the category holding this identifier kind
# (the policy's `identifier = "member_number"`) is how we find and verify them, given by the
# organization rather than by the person.
NOT_CORRECTABLE_KINDS = frozenset({"member_number"})


@dataclass(frozen=True)
class NoDetails:
    pass


@dataclass(frozen=True)
class DisclosureDetails:
    delivery: str  # a delivery method of the policy (email_attachment, download, postal_mail)


@dataclass(frozen=True)
class Change:
    category: str
    action: Literal["set", "delete"]
    value: str = ""


@dataclass(frozen=True)
class CorrectionDetails:
    changes: tuple[Change, ...] = ()
    delete_all: bool = False


@dataclass(frozen=True)
class SuspensionDetails:
    all_purposes: bool
    purposes: tuple[str, ...]
    stop_provision: bool
    understood: bool  # the person confirmed they understand what stops working (7.1(d))


@dataclass(frozen=True)
class ComplaintDetails:
    topic: Literal["question", "complaint", "consultation"]
    text: str


Details = NoDetails | DisclosureDetails | CorrectionDetails | SuspensionDetails | ComplaintDetails


def correctable_categories(policy: Policy) -> list[str]:
    return [
        c.id
        for c in policy.categories.values()
        if not c.special_care and c.identifier not in NOT_CORRECTABLE_KINDS
    ]


def details_parse(kind: str, raw: Mapping[str, object], policy: Policy) -> Details:
    match kind:
        case CaseKind.PURPOSE_NOTIFICATION:
            return NoDetails()
        case CaseKind.DISCLOSURE:
            return _disclosure(raw, policy)
        case CaseKind.CORRECTION:
            return _correction(raw, policy)
        case CaseKind.SUSPENSION:
            return _suspension(raw, policy)
        case CaseKind.COMPLAINT:
            return _complaint(raw)
    raise InvalidInput(f"kind: must be one of {', '.join(CaseKind.values)}")


def details_json(details: Details) -> dict[str, object]:
    return asdict(details)


def details_read(kind: str, raw: Mapping[str, object]) -> Details:
    """A case's stored details (already checked when the case was created)."""
    match kind:
        case CaseKind.DISCLOSURE:
            return DisclosureDetails(delivery=str(raw["delivery"]))
        case CaseKind.CORRECTION:
            changes = cast(list[dict[str, str]], raw.get("changes", []))
            return CorrectionDetails(
                changes=tuple(
                    Change(c["category"], cast(Literal["set", "delete"], c["action"]), c["value"])
                    for c in changes
                ),
                delete_all=bool(raw.get("delete_all")),
            )
        case CaseKind.SUSPENSION:
            return SuspensionDetails(
                all_purposes=bool(raw["all_purposes"]),
                purposes=tuple(cast(list[str], raw["purposes"])),
                stop_provision=bool(raw["stop_provision"]),
                understood=bool(raw["understood"]),
            )
        case CaseKind.COMPLAINT:
            topic = cast(Literal["question", "complaint", "consultation"], raw["topic"])
            return ComplaintDetails(topic=topic, text=str(raw.get("text", "")))
    return NoDetails()


def _disclosure(raw: Mapping[str, object], policy: Policy) -> DisclosureDetails:
    kind = policy.requests.kinds.get(CaseKind.DISCLOSURE)
    methods = kind.delivery_methods if kind else ()
    delivery = raw.get("delivery") or policy.requests.disclosure_default_delivery
    if delivery not in methods:
        raise InvalidInput(f"delivery: must be one of {', '.join(methods)}")
    return DisclosureDetails(delivery=str(delivery))


def _correction(raw: Mapping[str, object], policy: Policy) -> CorrectionDetails:
    delete_all = raw.get("delete_all", False)
    if not isinstance(delete_all, bool):
        raise InvalidInput("delete_all: must be true or false")
    items = raw.get("changes") or []
    if not isinstance(items, Sequence) or isinstance(items, str) or len(items) > MAX_CHANGES:
        raise InvalidInput(f"changes: give a list of at most {MAX_CHANGES} changes")
    allowed = correctable_categories(policy)
    changes: list[Change] = []
    for index, item in enumerate(items):
        path = f"changes[{index}]"
        if not isinstance(item, Mapping):
            raise InvalidInput(f"{path}: must be an object with category, action and value")
        category, action, value = item.get("category"), item.get("action"), item.get("value", "")
        if category not in allowed:
            raise InvalidInput(f"{path}.category: must be one of {', '.join(allowed)}")
        if action not in CHANGE_ACTIONS:
            raise InvalidInput(f"{path}.action: must be set or delete")
        if not isinstance(value, str) or len(value) > MAX_VALUE:
            raise InvalidInput(f"{path}.value: must be text of at most {MAX_VALUE} characters")
        if action == "set" and not value.strip():
            raise InvalidInput(f"{path}.value: give the correct value")
        changes.append(Change(str(category), action, value.strip() if action == "set" else ""))
    if len({c.category for c in changes}) != len(changes):
        raise InvalidInput("changes: name each category once")
    if delete_all and changes:
        raise InvalidInput("changes: leave them out when asking to delete all data")
    if not delete_all and not changes:
        raise InvalidInput("changes: say what to correct, add or delete (or delete all)")
    return CorrectionDetails(changes=tuple(changes), delete_all=delete_all)


def _suspension(raw: Mapping[str, object], policy: Policy) -> SuspensionDetails:
    all_purposes = raw.get("all_purposes", False)
    stop_provision = raw.get("stop_provision", False)
    understood = raw.get("understood", False)
    purposes = raw.get("purposes") or []
    if not all(isinstance(x, bool) for x in (all_purposes, stop_provision, understood)):
        raise InvalidInput("all_purposes, stop_provision, understood: must be true or false")
    if not isinstance(purposes, Sequence) or isinstance(purposes, str):
        raise InvalidInput("purposes: must be a list of purpose ids")
    for purpose in purposes:
        if purpose not in policy.purposes:
            raise InvalidInput("purposes: each must be a purpose id of the active policy")
    if all_purposes and purposes:
        raise InvalidInput("purposes: leave them out when suspending all use")
    if not (all_purposes or purposes or stop_provision):
        raise InvalidInput("say what to stop: all use, use for some purposes, or provision")
    if understood is not True:
        raise InvalidInput(
            "understood: confirm that you understand what will stop working", code="not_understood"
        )
    return SuspensionDetails(
        all_purposes=bool(all_purposes),
        purposes=tuple(dict.fromkeys(str(p) for p in purposes)),
        stop_provision=bool(stop_provision),
        understood=True,
    )


def _complaint(raw: Mapping[str, object]) -> ComplaintDetails:
    topic, text = raw.get("topic"), raw.get("text")
    if topic not in TOPICS:
        raise InvalidInput(f"topic: must be one of {', '.join(TOPICS)}")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
        raise InvalidInput(f"text: must be text of 1 to {MAX_TEXT} characters")
    return ComplaintDetails(
        topic=cast(Literal["question", "complaint", "consultation"], topic), text=text.strip()
    )
