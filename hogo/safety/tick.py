"""`hogo safety tick`: the safety program's periodic work, run every few minutes from cron."""

from datetime import datetime

from django.utils import timezone

from hogo.safety.evidence import evidence_sweep
from hogo.safety.oversight_tick import action_reminders_send, supervision_reminders_send
from hogo.safety.reminders import incident_reminders_send, training_reminders_send


def safety_tick(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "incident_reminders": incident_reminders_send(now=now),
        "training_reminders": training_reminders_send(now=now),
        "action_reminders": action_reminders_send(now=now),
        "supervision_reminders": supervision_reminders_send(now=now),
        "evidence_disposed": evidence_sweep(now=now),
    }
