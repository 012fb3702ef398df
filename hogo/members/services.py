"""What a member does on the members' site (policy 4.2, 7.1): log in, reset the password by
mail, correct their data, stop or restart campaign mail, withdraw. Each write is a service of
the app that owns the data (collect's member account, the vault's correction, suspension and
erasure), which records its audit event; this module puts them together for the pages.

The members' area is an assembly like `api` and `console`, at the right end of the layering:
it uses collect's accounts, the vault, the desk's outbox and the console's login lockout."""

import dataclasses
from collections.abc import Mapping
from datetime import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hogo.collect.members import (
    RESET_HOURS,
    Member,
    member_authenticate,
    member_find,
    member_reset_token,
)
from hogo.collect.values import identifier_fields, values_clean
from hogo.console.selectors import login_locked_until
from hogo.console.services import login_failure_record, login_success_record
from hogo.desk.mail import MailKind, mail_queue
from hogo.errors import HogoError, InvalidInput
from hogo.policy.schema import FOLLOW_UP_MEMBER_ACCOUNT, Field, Policy
from hogo.vault.correction import Correction, CorrectionResult, items_correct
from hogo.vault.erasure import subject_erase
from hogo.vault.records import ErasureResult, SuspensionState
from hogo.vault.selectors import IdentifierKind
from hogo.vault.services import subject_suspend, subject_suspension_lift

ACTOR = "system:members"


class LoginFailed(HogoError):
    code = "login_failed"
    status = 200  # the login form again, with the reason


class LoginLocked(HogoError):
    code = "locked"
    status = 429

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__("too many failed attempts")


def member_actor(member: Member) -> str:
    """How the audit log names a member acting on their own data (as activation does)."""
    return f"subject:{member.subject.ref}"


def _lock_name(identifier: str) -> str:
    # The console's lockout counts staff usernames, which never contain ":", so a member's
    # counter can never be a staff user's (and the audit keeps only its hash).
    return "member:" + identifier.strip()


def member_login(*, identifier: str, password: str, network: str | None) -> Member:
    """The member, or LoginLocked / LoginFailed. The console's lockout rule: five failures for
    one identifier (or twenty from one network) in 15 minutes lock it for 15 minutes, even
    against the right password; the same wording whether or not the account exists."""
    name = _lock_name(identifier)
    until = login_locked_until(username=name, network=network)
    if until is not None:
        raise LoginLocked(until)
    member = member_authenticate(identifier=identifier, password=password)
    if member is None:
        until = login_failure_record(username=name, network=network)
        if until is not None:
            raise LoginLocked(until)
        raise LoginFailed("wrong identifier or password")
    login_success_record(username=name)
    return member


@transaction.atomic
def member_reset_request(*, email: str, lang: str, origin: str) -> bool:
    """Queues a reset link (the desk's outbox, on commit) if an active member registered this
    address; the caller shows the same page either way. Returns whether mail was queued."""
    member = member_find(identifier=email) if "@" in email else None
    if member is None:
        return False
    with translation.override(lang):
        path = reverse("members:reset", kwargs={"token": member_reset_token(member)})
    with translation.override(lang):
        text = render_to_string(
            "members/mail/reset.txt",
            {"hours": RESET_HOURS, "link": origin.rstrip("/") + path},
        )
    subject, _, body = text.partition("\n")
    # Addressed by the person's own typing, matched by blind index: nothing is decrypted. The
    # link is a secret, so the outbox forgets the body and the address once delivered.
    mail_queue(
        actor=ACTOR,
        subject=subject,
        body=body,
        kind=MailKind.CODE,
        to=email.strip(),
        forget_body=True,
    )
    return True


def correctable_fields(policy: Policy) -> list[Field]:
    """The fields of the member channel a member corrects directly: not the e-mail address (the
    login and where reset links go: a change is a desk request, whose review checks the new
    address) and never special-care information (it needs explicit consent)."""
    channel = policy.channel_following_up(FOLLOW_UP_MEMBER_ACCOUNT)
    if channel is None:
        return []
    special = policy.special_care_ids()
    return [
        f
        for f in channel.fields
        if f.category not in special and policy.identifier_kind(f.category) != IdentifierKind.EMAIL
    ]


def member_correct(
    *, member: Member, policy: Policy, values: Mapping[str, str], held: Mapping[str, str]
) -> CorrectionResult | None:
    """Corrects the changed fields through the vault (one audited write, all or nothing);
    None when nothing changed. FieldErrors (collect's per-field codes) for bad values."""
    fields = correctable_fields(policy)
    channel = policy.channel_following_up(FOLLOW_UP_MEMBER_ACCOUNT)
    if channel is None:
        return None
    narrowed = dataclasses.replace(channel, fields=tuple(fields))
    clean = values_clean(narrowed, values, identifier_fields(policy, narrowed))
    corrections = [
        Correction(category=f.category, value=clean[f.id])
        for f in fields
        if f.id in clean and clean[f.id] != held.get(f.category, "")
    ]
    if not corrections:
        return None
    return items_correct(
        actor=member_actor(member),
        subject_id=member.subject.ref,
        corrections=corrections,
        request_ref=member.ref,
    )


def invitation_purposes(policy: Policy) -> list[str]:
    """Ids of the purposes the policy marks `marketing_mail` (never a fixed id)."""
    return [p.id for p in policy.purposes.values() if p.marketing_mail]


def member_invitations_set(
    *, member: Member, policy: Policy, purpose: str, receive: bool
) -> SuspensionState:
    """Stops (suspends the use for) or restarts mail for one marketing purpose."""
    if purpose not in invitation_purposes(policy):
        raise InvalidInput("purpose: not a purpose that sends invitation mail")
    change = subject_suspension_lift if receive else subject_suspend
    return change(
        actor=member_actor(member),
        subject_id=member.subject.ref,
        purposes=[purpose],
        request_ref=member.ref,
    )


def member_withdraw(*, member: Member) -> ErasureResult:
    """Erases the person (crypto-shredding); the vault's closing hook closes the account in
    the erasure's own transaction."""
    return subject_erase(
        actor=member_actor(member), subject_id=member.subject.ref, request_ref=member.ref
    )
