"""Member accounts of the members-only site (policy 4.2). They are not Django users, so no
permission, group or staff flag can ever reach them; the person sets a password through a
link sent to the registered address, and may reset it through a signed link (the members'
area in `hogo.members` sends it). When the vault closes the person (erasure, disposal), the
account is closed with it: number, password hash and links are gone."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from hogo.audit.services import audit_record

# The account row these functions return, which the members' site holds as the signed-in
# member and names in its type hints; its queries stay here.
from hogo.collect.models import Member as Member
from hogo.collect.models import MemberStatus
from hogo.errors import InvalidInput, NotFound
from hogo.rows import rows_update
from hogo.vault.lookup import subject_find
from hogo.vault.selectors import Subject

logger = logging.getLogger(__name__)
ACTIVATION_DAYS = 3
RESET_HOURS = 2
_RESET_SALT = "hogo.collect.member-reset"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _member_number_new() -> str:
    return "M" + "".join(secrets.choice("0123456789") for _ in range(9))


def member_register(*, subject: Subject, email: str, lang: str, origin: str) -> Member:
    """The subject's member account, made if new, and (unless already active) an e-mail with a
    fresh link to set the password, sent once the caller's transaction commits."""
    member = Member.objects.select_for_update().filter(subject=subject).first()
    if member is None:
        for _ in range(5):
            try:
                with transaction.atomic():
                    member = Member.objects.create(
                        subject=subject, member_number=_member_number_new()
                    )
                break
            except IntegrityError:
                continue  # a member number already taken; draw again
        if member is None:
            raise RuntimeError("could not draw a free member number")
    if member.status == MemberStatus.ACTIVE:
        return member
    token = secrets.token_urlsafe(32)
    member.status = MemberStatus.PENDING
    member.activation_digest = _digest(token)
    member.activation_expires_at = timezone.now() + timedelta(days=ACTIVATION_DAYS)
    member.save()
    with translation.override(lang):
        link = origin.rstrip("/") + reverse("collect:activate", kwargs={"token": token})
    ref = member.ref
    transaction.on_commit(lambda: _activation_send(email=email, lang=lang, link=link, ref=ref))
    return member


def _activation_send(*, email: str, lang: str, link: str, ref: str) -> None:
    with translation.override(lang):
        text = render_to_string(
            "collect/mail/activation.txt", {"days": ACTIVATION_DAYS, "link": link}
        )
    subject, _, body = text.partition("\n")
    try:
        send_mail(subject, body, None, [email])
    except Exception:
        # Not the exception itself: SMTP errors quote the recipient's address.
        logger.error("activation e-mail for member %s could not be sent", ref)


def member_for_token(*, token: str) -> Member:
    member = Member.objects.filter(
        activation_digest=_digest(token),
        status=MemberStatus.PENDING,
        activation_expires_at__gt=timezone.now(),
    ).first()
    if member is None:
        raise NotFound("this activation link is invalid or has expired")
    return member


@transaction.atomic
def member_activate(*, token: str, password: str) -> Member:
    """Sets the member's password from the e-mailed link; the link then stops working."""
    member = member_for_token(token=token)
    try:
        validate_password(password)
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), code="weak_password") from exc
    member = Member.objects.select_for_update().get(pk=member.pk)
    member.password = make_password(password)
    member.status = MemberStatus.ACTIVE
    member.activation_digest = ""
    member.activation_expires_at = None
    member.activated_at = timezone.now()
    member.save()
    audit_record(
        actor=f"subject:{member.subject.ref}",
        action="collect.member.activate",
        subjects=[member.subject.ref],
        detail={"member": member.ref},
    )
    return member


def member_close(subject: Subject) -> None:
    """The vault's `subject_closed_hook` (registered in `CollectConfig.ready`): the person is
    erased or disposed of, so the account goes too, in the same transaction. The row stays as
    the record that an account existed (its ref), with nothing that could sign in."""
    rows_update(
        Member,
        where={"subject_id": subject.pk},
        unless={"status": MemberStatus.CLOSED},
        values={
            "status": MemberStatus.CLOSED,
            "member_number": None,
            "password": "",
            "activation_digest": "",
            "activation_expires_at": None,
            "closed_at": timezone.now(),
        },
    )


def member_active_get(*, member_id: str) -> Member | None:
    """The member of that ref (with its subject) while the account is active, else None."""
    member = Member.objects.select_related("subject").filter(ref=member_id).first()
    return member if member is not None and member.status == MemberStatus.ACTIVE else None


def member_find(*, identifier: str) -> Member | None:
    """The active member signing in with a member number or the registered e-mail address.
    The address is looked up by the vault's blind index: no value is opened."""
    identifier = identifier.strip()
    if not identifier or len(identifier) > 254:
        return None
    members = Member.objects.select_related("subject").filter(status=MemberStatus.ACTIVE)
    if "@" not in identifier:
        return members.filter(member_number=identifier.upper()).first()
    try:
        subject_id = subject_find(email=identifier)
    except InvalidInput:
        return None
    return members.filter(subject__ref=subject_id).first() if subject_id else None


def member_authenticate(*, identifier: str, password: str) -> Member | None:
    """The member whose identifier and password match, else None. An unknown identifier costs
    one hash too, so the time taken does not tell whether an account exists."""
    member = member_find(identifier=identifier)
    if member is None:
        make_password(password)
        return None
    return member if check_password(password, member.password) else None


def member_session_hash(member: Member) -> str:
    """Kept in the member's session: a new password (or a closed account) ends every session."""
    return salted_hmac(
        "hogo.collect.member-session", member.password, algorithm="sha256"
    ).hexdigest()


def member_reset_token(member: Member) -> str:
    """A signed link token for a new password: expires after RESET_HOURS and is bound to the
    current password hash, so it works once (the reset changes the hash) and dies with the
    account (closing removes the hash)."""
    return signing.dumps({"m": member.ref, "h": _reset_binding(member)}, salt=_RESET_SALT)


def member_for_reset(*, token: str) -> Member:
    try:
        data = signing.loads(token, salt=_RESET_SALT, max_age=timedelta(hours=RESET_HOURS))
    except signing.BadSignature:
        raise NotFound("this link is invalid or has expired") from None
    member = Member.objects.filter(ref=str(data.get("m")), status=MemberStatus.ACTIVE).first()
    if member is None or not constant_time_compare(str(data.get("h")), _reset_binding(member)):
        raise NotFound("this link is invalid or has expired")
    return member


def _reset_binding(member: Member) -> str:
    binding = salted_hmac(_RESET_SALT, f"{member.ref}:{member.password}", algorithm="sha256")
    return binding.hexdigest()[:32]


@transaction.atomic
def member_password_reset(*, token: str, password: str) -> Member:
    """Sets a new password from a reset link; the link then stops working."""
    member = member_for_reset(token=token)
    try:
        validate_password(password)
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), code="weak_password") from exc
    Member.objects.select_for_update().filter(pk=member.pk).get()
    # Checked again under the lock: of two posts of one link, the second finds a new hash.
    member = member_for_reset(token=token)
    member.password = make_password(password)
    member.save(update_fields=["password"])
    audit_record(
        actor=f"subject:{member.subject.ref}",
        action="collect.member.password_reset",
        subjects=[member.subject.ref],
        detail={"member": member.ref},
    )
    return member
