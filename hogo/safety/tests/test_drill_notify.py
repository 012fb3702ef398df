"""Drill: `hogo safety notify` killed with SIGKILL after some batches, then run again: every
person affected gets exactly one notice in the outbox, and the mail server receives one each
(README, "Drills")."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hogo.desk.models import MailKind, OutboundMail
from hogo.drills import Mailbox, drill_env, hogo_run, hogo_start, kill9, read_until
from hogo.policy.schema import Policy
from hogo.safety.notice_models import DeliveryState, NoticeDelivery, NoticeStatus, SelectionKind
from hogo.safety.notices import Selection, notice_queue
from hogo.safety.tests.test_notices import TEXTS, guest
from hogo.tests.safety import OFFICER, reported

PEOPLE = 60


@pytest.mark.drill
@pytest.mark.django_db(transaction=True)
def test_notices_killed_mid_way_resume_without_duplicates_or_losses(
    policy: Policy, settings: Any, tmp_path: Path
) -> None:
    # Queued here, handed to the outbox by the drill's processes only.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    addresses = [f"person{n}@example.com" for n in range(PEOPLE)]
    people = [guest(address, lang="en" if n % 2 else "ja") for n, address in enumerate(addresses)]
    incident = reported(datetime.now(UTC) - timedelta(days=1))
    notice = notice_queue(
        actor=OFFICER,
        ref=incident.ref,
        selection=Selection(kind=SelectionKind.IDS, ids=tuple(people)),
        texts=TEXTS,
    )
    # The outbox's own delivery waits for `hogo desk tick` below.
    env = drill_env(tmp_path, HOGO_TASKS="database")
    command = ("safety", "notify", incident.ref, "--batch-size=3")

    sending = hogo_start(env, *command)
    read_until(sending, lambda line: line.startswith("batch queued"))
    kill9(sending)

    queued = NoticeDelivery.objects.filter(state=DeliveryState.QUEUED).count()
    notices = OutboundMail.objects.filter(kind=MailKind.NOTICE)
    assert 0 < queued < PEOPLE, "the kill did not land mid-way"
    assert notices.count() == queued  # whole batches only: rows and mails together

    hogo_run(env, *command)

    assert NoticeDelivery.objects.filter(state=DeliveryState.QUEUED).count() == PEOPLE
    assert notices.count() == PEOPLE
    assert sorted(notices.values_list("to", flat=True)) == sorted(addresses)
    assert set(NoticeDelivery.objects.values_list("mail_ref", flat=True)) == set(
        notices.values_list("ref", flat=True)
    )
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DONE
    with Mailbox() as mailbox:
        for _ in range(2):
            hogo_run(drill_env(tmp_path, HOGO_EMAIL_URL=mailbox.url), "desk", "tick")
    assert sorted(m["To"] for m in mailbox.accepted) == sorted(addresses)
