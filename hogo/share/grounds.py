"""Whether a recipient may receive data at all, and on which ground: the request-level half
of the provision gate (`gate.py` does the per-subject half).

A ground is the recipient's basis with what it rests on: the outsourcing agreement in force,
the succession in effect or the published joint use covering the purpose and every item, and
whether each person's consent to provision abroad (Art. 28) is needed.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from hogo.errors import InvalidInput, Refused
from hogo.policy.schema import Policy
from hogo.share.exceptions import PROVISION_GROUND
from hogo.share.models import (
    BASIS_OF_KIND,
    Agreement,
    Basis,
    ForeignBasis,
    JointUse,
    Recipient,
    Succession,
)
from hogo.share.services import joint_use_announced, kind_in_policy
from hogo.vault.exceptions import Ground, explanation_checked, ground_checked

MEASURES_CHECK_DAYS = 365  # Rule 16 recipients are checked at least yearly


@dataclass(frozen=True)
class Grounds:
    basis: Basis
    foreign_consent: bool
    agreement: Agreement | None = None
    succession: Succession | None = None
    joint_use: JointUse | None = None
    exception: Ground | None = None  # basis STATUTORY: the Art. 27(1) ground cited
    explanation: str = ""


def statutory_grounds(basis: str | None, exception: str | None, explanation: str) -> Grounds | None:
    """The grounds of a provision under a statutory exception (Art. 27(1)): the cited ground
    and the explanation, both required; None for any other basis, which cites neither. No
    consent, no Art. 28 consent (Art. 28(1) excepts the same cases) and no stop of provision
    applies; the vault's purpose-bound access still decides what may be read."""
    if basis != Basis.STATUTORY:
        if exception is not None or explanation:
            raise InvalidInput(
                "exception: a statutory exception is cited only with basis statutory"
            )
        return None
    ground = ground_checked("exception", exception, PROVISION_GROUND)
    return Grounds(
        Basis.STATUTORY, False, exception=ground, explanation=explanation_checked(explanation)
    )


def basis_checked(recipient: Recipient, basis: str | None) -> Basis:
    expected = BASIS_OF_KIND[recipient.kind]
    if basis == Basis.OPT_OUT:
        raise Refused(
            "opt-out provision (APPI Art. 27(2)) is not used by this policy: provide with the "
            "person's consent, or to a contractor, successor or joint user",
            code="opt_out_not_used",
        )
    if basis is not None and basis != expected:
        if basis not in Basis.values:
            raise InvalidInput(f"basis: must be one of {', '.join(Basis.values)}")
        raise Refused(
            f"basis: recipient {recipient.ref} is a {recipient.kind}; its basis is {expected}",
            code="basis_mismatch",
        )
    return expected


def grounds_for(
    recipient: Recipient,
    basis: Basis,
    purpose: str,
    categories: list[str],
    policy: Policy,
    today: date,
) -> Grounds:
    kind_in_policy(recipient.kind, policy)
    foreign = foreign_consent_needed(recipient, today)
    special = set(categories) & policy.special_care_ids()
    if basis == Basis.OUTSOURCING:
        agreements = [a for a in recipient.agreements.order_by("-starts_on", "-pk")]
        in_force = [a for a in agreements if a.in_force(today)]
        if not in_force:
            raise Refused(
                f"no outsourcing agreement with {recipient.ref} is in force on {today}",
                code="no_agreement_in_force",
            )
        agreement = _covering(in_force, purpose, categories, special, "agreement")
        return Grounds(basis, foreign, agreement=agreement)
    if basis == Basis.SUCCESSION:
        effective = [
            s
            for s in recipient.successions.order_by("-effective_on", "-pk")
            if s.effective_on <= today
        ]
        if not effective:
            raise Refused(
                f"no succession to {recipient.ref} is in effect on {today}", code="no_succession"
            )
        succession = _covering(effective, purpose, categories, special, "succession")
        return Grounds(basis, foreign, succession=succession)
    if basis == Basis.JOINT_USE:
        missing = joint_use_announced(recipient, policy)
        if missing is not None:
            raise Refused(f"joint use is not published: {missing}", code="not_published")
        uses = [j for j in recipient.joint_uses.order_by("-starts_on", "-pk") if j.in_force(today)]
        if not uses:
            raise Refused(
                f"no joint use with {recipient.ref} is in force on {today}", code="not_published"
            )
        joint_use = _covering(uses, purpose, categories, special, "joint use")
        return Grounds(basis, foreign, joint_use=joint_use)
    return Grounds(basis, foreign)


def _covering[T: (Agreement, Succession, JointUse)](
    scopes: list[T], purpose: str, categories: list[str], special: set[str], what: str
) -> T:
    """The first scope (newest) covering the purpose and every category; else why not."""
    for_purpose = [s for s in scopes if purpose in s.purposes]
    if not for_purpose:
        raise Refused(
            f"purpose {purpose!r} is outside the {what} ({scopes[0].ref})",
            code=f"outside_{what.replace(' ', '_')}",
        )
    for scope in for_purpose:
        if set(categories) <= set(scope.categories):
            return scope
    outside = sorted(set(categories) - set(for_purpose[0].categories))
    if set(outside) & special:
        raise Refused(
            f"special-care items {', '.join(sorted(set(outside) & special))} have no basis: "
            f"the {what} ({for_purpose[0].ref}) does not include them",
            code="special_care_without_basis",
        )
    raise Refused(
        f"items {', '.join(outside)} are outside the {what} ({for_purpose[0].ref})",
        code=f"outside_{what.replace(' ', '_')}",
    )


def foreign_consent_needed(recipient: Recipient, today: date) -> bool:
    """Whether each person's Art. 28 consent is needed; refuses a recipient abroad whose
    position is not established."""
    if not recipient.abroad or recipient.foreign_basis == ForeignBasis.ADEQUATE_COUNTRY:
        return False
    if recipient.foreign_basis == ForeignBasis.EQUIVALENT_MEASURES:
        checked = recipient.measures_checked_on
        if not recipient.recipient_measures.strip() or checked is None:
            raise Refused(
                f"recipient {recipient.ref} is abroad under Rule 16: record its measures and "
                "their check first",
                code="art28_information_missing",
            )
        if checked < today - timedelta(days=MEASURES_CHECK_DAYS):
            raise Refused(
                f"recipient {recipient.ref}: its measures were last checked on {checked}; "
                "check them again (Rule 18)",
                code="measures_check_overdue",
            )
        return False
    if not (recipient.country_system.strip() and recipient.recipient_measures.strip()):
        raise Refused(
            f"recipient {recipient.ref} is abroad ({recipient.country}) without the Art. 28 "
            "information (the country's system and the recipient's measures) that people must "
            "see before they consent",
            code="art28_information_missing",
        )
    return True
