"""Outgoing mail that is never lost: every message is a row, queued in the same transaction as
the change it reports, handed to the mail server after commit, and retried with back-off until
the server takes it. Attempts and the last error (never an address or a value) stay visible on
the case.

A message to a requester is stored sealed, as a vault note of its case, and goes to the case's
address: both are opened (one audited reading) only to hand the message to the server. Only
staff reminders, which name case ids and nothing of the person, are stored as plain columns.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection
from django.utils import timezone

from hogo.desk.content import mail_content, mail_seal
from hogo.desk.models import Case, MailStatus, OutboundMail, Step

# The kinds of mail, which the callers of `mail_queue` state.
from hogo.desk.models import MailKind as MailKind
from hogo.desk.schedule import mail_batch_send_on_commit, mail_send_on_commit
from hogo.errors import Conflict
from hogo.mailretry import backoff as backoff
from hogo.mailretry import claimed, due_refs
from hogo.mailretry import error_describe as error_describe
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.refs import ref_new
from hogo.rows import columns_sql, inserted_fields, instances_insert
from hogo.vault.access import notes_open
from hogo.vault.notes import REQUEST_PURPOSE, notes_forget

CLAIM = timedelta(minutes=5)  # a sender that died mid-delivery frees the message after this
ACTOR = "system:desk"


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes
    mimetype: str


def mail_queue(
    *,
    actor: str,
    subject: str,
    body: str,
    kind: MailKind,
    case: Case | None = None,
    to: str = "",
    step: Step | None = None,
    attachment: Attachment | None = None,
    forget_body: bool = False,
    headers: Mapping[str, str] | None = None,
) -> OutboundMail:
    """Stores a message and sends it once the caller's transaction commits: with a `case`, to
    the case's address, sealed; without, to `to` (staff, or a member's reset link sent with
    `forget_body`, which blanks address and body once delivered). `headers` adds header fields
    (for a marketing_mail purpose: `hogo.vault.unsubscribe.unsubscribe_headers`)."""
    if (case is None) == (not to):
        raise ValueError("mail goes either to a case's requester or to a staff address")
    if case is not None and not case.has_email:
        raise Conflict(f"case {case.ref} has no e-mail address: answer by post")
    note = mail_seal(case, actor=actor, subject=subject, body=body) if case else ""
    mail = OutboundMail(
        ref=ref_new("mail"),
        case=case,
        step=step,
        kind=kind,
        to=to,
        subject="" if case else subject,
        body="" if case else body,
        content_note=note,
        attachment_name=attachment.name if attachment else "",
        attachment=attachment.content if attachment else None,
        attachment_type=attachment.mimetype if attachment else "",
        forget_body=forget_body,
        headers=dict(headers or {}),
        next_attempt_at=timezone.now(),
    )
    instances_insert([mail])
    mail_send_on_commit(mail.ref)
    return mail


@dataclass(frozen=True)
class PersonMail:
    """A message to a person's own address (read from the vault by the caller)."""

    to: str
    subject: str
    body: str


def notice_mails_queue(*, mails: Sequence[PersonMail]) -> list[str]:
    """Stores many notices to people at once (everyone an incident affects, APPI Art. 26(2)), in
    the caller's transaction, and hands them to one delivery task once it commits. Address and
    body are forgotten once each is delivered, as for a member's reset link; until then the row
    is the outbox's proof that the message is owed. Returns the mails' refs, in order."""
    refs = [ref_new("mail") for _ in mails]
    if not refs:
        return refs
    now = timezone.now()
    template = OutboundMail(kind=MailKind.NOTICE, forget_body=True, next_attempt_at=now)
    _rows_insert(
        template,
        [
            {"ref": ref, "to": m.to, "subject": m.subject, "body": m.body}
            for ref, m in zip(refs, mails, strict=True)
        ],
    )
    mail_batch_send_on_commit(refs)
    return refs


def _rows_insert(template: OutboundMail, varying: Sequence[Mapping[str, str]]) -> None:
    """One prepared INSERT run for every row: the template's values, with each row's own
    (an ORM bulk_create compiles every value of every row, ten times slower for notices)."""
    fields = inserted_fields(OutboundMail)
    fixed = {
        f.attname: f.get_db_prep_save(f.pre_save(template, True), connection)
        for f in fields
        if f.attname not in varying[0]
    }
    # Names from the model, values bound.
    table = connection.ops.quote_name(OutboundMail._meta.db_table)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns_sql(fields, connection)}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(
            sql, [[row.get(f.attname, fixed.get(f.attname)) for f in fields] for row in varying]
        )


def mail_deliver(*, mail_ref: str, now: datetime | None = None) -> bool:
    """Hands one queued message to the mail server. Returns whether it was delivered now; a
    failure is recorded with its next attempt, never raised."""
    now = now or timezone.now()
    queued = OutboundMail.objects.filter(status=MailStatus.QUEUED)
    if not claimed(queued, ref=mail_ref, now=now, hold=CLAIM):
        return False  # sent already, or another worker has it
    mail = OutboundMail.objects.select_related("case").get(ref=mail_ref)
    try:
        to, subject, body = _addressed(mail)
    except Conflict as exc:
        _failed(mail, now, exc.code)
        return False
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=_reply_to(),
        headers=dict(mail.headers),
    )
    if mail.attachment is not None:
        message.attach(mail.attachment_name, bytes(mail.attachment), mail.attachment_type)
    try:
        message.send(using="default")
    except Exception as exc:  # any failure must leave the message queued
        _failed(mail, now, error_describe(exc))
        return False
    OutboundMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT,
        attempts=mail.attempts + 1,
        last_error="",
        sent_at=timezone.now(),
        claimed_until=None,
        # The package stays in its own table; a code is worthless once delivered but secret.
        attachment=None,
        # A member's reset link goes to a plain `to`: forgotten with the body once delivered.
        **({"content_note": "", "body": "", "to": ""} if mail.forget_body else {}),
    )
    if mail.forget_body and mail.case is not None and mail.content_note:
        notes_forget(actor=ACTOR, owner=mail.case.ref, refs=[mail.content_note], via="mail")
    return True


def _addressed(mail: OutboundMail) -> tuple[str, str, str]:
    """Recipient, subject and body: a requester's opened from the vault (one reading)."""
    case = mail.case
    if case is None:
        return mail.to, mail.subject, mail.body
    opened = notes_open(
        actor=ACTOR,
        purpose=REQUEST_PURPOSE,
        owner=case.ref,
        refs=[r for r in (case.contact_note, mail.content_note) if r],
        via="mail",
    )
    to, content = opened.text(case.contact_note), opened.text(mail.content_note)
    if opened.refused is not None or not to or content is None:
        raise Conflict(f"mail {mail.ref}: its case's content was disposed of", code="disposed")
    subject, body = mail_content(content)
    return to, subject, body


def _failed(mail: OutboundMail, now: datetime, error: str) -> None:
    attempts = mail.attempts + 1
    OutboundMail.objects.filter(pk=mail.pk).update(
        attempts=attempts,
        last_error=error[:200],
        next_attempt_at=now + backoff(attempts),
        claimed_until=None,
    )


def _reply_to() -> list[str]:
    """Answers from people go to the desk's published address (policy 7.2)."""
    try:
        return [policy_active().organization.contact.email]
    except PolicyNotLoaded:
        return []


def mails_due(*, now: datetime | None = None, limit: int = 200) -> list[str]:
    queued = OutboundMail.objects.filter(status=MailStatus.QUEUED)
    return due_refs(queued, now=now or timezone.now(), limit=limit)
