"""Member accounts of the members-only site (policy 4.3). They are not Django users, so no
permission, group or staff flag can ever reach them; the person sets a password through a
link sent to the registered address."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from hogo.audit.services import audit_record
from hogo.collect.labels import LABELS
from hogo.collect.models import Member, MemberStatus
from hogo.errors import InvalidInput, NotFound
from hogo.vault.models import Subject

logger = logging.getLogger(__name__)
ACTIVATION_DAYS = 3


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
    body = (
        LABELS["activation_body"]
        .get(lang)
        .replace("{n}", str(ACTIVATION_DAYS))
        .replace("{link}", link)
    )
    try:
        send_mail(LABELS["activation_subject"].get(lang), body, None, [email])
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
