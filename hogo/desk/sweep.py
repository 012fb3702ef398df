"""The desk's periodic sweep: deliver mail that is due (retries), advance cases whose failed
steps are due for another attempt, remind staff of deadlines (cases, and the tasks in manual
systems: system_reminders.py), expire unconfirmed requests, and forget what is no longer
needed (rate-limit counters, old packages, closed cases' content)."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk import answers
from hogo.desk.content import contents_dispose
from hogo.desk.fulfilment import case_advance, steps_retry_due
from hogo.desk.mail import mail_deliver, mail_queue, mails_due
from hogo.desk.models import (
    CLOSED_STATUSES,
    QUEUE_STATUSES,
    Case,
    CaseNote,
    DisclosurePackage,
    MailKind,
    MailStatus,
    OutboundMail,
)
from hogo.desk.requeue import tasks_requeue_stale
from hogo.desk.services import cases_expire
from hogo.desk.system_reminders import REMIND_BEFORE, REMIND_EVERY, system_tasks_remind
from hogo.policy.selectors import policy_active
from hogo.throttle.services import throttles_forget

PACKAGE_KEEP = timedelta(days=30)  # after the case closed; the person can ask again
# Closed cases keep their content (address, what was asked, notes) as the record of how the
# request was handled, as long as the policy keeps them (`records.request_cases` names the
# purpose whose retention applies); then the case's key is destroyed.
RECORD_DAYS_DEFAULT = 1095


def desk_sweep(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    # First, so that a task whose worker died is back in the queue before anything else.
    requeued = tasks_requeue_stale(now=now)
    delivered = sum(mail_deliver(mail_ref=ref, now=now) for ref in mails_due(now=now))
    advanced = 0
    for ref in steps_retry_due(now=now):
        case_advance(case_ref=ref, now=now)
        advanced += 1
    return {
        "mail_delivered": delivered,
        "cases_advanced": advanced,
        "reminders": reminders_send(now=now),
        "system_reminders": system_tasks_remind(now=now),
        "expired": cases_expire(now=now),
        "throttles_forgotten": throttles_forget(now=now),
        "packages_discarded": packages_discard(now=now),
        "cases_purged": cases_purge(now=now),
        "tasks_requeued": requeued,
    }


@transaction.atomic
def reminders_send(*, now: datetime | None = None) -> int:
    """One mail per staff member (the assignee, or the desk's address for unassigned cases)
    listing the cases due within two days or overdue; at most once a day per case."""
    now = now or timezone.now()
    due = list(
        Case.objects.select_for_update(of=("self",))
        .select_related("assignee")
        .filter(status__in=QUEUE_STATUSES, due_at__lte=now + REMIND_BEFORE)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REMIND_EVERY))
        .order_by("due_at")
    )
    if not due:
        return 0
    desk_address = policy_active().organization.contact.email
    by_recipient: dict[str, list[Case]] = defaultdict(list)
    for case in due:
        address = case.assignee.email if case.assignee and case.assignee.email else desk_address
        by_recipient[address].append(case)
    for address, cases in by_recipient.items():
        subject, body = answers.reminder(cases)
        mail_queue(
            actor="system:desk", to=address, subject=subject, body=body, kind=MailKind.REMINDER
        )
    Case.objects.filter(pk__in=[c.pk for c in due]).update(reminded_at=now)
    return len(due)


@transaction.atomic
def packages_discard(*, now: datetime | None = None) -> int:
    """Empties the packages of cases closed more than 30 days ago (the person can ask again);
    one audit event when any went."""
    now = now or timezone.now()
    discarded = DisclosurePackage.objects.filter(
        discarded_at__isnull=True,
        case__status__in=CLOSED_STATUSES,
        case__closed_at__lt=now - PACKAGE_KEEP,
    ).update(content=b"", discarded_at=now)
    if discarded:
        audit_record(
            actor="system:desk", action="desk.packages.discard", detail={"packages": discarded}
        )
    return discarded


@transaction.atomic
def cases_purge(*, now: datetime | None = None) -> int:
    """Disposes of the personal content of cases closed longer ago than the record period:
    their keys are destroyed (committed first; a failure later leaves unreadable notes and the
    next sweep finishes the job) and their note refs blanked. The record of what was done
    (steps, mail delivery, decision) stays."""
    now = now or timezone.now()
    policy = policy_active()
    purpose = policy.purposes.get(policy.records.request_cases or "")
    days = purpose.retention_days if purpose else RECORD_DAYS_DEFAULT
    old = Case.objects.filter(
        status__in=CLOSED_STATUSES,
        closed_at__lt=now - timedelta(days=days),
        content_purged_at__isnull=True,
    )
    refs = list(old.values_list("ref", flat=True)[:1000])
    if not refs:
        return 0
    contents_dispose(actor="system:desk", case_refs=refs, reason="retention_expired")
    CaseNote.objects.filter(case__ref__in=refs).update(text_note="")
    mails = OutboundMail.objects.filter(case__ref__in=refs)
    # A status-page code still undelivered can no longer be sent: its content is gone.
    mails.filter(status=MailStatus.QUEUED).delete()
    mails.update(to="", subject="", body="", content_note="", attachment=None)
    DisclosurePackage.objects.filter(case__ref__in=refs).update(content=b"", discarded_at=now)
    Case.objects.filter(ref__in=refs).update(
        contact_note="",
        contact_digest="",
        details_note="",
        refusal_note="",
        content_purged_at=now,
    )
    audit_record(actor="system:desk", action="desk.case.purge", detail={"cases": len(refs)})
    return len(refs)
