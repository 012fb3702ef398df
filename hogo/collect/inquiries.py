"""Inquiry cases (policy 4.3): opened by the channel with `follow_up = "inquiry_case"`, answered
by the desk by e-mail from the console. Replies are kept as vault notes of the person (sealed
with their data key, so erasure shreds them), read back only through the vault for the
policy's `records.inquiry_cases` purpose (audited, refused when that use is suspended or over)."""

import hashlib
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.collect.models import (
    AcquisitionRecord,
    Delivery,
    InquiryCase,
    InquiryReply,
    InquiryStatus,
)
from hogo.errors import Conflict, InvalidInput, NotFound, Refused
from hogo.policy.selectors import policy_active
from hogo.vault.access import notes_open, subjects_access
from hogo.vault.notes import notes_seal
from hogo.vault.records import NoteIn, RefusalReason

logger = logging.getLogger(__name__)
MAX_SUBJECT_LINE = 200
MAX_BODY = 20_000
_LINE_BREAK = re.compile(r"[\r\n]")
SUBJECT_KIND = "inquiry-reply-subject"
BODY_KIND = "inquiry-reply-body"


def inquiry_purpose() -> str:
    """The purpose inquiry cases are read, answered and kept under (`records.inquiry_cases`)."""
    purpose = policy_active().records.inquiry_cases
    if purpose is None:
        raise Refused(
            "the active policy keeps no inquiry cases: set records.inquiry_cases",
            code="no_inquiry_purpose",
        )
    return purpose


def inquiry_case_open(*, record: AcquisitionRecord) -> InquiryCase:
    """A case for an inquiry just accepted (inside the submission's transaction)."""
    return InquiryCase.objects.create(
        subject_id=record.subject_id, record=record, received_at=record.received_at
    )


@transaction.atomic
def inquiry_reply(*, actor: str, case_id: str, subject_line: str, body: str) -> InquiryReply:
    """Answers a case by e-mail to the address the person gave, read for `inquiry_purpose()`
    (refused if that use is suspended or the person was erased). The mail goes out on commit;
    the reply's `delivery` says whether the mail server took it."""
    subject_line = subject_line.strip()
    if not subject_line or len(subject_line) > MAX_SUBJECT_LINE or _LINE_BREAK.search(subject_line):
        raise InvalidInput(f"subject_line: one line of 1 to {MAX_SUBJECT_LINE} characters")
    if not body.strip() or len(body) > MAX_BODY:
        raise InvalidInput(f"body: 1 to {MAX_BODY} characters")
    case = _open_case_locked(case_id)
    subject_ref = case.subject.ref
    purpose_id = inquiry_purpose()
    access = subjects_access(
        actor=actor, purpose=purpose_id, subject_ids=[subject_ref], via="inquiry-reply"
    )
    email = access.items[0].identifiers.get("email") if access.items else None
    if email is None:
        reason = access.refused[0].reason.value if access.refused else "no_email"
        raise Refused(
            f"case {case_id}: the person's e-mail address may not be used to answer ({reason})",
            code="cannot_answer",
        )
    now = timezone.now()
    purpose = policy_active().purposes[purpose_id]
    keep_until = now + timedelta(days=purpose.retention_days)
    subject_note, body_note = notes_seal(
        actor=actor,
        owner=subject_ref,
        notes=[NoteIn(SUBJECT_KIND, subject_line, keep_until), NoteIn(BODY_KIND, body, keep_until)],
        via="inquiry-reply",
    )
    reply = InquiryReply.objects.create(
        case=case,
        sent_at=now,
        sent_by=actor,
        subject_line_note=subject_note,
        body_note=body_note,
        body_sha256=hashlib.sha256(body.encode()).hexdigest(),
    )
    case.status = InquiryStatus.ANSWERED
    case.answered_at = now
    case.save(update_fields=["status", "answered_at"])
    audit_record(
        actor=actor,
        action="collect.inquiry.reply",
        purpose=purpose_id,
        subjects=[subject_ref],
        detail={"case": case.ref, "reply": str(reply.pk)},
    )
    reply_pk = reply.pk
    transaction.on_commit(
        lambda: _reply_send(reply_pk=reply_pk, to=email, subject_line=subject_line, body=body)
    )
    return reply


def _case_locked(case_id: str) -> InquiryCase:
    """The case, locked for a change; refused when unknown."""
    case = (
        InquiryCase.objects.select_for_update()
        .select_related("subject")
        .filter(ref=case_id)
        .first()
    )
    if case is None:
        raise NotFound(f"inquiry case {case_id} does not exist")
    return case


def _open_case_locked(case_id: str) -> InquiryCase:
    """The case, locked for the reply; refused when unknown or closed."""
    case = _case_locked(case_id)
    if case.status == InquiryStatus.CLOSED:
        raise Conflict(f"inquiry case {case_id} is closed", code="closed")
    return case


def _reply_send(*, reply_pk: uuid.UUID, to: str, subject_line: str, body: str) -> None:
    try:
        send_mail(subject_line, body, None, [to])
    except Exception:
        # Not the exception itself: SMTP errors quote the recipient's address.
        logger.error("reply %s could not be sent", reply_pk)
        InquiryReply.objects.filter(pk=reply_pk).update(delivery=Delivery.FAILED)
    else:
        InquiryReply.objects.filter(pk=reply_pk).update(delivery=Delivery.SENT)


@dataclass(frozen=True)
class KeptReply:
    """A kept reply with its text; the text is empty when it was not opened (see `refused`)."""

    reply: InquiryReply
    subject_line: str
    body: str


@dataclass(frozen=True)
class KeptReplies:
    replies: list[KeptReply]
    refused: RefusalReason | None  # why the texts were not opened


def inquiry_replies_read(*, actor: str, case_id: str, via: str = "service") -> KeptReplies:
    """The replies sent on a case, with their texts opened through the vault for
    the inquiry purpose (one audited reading; refused as the person's records say)."""
    case = InquiryCase.objects.select_related("subject").filter(ref=case_id).first()
    if case is None:
        raise NotFound(f"inquiry case {case_id} does not exist")
    replies = list(case.replies.order_by("sent_at"))
    refs = [r for reply in replies for r in (reply.subject_line_note, reply.body_note) if r]
    if not refs:
        return KeptReplies([KeptReply(r, "", "") for r in replies], None)
    opened = notes_open(
        actor=actor, purpose=inquiry_purpose(), owner=case.subject.ref, refs=refs, via=via
    )
    texts = opened.texts()
    return KeptReplies(
        [
            KeptReply(r, texts.get(r.subject_line_note, ""), texts.get(r.body_note, ""))
            for r in replies
        ],
        opened.refused,
    )


@transaction.atomic
def inquiry_close(*, actor: str, case_id: str) -> InquiryCase:
    case = _case_locked(case_id)
    if case.status != InquiryStatus.CLOSED:
        case.status = InquiryStatus.CLOSED
        case.closed_at = timezone.now()
        case.save(update_fields=["status", "closed_at"])
        audit_record(
            actor=actor,
            action="collect.inquiry.close",
            subjects=[case.subject.ref],
            detail={"case": case.ref},
        )
    return case
