"""Writes of re-consent: queuing a campaign's requests, and the person's answer (agree,
decline, withdraw). Each records one audit event for what it writes; agreeing and withdrawing
go through the consent app's services, which record theirs, and open or close the vault's copy
of the consent that reads check."""

import hashlib
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.collect.selectors import languages_last_used
from hogo.consent.selectors import ConsentKind, consent_active
from hogo.consent.services import consent_give, consent_withdraw
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.reconsent.content import explain
from hogo.reconsent.models import Answer, ConsentRequest
from hogo.reconsent.selectors import campaign_get, campaign_subjects
from hogo.vault.reconsent import purpose_consent_open
from hogo.vault.selectors import SubjectStatus

BATCH = 5000  # requests per audit event (the log takes at most 10,000 subjects per event)
LANGS = ("ja", "en")
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


@dataclass(frozen=True)
class Queued:
    queued: int
    already: int  # asked before: never asked twice


@transaction.atomic
def requests_queue(*, actor: str, version: int, purpose: str, origin: str) -> Queued:
    """Queues a consent request for everyone the campaign concerns who has not been asked yet,
    and sends them once this commits. Running it again asks only people not asked before."""
    if not _ORIGIN.fullmatch(origin):
        raise InvalidInput("origin: scheme://host[:port] of the consent page, no path")
    campaign = campaign_get(version=version, purpose=purpose)
    if purpose not in policy_active().purposes:
        raise Conflict(f"{purpose!r} is no longer a purpose of the active policy", code="gone")
    asked = ConsentRequest.objects.filter(policy_version=version, purpose=purpose)
    people = campaign_subjects(campaign)
    already = people.filter(pk__in=asked.values("subject_id")).count()
    new = list(people.exclude(pk__in=asked.values("subject_id")).values_list("pk", "ref"))
    now = timezone.now()
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        langs = _languages([pk for pk, _ in batch])
        ConsentRequest.objects.bulk_create(
            ConsentRequest(
                subject_id=pk,
                policy_version=version,
                purpose=purpose,
                lang=langs.get(pk, LANGS[0]),
                origin=origin,
                queued_at=now,
                queued_by=actor,
                next_attempt_at=now,
            )
            for pk, _ in batch
        )
        audit_record(
            actor=actor,
            action="reconsent.queue",
            purpose=purpose,
            subjects=[ref for _, ref in batch],
            detail={"policy_version": version, "queued": len(batch)},
        )
    if new:
        transaction.on_commit(_send_later)
    return Queued(queued=len(new), already=already)


def _send_later() -> None:
    # Imported here: the task module imports the delivery module, which imports this one's app.
    from hogo.reconsent.tasks import requests_send

    requests_send.enqueue()


def _languages(pks: list[int]) -> dict[int, str]:
    """Each person's language: that of the form they last used, Japanese when none."""
    return languages_last_used(subject_pks=pks, among=LANGS)


def request_wording_sha256(request: ConsentRequest, lang: str) -> str:
    """Digest of what the page showed the person (consent evidence)."""
    policy = policy_active()
    campaign = campaign_get(version=request.policy_version, purpose=request.purpose)
    said = explain(campaign, policy, lang)
    shown = "\n".join(
        [said.title, said.description, *said.changes, *said.new_categories, said.if_not]
    )
    return hashlib.sha256(shown.encode()).hexdigest()


@transaction.atomic
def request_answer(*, ref: str, answer: Answer, lang: str, network: str = "") -> ConsentRequest:
    """Records the person's answer to a request: agreeing gives a purpose consent under the
    active version and opens the purpose (or its new categories) for their earlier data;
    declining is recorded; withdrawing withdraws that consent and closes it again."""
    request = (
        ConsentRequest.objects.select_for_update().select_related("subject").filter(ref=ref).first()
    )
    if request is None:
        raise NotFound("no such consent request")
    if lang not in LANGS:
        raise InvalidInput(f"lang: must be one of {', '.join(LANGS)}")
    if request.subject.status != SubjectStatus.ACTIVE:
        raise Conflict("nothing is held about this person any more", code="gone")
    actor = f"subject:{request.subject.ref}"
    if answer == Answer.AGREED:
        _agree(request, actor, lang, network)
    elif answer == Answer.DECLINED:
        if request.answer == Answer.AGREED:
            raise Conflict("consent was given: withdraw it instead", code="agreed")
        audit_record(
            actor=actor,
            action="reconsent.decline",
            purpose=request.purpose,
            subjects=[request.subject.ref],
            detail={"request": request.ref, "policy_version": request.policy_version},
        )
    elif answer == Answer.WITHDRAWN:
        if request.answer != Answer.AGREED:
            raise Conflict("there is no consent to withdraw", code="not_agreed")
        active = consent_active(
            subject_id=request.subject.ref, kind=ConsentKind.PURPOSE, target=request.purpose
        )
        if active is not None:
            consent_withdraw(actor=actor, consent_id=active.ref)
    else:
        raise InvalidInput("answer: agreed, declined or withdrawn")
    request.answer = answer
    request.answered_at = timezone.now()
    request.save(update_fields=["answer", "answered_at", "consent_ref"])
    return request


def _agree(request: ConsentRequest, actor: str, lang: str, network: str) -> None:
    policy = policy_active()
    assert policy.version is not None
    if request.purpose not in policy.purposes:
        raise Conflict(f"{request.purpose!r} is no longer a purpose of the policy", code="gone")
    evidence: dict[str, object] = {
        "method": "reconsent_link",
        "request": request.ref,
        "lang": lang,
        "text_sha256": request_wording_sha256(request, lang),
    }
    if network:
        evidence["network"] = network
    consent = consent_give(
        actor=actor,
        subject_id=request.subject.ref,
        kind=ConsentKind.PURPOSE,
        target=request.purpose,
        policy_version=policy.version,
        evidence=evidence,
    )
    purpose_consent_open(
        actor=actor,
        subject_id=request.subject.ref,
        purpose=request.purpose,
        policy_version=policy.version,
        consent_ref=consent.ref,
    )
    request.consent_ref = consent.ref
