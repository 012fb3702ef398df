"""The forms' background work (Django Tasks API): sending the confirmation mail a submission
owes, and retrying those the mail server did not take (`hogo collect tick`)."""

from django.tasks import task

from hogo.collect.receipt import receipt_mail_deliver, receipt_mails_send_due


@task
def receipt_mail_send(mail_ref: str) -> bool:
    return receipt_mail_deliver(mail_ref=mail_ref)


@task
def receipt_mails_retry() -> int:
    return receipt_mails_send_due()
