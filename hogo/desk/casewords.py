"""A case in words for the staff console and its exports: what the person asked, what each step
did, and which documents the desk checked. The codes and counts stored in a case (`details`,
`Step.result`, `verification_evidence`) become sentences in the staff member's language;
categories and purposes are named by the policy's titles."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import get_language, gettext, ngettext, pgettext

from hogo.desk.labels import EVIDENCE_TITLES, TOPIC_TEXTS
from hogo.desk.models import Case, CaseKind, Step, StepName, StepStatus
from hogo.policy.schema import Policy
from hogo.policy.wording import delivery_method, list_join, moment_shown
from hogo.policy.wording import fee as fee_shown


@dataclass(frozen=True)
class Asked:
    """What the person asked: one sentence per thing, and a message they wrote (complaints)."""

    lines: list[str]
    message: str = ""


def _lang() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def _category(policy: Policy, category: str) -> str:
    found = policy.categories.get(category)
    return found.title.get(_lang()) if found else category


def _purposes(policy: Policy, purposes: object) -> str:
    ids = purposes if isinstance(purposes, list | tuple) else []
    return list_join(
        (policy.purposes[p].title.get(_lang()) if p in policy.purposes else str(p)) for p in ids
    )


def asked_in_words(kind: str, details: Mapping[str, object], policy: Policy) -> Asked:
    match kind:
        case CaseKind.PURPOSE_NOTIFICATION:
            return Asked([gettext("Tell them the purposes for which their data is used.")])
        case CaseKind.DISCLOSURE:
            how = delivery_method(str(details.get("delivery", "")))
            return Asked(
                [gettext("Disclose all the data held about them, %(how)s.") % {"how": how}]
            )
        case CaseKind.CORRECTION:
            return Asked(_correction(details, policy))
        case CaseKind.SUSPENSION:
            return Asked(_suspension(details, policy))
        case CaseKind.COMPLAINT:
            topic = str(TOPIC_TEXTS.get(str(details.get("topic", "")), ""))
            return Asked(
                [gettext("Kind of inquiry: %(topic)s") % {"topic": topic}],
                message=str(details.get("text", "")),
            )
    return Asked([])


def _correction(details: Mapping[str, object], policy: Policy) -> list[str]:
    if details.get("delete_all"):
        return [gettext("Delete all the personal information held about them.")]
    lines = []
    changes = details.get("changes")
    for change in changes if isinstance(changes, list) else []:
        item = _category(policy, str(change.get("category", "")))
        if change.get("action") == "delete":
            lines.append(gettext("%(item)s: delete it.") % {"item": item})
        else:
            lines.append(
                gettext("%(item)s: correct or add it as “%(value)s”.")
                % {"item": item, "value": change.get("value", "")}
            )
    return lines


def _suspension(details: Mapping[str, object], policy: Policy) -> list[str]:
    lines = []
    if details.get("all_purposes"):
        lines.append(gettext("Stop all use of their data."))
    elif details.get("purposes"):
        lines.append(
            gettext("Stop the use of their data for: %(purposes)s.")
            % {"purposes": _purposes(policy, details.get("purposes"))}
        )
    if details.get("stop_provision"):
        lines.append(gettext("Stop providing their data to third parties."))
    if details.get("understood"):
        lines.append(gettext("They confirmed that they understand what will stop working."))
    return lines


def step_in_words(step: Step, policy: Policy) -> str:
    """What a step did or waits for, from its recorded result (counts and ids, no values)."""
    result = step.result
    text = _step_result(step.name, result, policy)
    if result.get("by_post"):
        posted = result.get("posted_at")
        text += " " + (
            gettext("Posted by the desk.")
            if posted
            else gettext("Waiting for the desk to send it by post.")
        )
    elif step.status == StepStatus.WAITING and result.get("mail"):
        text += " " + gettext("Waiting for the mail server to take the message.")
    elif step.status == StepStatus.WAITING and result.get("callback"):
        text += " " + gettext(
            "The system accepted the request: waiting for its signed answer, "
            "sent again at the next try if none comes."
        )
    elif step.status == StepStatus.FAILED and step.system and not step.retry_at:
        text += " " + gettext(
            "No more automatic attempts after repeated failures: "
            '"Retry failed steps and mail now" makes one more.'
        )
    return text.strip()


def _step_result(name: str, result: Mapping[str, object], policy: Policy) -> str:
    if result.get("held") is False:
        return gettext("Nothing is held about them: they are told so.")
    match name:
        case StepName.FEE:
            return _fee(result)
        case StepName.PURPOSES_ANSWER:
            return _purposes_answer(result, policy)
        case StepName.PACKAGE_BUILD:
            return _package(result)
        case StepName.PACKAGE_DELIVER | StepName.RESULT_NOTIFY | StepName.REFUSAL_NOTIFY:
            return _delivery(result)
        case StepName.CORRECTIONS_APPLY:
            return _corrections(result)
        case StepName.SUSPENSION_APPLY:
            return _suspension_result(result, policy)
        case StepName.REPLY:
            n = _int(result.get("replies"))
            return ngettext("%(n)s reply sent.", "%(n)s replies sent.", n) % {"n": n}
        case StepName.SYSTEM_FIND | StepName.SYSTEM_CORRECT | StepName.SYSTEM_SUSPEND:
            return _in_system(result)
    return ""


def _in_system(result: Mapping[str, object]) -> str:
    """A step in another system: what it found or changed, or the task it is for the desk."""
    if result.get("declared") is False:
        return gettext("The policy no longer declares this system: nothing to do there.")
    if result.get("done_at"):
        return gettext("Recorded as done by the desk.")
    if result.get("manual"):
        return gettext("A task by hand for the desk (shown above).")
    n = _int(result.get("rows"))
    if "verified" in result:
        if not result.get("verified"):
            return ""  # the error column says what did not read back
        return ngettext(
            "%(n)s row changed there and read back as changed.",
            "%(n)s rows changed there and read back as changed.",
            n,
        ) % {"n": n}
    if "rows" not in result:
        return ""
    if not n:
        return gettext("Nothing about them was found there.")
    return ngettext("%(n)s row found there.", "%(n)s rows found there.", n) % {"n": n}


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _fee(result: Mapping[str, object]) -> str:
    fee = fee_shown(_int(result.get("fee_jpy")))
    if "amount_jpy" in result:
        return gettext("Fee %(fee)s: %(paid)s received.") % {
            "fee": fee,
            "paid": fee_shown(_int(result.get("amount_jpy"))),
        }
    return gettext("Waiting for the fee of %(fee)s.") % {"fee": fee}


def _purposes_answer(result: Mapping[str, object], policy: Policy) -> str:
    n = _int(result.get("acquisitions"))
    if not n:
        return ""
    return ngettext(
        "The purposes of %(n)s acquisition record: %(purposes)s.",
        "The purposes of %(n)s acquisition records: %(purposes)s.",
        n,
    ) % {"n": n, "purposes": _purposes(policy, result.get("purposes"))}


def _package(result: Mapping[str, object]) -> str:
    if not result.get("package"):
        return ""
    n = _int(result.get("items"))
    return ngettext("Encrypted package of %(n)s item.", "Encrypted package of %(n)s items.", n) % {
        "n": n
    }


def _delivery(result: Mapping[str, object]) -> str:
    delivery = result.get("delivery")
    if delivery:
        return gettext("Delivered %(how)s.") % {"how": delivery_method(str(delivery))}
    if result.get("reason") or result.get("mail") or result.get("by_post"):
        return gettext("The answer is sent to the person.")
    return ""


def _corrections(result: Mapping[str, object]) -> str:
    if result.get("erased"):
        n = _int(result.get("deleted"))
        return ngettext(
            "All their data was erased (%(n)s item); the key was destroyed.",
            "All their data was erased (%(n)s items); the key was destroyed.",
            n,
        ) % {"n": n}
    return gettext("%(corrected)s corrected, %(added)s added, %(deleted)s deleted.") % {
        "corrected": _int(result.get("corrected")),
        "added": _int(result.get("added")),
        "deleted": _int(result.get("deleted")),
    }


def _suspension_result(result: Mapping[str, object], policy: Policy) -> str:
    lines = []
    if result.get("all_purposes"):
        lines.append(gettext("All use stopped."))
    elif result.get("purposes"):
        lines.append(
            gettext("Use stopped for: %(purposes)s.")
            % {"purposes": _purposes(policy, result.get("purposes"))}
        )
    if result.get("provision_stopped"):
        lines.append(gettext("Provision to third parties stopped."))
    return " ".join(lines)


@dataclass(frozen=True)
class EvidenceWords:
    """The identity check in words: how, with which document, through which agent."""

    method: str
    document: str = ""
    agent: str = ""
    authority_document: str = ""
    copies_destroyed: bool = False
    checked_by: str = ""


def evidence_in_words(case: Case, staff_names: Mapping[str, str]) -> EvidenceWords:
    """`staff_names` maps the audit log's `user:<id>` to a username."""
    found = case.verification_evidence or {}

    def title(key: str) -> str:
        code = str(found.get(key) or "")
        return str(EVIDENCE_TITLES.get(code, code))

    checked = str(found.get("checked_by") or "")
    return EvidenceWords(
        method=case.get_verification_method_display() or pgettext("console", "not yet"),
        document=title("document"),
        agent=title("agent"),
        authority_document=title("authority_document"),
        copies_destroyed=bool(found.get("copy_destroyed")),
        checked_by=staff_names.get(checked, checked),
    )


def moment(value: object) -> str:
    """A moment for the console, in the site's zone with the zone named; "" for none."""
    return moment_shown(value) if isinstance(value, datetime) else ""
