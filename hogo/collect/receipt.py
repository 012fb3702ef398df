"""What a person gets back after sending a form: a reference number and how to see, change or
withdraw their data, on the thanks page and (where the channel says `confirmation_mail = true`)
by e-mail in their language.

The reference is the inquiry case's when the submission opened one (what the desk answers
under), else the acquisition record's: public refs, never the subject id. The mail echoes
nothing the person typed but the address it goes to; it names the channel and the reference.

The mail is owed, not sent, by the request: a `ReceiptMail` row (reference, record, template;
no address, no text) is stored with the submission and a task sends it once it commits (the
in-process runner, or `hogo db_worker` with HOGO_TASKS=database), so a slow or absent mail
server never holds the form. The sender reads the address from the vault for the record's
purpose (audited), renders the text, and on failure keeps the row queued with its next attempt
(`hogo collect tick` retries what is due). Errors are recorded and logged with refs only (SMTP
errors quote the address).
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import Task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from hogo.collect.models import (
    AcquisitionRecord,
    ReceiptMail,
    ReceiptMailStatus,
    ReceiptMailTemplate,
)
from hogo.mailretry import backoff, claimed, due_refs, error_describe
from hogo.policy.schema import Channel, Policy
from hogo.policy.selectors import policy_at
from hogo.vault.access import subjects_access

logger = logging.getLogger(__name__)
ACTOR = "system:forms"
CLAIM = timedelta(minutes=5)  # a sender that died mid-delivery frees the mail after this
# Found by dotted path, as the database worker finds it: the task module sits above this one.
RECEIPT_MAIL_SEND = "hogo.collect.tasks.receipt_mail_send"


def receipt_mail_schedule(
    *, channel: Channel, values: dict[str, str], record: AcquisitionRecord, ref: str, origin: str
) -> bool:
    """Owes the person a confirmation, in the caller's transaction, if the channel wants one
    and the person typed an address into one of its e-mail fields; True if so. The mail is
    handed to a task once the transaction commits."""
    if not channel.confirmation_mail:
        return False
    if not any(f.kind == "email" and values.get(f.id) for f in channel.fields):
        return False
    mail = ReceiptMail.objects.create(
        record=record,
        reference=ref,
        template=ReceiptMailTemplate.RECEIPT,
        origin=origin,
        next_attempt_at=timezone.now(),
    )
    mail_ref = mail.ref
    transaction.on_commit(lambda: _send_task().enqueue(mail_ref))
    return True


def _send_task() -> Task[Any, Any]:
    found = import_string(RECEIPT_MAIL_SEND)
    if not isinstance(found, Task):
        raise TypeError(f"{RECEIPT_MAIL_SEND} is not a task")
    return found


def receipt_mail_deliver(*, mail_ref: str, now: datetime | None = None) -> bool:
    """Hands one owed confirmation to the mail server; whether it went now. A failure keeps
    it queued for its next attempt; an address the vault no longer gives for the record's
    purpose (erased, suspended, past retention) drops it. Never raises for either."""
    now = now or timezone.now()
    queued = ReceiptMail.objects.filter(status=ReceiptMailStatus.QUEUED)
    if not claimed(queued, ref=mail_ref, now=now, hold=CLAIM):
        return False  # sent or dropped already, or another sender has it
    mail = ReceiptMail.objects.select_related("record__subject").get(ref=mail_ref)
    to, reason = _address(mail)
    if not to:
        _finished(mail, ReceiptMailStatus.DROPPED, error=reason)
        return False
    subject, body = _text(mail)
    try:
        send_mail(subject, body, None, [to])
    except Exception as exc:  # any failure must leave the mail owed
        logger.warning("confirmation e-mail %s could not be sent", mail.ref)
        ReceiptMail.objects.filter(pk=mail.pk).update(
            attempts=mail.attempts + 1,
            last_error=error_describe(exc)[:200],
            next_attempt_at=now + backoff(mail.attempts + 1),
            claimed_until=None,
        )
        return False
    _finished(mail, ReceiptMailStatus.SENT)
    return True


def _address(mail: ReceiptMail) -> tuple[str, str]:
    """The person's address, read for the record's first purpose; or why there is none."""
    record = mail.record
    access = subjects_access(
        actor=ACTOR,
        purpose=record.purposes[0],
        subject_ids=[record.subject.ref],
        via="receipt-mail",
    )
    email = access.items[0].identifiers.get("email") if access.items else None
    if email:
        return email, ""
    return "", access.refused[0].reason.value if access.refused else "no_email"


def _text(mail: ReceiptMail) -> tuple[str, str]:
    """Subject line and body in the form's language, under the policy version it was sent in."""
    record = mail.record
    policy: Policy = policy_at(version=record.policy_version)
    channel = policy.channels[record.channel]
    lang = record.lang or "ja"
    origin = mail.origin.rstrip("/")
    with translation.override(lang):
        text = render_to_string(
            f"collect/mail/{mail.template}.txt",
            {
                "organization": policy.organization.name.get(lang),
                "channel": channel.title.get(lang),
                "ref": mail.reference,
                "center": origin + reverse("desk:index"),
                "notice": origin + reverse("policy:notice"),
                "desk": policy.organization.contact.email,
            },
        )
    subject, _, body = text.partition("\n")
    return subject, body


def _finished(mail: ReceiptMail, status: ReceiptMailStatus, *, error: str = "") -> None:
    ReceiptMail.objects.filter(pk=mail.pk).update(
        status=status,
        attempts=mail.attempts + (status == ReceiptMailStatus.SENT),
        last_error=error[:200],
        sent_at=timezone.now() if status == ReceiptMailStatus.SENT else None,
        claimed_until=None,
    )


def receipt_mails_due(*, now: datetime | None = None, limit: int = 200) -> list[str]:
    """Refs of the owed confirmations whose next attempt is due and that no sender holds."""
    queued = ReceiptMail.objects.filter(status=ReceiptMailStatus.QUEUED)
    return due_refs(queued, now=now or timezone.now(), limit=limit)


def receipt_mails_send_due(*, now: datetime | None = None) -> int:
    """Sends every owed confirmation that is due (the retries); how many went."""
    return sum(receipt_mail_deliver(mail_ref=ref, now=now) for ref in receipt_mails_due(now=now))


def _salt(channel: Channel) -> str:
    return f"hogo.collect.done:{channel.id}"


def receipt_token(*, channel: Channel, ref: str, mailed: bool) -> str:
    """What the thanks page's address carries: the reference (empty for an anonymous answer)
    and whether a mail went out, signed so that no one can make the page show another."""
    return signing.dumps([ref, mailed], salt=_salt(channel))


def receipt_from_token(*, channel: Channel, token: str) -> tuple[str, bool] | None:
    """(reference, mailed) from a token made for this channel; None for anything else."""
    try:
        ref, mailed = signing.loads(token, salt=_salt(channel))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(ref, str) or not isinstance(mailed, bool):
        return None
    return ref, mailed
