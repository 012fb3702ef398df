"""Drill: the process sending mail (`hogo desk tick`) killed with SIGKILL while a message is in
flight; run again, every message reaches the mail server once (README, "Drills").

The message in flight when the sender died was never accepted (the server had not answered
250). It stays claimed by the dead sender for CLAIM (five minutes), then goes out with the next
tick. A sender killed after the server's 250 but before it recorded the message as sent would
send that one message again: SMTP cannot make that window smaller than one round trip."""

from pathlib import Path
from typing import Any

import pytest
from django.db.models import F

from hogo.desk.mail import CLAIM, mail_queue
from hogo.desk.models import MailKind, MailStatus, OutboundMail
from hogo.drills import Mailbox, drill_env, hogo_run, hogo_start, kill9
from hogo.policy.schema import Policy

MAILS = 8


@pytest.mark.drill
@pytest.mark.django_db(transaction=True)
def test_each_mail_is_sent_once_when_the_sender_is_killed_mid_way(
    policy: Policy, settings: Any, tmp_path: Path
) -> None:
    # Queued here, sent by the drill's processes only.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    for n in range(MAILS):
        mail_queue(
            actor="system:test",
            to=f"staff{n}@example.jp",
            subject=f"reminder {n}",
            body="cases due",
            kind=MailKind.REMINDER,
        )
    # The fourth message is held in flight.
    with Mailbox(hold=lambda message: len(mailbox.accepted) >= 3) as mailbox:
        env = drill_env(tmp_path, HOGO_EMAIL_URL=mailbox.url)
        ticking = hogo_start(env, "desk", "tick")
        try:
            assert mailbox.held.wait(timeout=60), "the tick never got to the fourth mail"
        finally:
            kill9(ticking)
        mailbox.released.set()
        assert len(mailbox.accepted) == 3

        [claimed] = OutboundMail.objects.filter(claimed_until__isnull=False)
        assert claimed.status == MailStatus.QUEUED  # the dead sender's, never accepted
        # Five minutes on, its claim has lapsed; the next tick sends the rest and that one.
        OutboundMail.objects.filter(pk=claimed.pk).update(claimed_until=F("claimed_until") - CLAIM)
        hogo_run(env, "desk", "tick")

    subjects = sorted(str(message["Subject"]) for message in mailbox.accepted)
    assert subjects == sorted(f"reminder {n}" for n in range(MAILS))
    assert set(OutboundMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}
    assert set(OutboundMail.objects.values_list("attempts", flat=True)) == {1}
