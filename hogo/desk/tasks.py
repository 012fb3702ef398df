"""The desk's background work (Django Tasks API): sending mail, advancing cases, and the
periodic sweep (`hogo desk tick`, every minute from cron or a scheduler) that retries what
failed, reminds staff of deadlines and expires unconfirmed requests."""

from django.tasks import task

from hogo.desk.fulfilment import case_advance
from hogo.desk.mail import mail_deliver
from hogo.desk.models import MailKind, OutboundMail
from hogo.desk.sweep import desk_sweep


@task
def mail_send(mail_ref: str) -> bool:
    delivered = mail_deliver(mail_ref=mail_ref)
    # An answer or a reply may be what the case was waiting for.
    case_ref = (
        OutboundMail.objects.filter(ref=mail_ref, case__isnull=False)
        .exclude(kind=MailKind.CODE)
        .values_list("case__ref", flat=True)
        .first()
    )
    if delivered and case_ref:
        case_advance(case_ref=case_ref)
    return delivered


@task
def mails_send(mail_refs: list[str]) -> int:
    """Delivers a batch of messages to people (notices); what fails stays queued for the tick."""
    return sum(mail_deliver(mail_ref=ref) for ref in mail_refs)


@task
def case_run(case_ref: str) -> str:
    return case_advance(case_ref=case_ref).status


@task
def desk_tick() -> dict[str, int]:
    return desk_sweep()
