"""What an irreversible desk action will do, in words, for the confirmation page: approving
(by kind: an erasure names whose data and in how many acquisition records), refusing (the
ground and what the person is told), recording a fee or a posted answer, and sending a reply.
Reading what was asked and the requester's name is audited like the case page's own reading."""

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.utils.translation import gettext

from hogo.desk.casewords import asked_in_words
from hogo.desk.content import case_text
from hogo.desk.labels import REFUSAL_TEXTS
from hogo.desk.models import Case, CaseKind, CaseRefusalReason
from hogo.desk.requester import requester_name
from hogo.policy.selectors import policy_active
from hogo.policy.wording import date_shown, delivery_method
from hogo.policy.wording import fee as fee_shown
from hogo.vault.lookup import acquisitions_for

VIA = "console-confirm"


def _who(case: Case, user: User, actor: str) -> str:
    name = requester_name(case=case, user=user, actor=actor).name
    return name or gettext("the requester of %(ref)s") % {"ref": case.ref}


def _answered(case: Case) -> str:
    if case.has_email:
        return gettext("The person is told the result by e-mail.")
    return gettext("The desk answers the person by post.")


def approve_consequences(*, case: Case, user: User, actor: str) -> list[str]:
    text = case_text(case, actor=actor, via=VIA, details=True)
    if text.disposed:
        return [gettext("What was asked was disposed of; nothing more can be done for it.")]
    if case.kind == CaseKind.COMPLAINT:
        return [
            gettext(
                "The case is closed once the replies are delivered; nothing more can be "
                "added to it."
            )
        ]
    who = _who(case, user, actor)
    details = text.details
    match case.kind:
        case CaseKind.PURPOSE_NOTIFICATION:
            lines = [
                gettext("The purposes of use of the data held about %(who)s are sent to them.")
                % {"who": who}
            ]
        case CaseKind.DISCLOSURE:
            how = delivery_method(str(details.get("delivery", "")))
            lines = [
                gettext(
                    "Everything held about %(who)s is put in an encrypted package and "
                    "delivered %(how)s. A disclosure cannot be taken back once delivered."
                )
                % {"who": who, "how": how}
            ]
        case CaseKind.CORRECTION:
            lines = _correction(case, details, who)
        case _:
            asked = asked_in_words(case.kind, details, policy_active()).lines
            lines = [gettext("For %(who)s:") % {"who": who}, *asked]
    return [*lines, _answered(case)]


def _correction(case: Case, details: Mapping[str, object], who: str) -> list[str]:
    if not case.subject_ref:
        return [gettext("Nothing is held under this address: nothing is changed.")]
    if details.get("delete_all"):
        records = len(acquisitions_for(subject_id=case.subject_ref))
        return [
            gettext(
                "The erasure of %(who)s's data in %(n)s acquisition records cannot be undone: "
                "the key that opens it is destroyed."
            )
            % {"who": who, "n": records}
        ]
    return [
        gettext(
            "These changes are made in the vault; a value replaced or deleted cannot be restored:"
        ),
        *asked_in_words(case.kind, details, policy_active()).lines,
    ]


def refuse_consequences(*, case: Case, reason: str) -> list[str]:
    ground = CaseRefusalReason(reason).label
    return [
        gettext("Request %(ref)s is refused on this ground: %(ground)s.")
        % {"ref": case.ref, "ground": ground},
        gettext("The person is told: “%(text)s”") % {"text": REFUSAL_TEXTS[reason]},
        gettext("A refused request cannot be reopened."),
    ]


def fee_consequences(*, amount: int, received_on: object) -> list[str]:
    return [
        gettext("You record that %(amount)s arrived on %(day)s.")
        % {"amount": fee_shown(amount), "day": date_shown(received_on)},  # type: ignore[arg-type]
        gettext("The deadline runs from that day. The record cannot be changed afterwards."),
    ]


def posted_consequences() -> list[str]:
    return [
        gettext("You record that the answer was sent by post today."),
        gettext("The step is then done, and the request may close; this cannot be undone."),
    ]


def reply_consequences(*, case: Case) -> list[str]:
    return [
        gettext("This reply is e-mailed to the person of %(ref)s and cannot be recalled.")
        % {"ref": case.ref},
    ]
