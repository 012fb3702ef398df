"""Sending queued consent requests: the outbox is the request rows themselves. A batch claims
its rows, reads the people's addresses through the vault's purpose-bound access (audited, one
event per purpose read), hands each mail to the server and records the outcome; a failure
stays queued with its next attempt, so running it again (the task, `hogo reconsent send`, the
console's button) finishes the job and never mails anyone twice.

The address is read for a purpose the person's data is already held for (their grants, in the
policy's order): asking someone whether they agree to a new use is part of handling the data
they gave, not the new use itself. Someone with no address usable for any of their purposes is
marked `no_email`: the officer sees how many, and may ask them otherwise.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk.mail import error_describe
from hogo.policy.selectors import policy_active
from hogo.reconsent.content import mail_render
from hogo.reconsent.models import ConsentRequest, RequestStatus
from hogo.reconsent.selectors import campaign_get
from hogo.reconsent.tokens import ANSWER_DAYS, TokenKind, token_make
from hogo.vault.access import subjects_access
from hogo.vault.selectors import IdentifierKind, purposes_held

ACTOR = "system:reconsent"
CLAIM = timedelta(minutes=5)  # a sender that died mid-batch frees its rows after this
MAX_BACKOFF = timedelta(hours=6)


@dataclass(frozen=True)
class Delivered:
    sent: int
    no_email: int
    failed: int


def requests_deliver(*, limit: int = 200, now: datetime | None = None) -> Delivered:
    """Sends up to `limit` due requests; returns what happened to them."""
    now = now or timezone.now()
    claimed = _claim(limit, now)
    if not claimed:
        return Delivered(0, 0, 0)
    addresses = _addresses([r.subject.ref for r in claimed])
    policy = policy_active()
    sent: list[ConsentRequest] = []
    failed: list[tuple[ConsentRequest, str]] = []
    missing = [r for r in claimed if r.subject.ref not in addresses]
    for request in claimed:
        address = addresses.get(request.subject.ref)
        if address is None:
            continue
        link_token = token_make(ref=request.ref, kind=TokenKind.ANSWER, days=ANSWER_DAYS, now=now)
        link = f"{request.origin}/{request.lang}/consent/{link_token}/"
        campaign = campaign_get(version=request.policy_version, purpose=request.purpose)
        subject, body = mail_render(
            campaign=campaign,
            policy=policy,
            lang=request.lang,
            link=link,
            expires_at=now + timedelta(days=ANSWER_DAYS),
        )
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        try:
            message.send(using="default")
        except Exception as exc:  # any failure must leave the request queued
            failed.append((request, error_describe(exc)))
        else:
            sent.append(request)
    _record(now, sent, missing, failed)
    return Delivered(len(sent), len(missing), len(failed))


def _claim(limit: int, now: datetime) -> list[ConsentRequest]:
    due = ConsentRequest.objects.filter(status=RequestStatus.QUEUED, next_attempt_at__lte=now)
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    pks = list(due.filter(free).order_by("next_attempt_at", "pk").values_list("pk", flat=True))
    mine = []
    for pk in pks[:limit]:
        # One row at a time: two senders never both claim it.
        if due.filter(free, pk=pk).update(claimed_until=now + CLAIM):
            mine.append(pk)
    return list(ConsentRequest.objects.select_related("subject").filter(pk__in=mine))


def _addresses(refs: list[str]) -> dict[str, str]:
    """Each person's e-mail address, read for the first purpose (in the policy's order) their
    data is held for that gives it."""
    policy = policy_active()
    email = policy.identifier_categories().get(IdentifierKind.EMAIL)
    if email is None:  # the policy names no category that holds e-mail addresses
        return {}
    held = purposes_held(subject_ids=refs)
    found: dict[str, str] = {}
    for purpose in policy.purposes:
        wanted = [ref for ref in refs if ref not in found and purpose in held.get(ref, ())]
        if not wanted:
            continue
        result = subjects_access(
            actor=ACTOR, purpose=purpose, subject_ids=wanted, via="reconsent", categories=[email]
        )
        for view in result.items:
            if address := view.identifiers.get(IdentifierKind.EMAIL):
                found[view.subject_id] = address
    return found


@transaction.atomic
def _record(
    now: datetime,
    sent: list[ConsentRequest],
    missing: list[ConsentRequest],
    failed: list[tuple[ConsentRequest, str]],
) -> None:
    done = timezone.now()
    ConsentRequest.objects.filter(pk__in=[r.pk for r in sent]).update(
        status=RequestStatus.SENT, sent_at=done, claimed_until=None, last_error=""
    )
    ConsentRequest.objects.filter(pk__in=[r.pk for r in missing]).update(
        status=RequestStatus.NO_EMAIL, claimed_until=None
    )
    for request, error in failed:
        ConsentRequest.objects.filter(pk=request.pk).update(
            attempts=request.attempts + 1,
            last_error=error[:200],
            next_attempt_at=now + min(timedelta(minutes=2**request.attempts), MAX_BACKOFF),
            claimed_until=None,
        )
    for request in sent:
        ConsentRequest.objects.filter(pk=request.pk).update(attempts=request.attempts + 1)
    audit_record(
        actor=ACTOR,
        action="reconsent.send",
        subjects=[r.subject.ref for r in sent],
        detail={
            "sent": len(sent),
            "no_email": len(missing),
            "failed": len(failed),
        },
    )
