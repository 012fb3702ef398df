"""The oversight part of `hogo safety tick`: a mail for each corrective action past its due
day (to its owner, once per action and due day) and for each contractor whose supervision is
overdue (to the officers, once per agreement and due day). As the incident and training
reminders do (reminders.py): the reminder row is written in the transaction that queues the
mail in the desk's outbox, so it goes once however often the tick runs, and is never lost."""

import logging
from collections.abc import Callable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext

from hogo.desk.services import staff_mail_queue
from hogo.policy.wording import date_shown
from hogo.safety.oversight_models import ActionReminder, CorrectiveAction, SupervisionReminder
from hogo.safety.reminders import ACTOR, officer_addresses
from hogo.safety.review import actions_overdue
from hogo.safety.supervision import SupervisionDue, supervision_overdue

logger = logging.getLogger(__name__)


def _both_languages(text: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """Subject and body in Japanese, then English."""
    parts = []
    for language in ("ja", "en"):
        with translation.override(language):
            parts.append(text())
    return " / ".join(p[0] for p in parts), "\n\n".join(p[1] for p in parts) + "\n"


def action_mail(action: CorrectiveAction) -> tuple[str, str]:
    def text() -> tuple[str, str]:
        values = {"review": action.item.review.ref, "due": date_shown(action.due_on)}
        return (
            gettext("Corrective action overdue (review %(review)s)") % values,
            gettext(
                "A corrective action of the internal review %(review)s that you own was due on "
                "%(due)s and is not recorded as done. Carry it out and record it in the console "
                "(Internal reviews)."
            )
            % values,
        )

    return _both_languages(text)


def supervision_mail(due: SupervisionDue) -> tuple[str, str]:
    def text() -> tuple[str, str]:
        agreement = due.state.agreement
        values = {
            "contractor": agreement.recipient.name,
            "agreement": agreement.ref,
            "due": date_shown(due.due_on),
        }
        return (
            gettext("Contractor supervision overdue: %(contractor)s") % values,
            gettext(
                "The supervision of the contractor %(contractor)s (agreement %(agreement)s) was "
                "due on %(due)s. Review how the contractor handles the personal data and record "
                "the supervision in the register."
            )
            % values,
        )

    return _both_languages(text)


def action_reminders_send(*, now: datetime) -> int:
    sent = 0
    for action in actions_overdue(now=now):
        try:
            sent += _remind_action(action, now)
        except IntegrityError:
            continue  # another tick sent it meanwhile
    return sent


@transaction.atomic
def _remind_action(action: CorrectiveAction, now: datetime) -> int:
    if ActionReminder.objects.filter(action=action, due_on=action.due_on).exists():
        return 0
    addresses = [action.owner.email] if action.owner.email else officer_addresses()
    if not addresses:
        logger.warning("corrective action %s: no address for a reminder", action.pk)
        return 0
    subject, body = action_mail(action)
    refs = [staff_mail_queue(actor=ACTOR, to=a, subject=subject, body=body) for a in addresses]
    ActionReminder.objects.create(action=action, due_on=action.due_on, sent_at=now, mail_refs=refs)
    return 1


def supervision_reminders_send(*, now: datetime) -> int:
    sent = 0
    for due in supervision_overdue(now=now):
        try:
            sent += _remind_supervision(due, now)
        except IntegrityError:
            continue
    return sent


@transaction.atomic
def _remind_supervision(due: SupervisionDue, now: datetime) -> int:
    ref = due.state.agreement.ref
    if SupervisionReminder.objects.filter(agreement=ref, due_on=due.due_on).exists():
        return 0
    addresses = officer_addresses()
    if not addresses:
        logger.warning("agreement %s: no officer address for a reminder", ref)
        return 0
    subject, body = supervision_mail(due)
    refs = [staff_mail_queue(actor=ACTOR, to=a, subject=subject, body=body) for a in addresses]
    SupervisionReminder.objects.create(
        agreement=ref, due_on=due.due_on, sent_at=now, mail_refs=refs
    )
    return 1
