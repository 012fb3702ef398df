"""Reminders of the tasks in manual systems (and what a system's declaration leaves to the
desk), as for cases: each task due within two days or overdue is mailed, at most once a day,
to every staff member holding the task's role (the policy's `[systems.manual] role`), or to
the desk's address when nobody holds it. The mail names the request, the system and the due
time, never anything of the person."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from hogo.desk.mail import mail_queue
from hogo.desk.models import QUEUE_STATUSES, MailKind, Step, StepStatus
from hogo.policy.selectors import policy_active

ACTOR = "system:desk"
# As for cases (sweep.py uses the same): within two days of the due time, once a day.
REMIND_BEFORE = timedelta(days=2)
REMIND_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class Task:
    case: str
    system: str  # the system's title
    due: datetime
    overdue: bool


@transaction.atomic
def system_tasks_remind(*, now: datetime) -> int:
    """Mails the tasks due soon or overdue to their role; returns how many were reminded."""
    steps = [
        step
        for step in Step.objects.select_for_update(of=("self",))
        .select_related("case")
        .filter(system__gt="", status=StepStatus.WAITING, case__status__in=QUEUE_STATUSES)
        .order_by("pk")
        if _due(step, now)
    ]
    if not steps:
        return 0
    systems = policy_active().systems
    by_address: dict[str, list[Task]] = defaultdict(list)
    for step in steps:
        due = datetime.fromisoformat(str(step.result["due"]))
        system = systems.get(step.system)
        task = Task(
            case=step.case.ref,
            system=system.title.get("ja") if system else step.system,
            due=due,
            overdue=due <= now,
        )
        for address in _addresses(str(step.result.get("role", ""))):
            by_address[address].append(task)
        step.result = {**step.result, "reminded_at": now.isoformat()}
        step.save(update_fields=["result"])
    for address, tasks in by_address.items():
        subject, body = _mail(tasks)
        mail_queue(actor=ACTOR, to=address, subject=subject, body=body, kind=MailKind.REMINDER)
    return len(steps)


def _due(step: Step, now: datetime) -> bool:
    result = step.result
    if not result.get("manual") or result.get("done_at") or not result.get("due"):
        return False
    if datetime.fromisoformat(str(result["due"])) > now + REMIND_BEFORE:
        return False
    reminded = result.get("reminded_at")
    return not reminded or datetime.fromisoformat(str(reminded)) <= now - REMIND_EVERY


def _addresses(role: str) -> list[str]:
    """The addresses of the active staff holding the role; the desk's own when none does."""
    found = (
        User.objects.filter(is_active=True, is_staff=True, groups__name=role)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(found)) or [policy_active().organization.contact.email]


def _mail(tasks: list[Task], *, language: str = "ja") -> tuple[str, str]:
    with translation.override(language):
        text = render_to_string("desk/mail/system_reminder.txt", {"tasks": tasks})
    subject, _, body = text.partition("\n")
    return subject.strip(), body.lstrip("\n")
