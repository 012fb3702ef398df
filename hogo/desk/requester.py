"""Who is asking, for the staff member handling the case: the address the person gave (the
case's own sealed note, opened for `request-handling`) and the name the vault holds for the
subject found under that address, opened through the vault's purpose-bound access with the
purpose the policy names for the desk's request records (`[records].request_cases`). Each
reading is audited by the vault under the staff member's id; nothing is opened for a role the
policy does not let state that purpose (auditors), and the page says why instead."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.translation import gettext

from hogo.desk.models import Case
from hogo.policy.selectors import policy_active
from hogo.roles import Role, has_role
from hogo.vault.access import subjects_access

VIA = "desk-case"


@dataclass(frozen=True)
class RequesterName:
    name: str = ""
    why_not: str = ""  # why no name is shown, in words


def purpose_stated_by(user: User) -> str | None:
    """The purpose of the desk's request records, if this user's role may state it."""
    policy = policy_active()
    purpose = policy.records.request_cases
    if not purpose or purpose not in policy.purposes:
        return None
    if has_role(user, Role.PRIVACY_OFFICER):
        return purpose
    for role, purposes in policy.staff.purposes.items():
        if role in Role.values and purpose in purposes and has_role(user, role):
            return purpose
    return None


def requester_name(*, case: Case, user: User, actor: str) -> RequesterName:
    """The name held for the case's subject (one audited read, name category only)."""
    if not case.subject_ref:
        return RequesterName(why_not=gettext("The vault holds nobody under this address."))
    purpose = purpose_stated_by(user)
    if purpose is None:
        return RequesterName(
            why_not=gettext("Your role may not read names for the desk's request records.")
        )
    category = policy_active().identifier_categories().get("name")
    if category is None:
        return RequesterName(why_not=gettext("The policy has no category for names."))
    result = subjects_access(
        actor=actor,
        purpose=purpose,
        subject_ids=[case.subject_ref],
        via=VIA,
        categories=[category],
    )
    name = result.items[0].identifiers.get("name", "") if result.items else ""
    if name:
        return RequesterName(name=name)
    if result.refused:
        return RequesterName(why_not=str(result.refused[0].reason.label))
    return RequesterName(why_not=gettext("No name is held for them."))
