"""Stopping and resuming provision of a subject's data to others (APPI Art. 35(3)).

The vault keeps the fact; the share app reads it (`selectors.subjects_provision_stopped`) and
refuses a stopped subject in every provision to another organization. Each change records one
audit event; asking for the state a subject is already in changes and records nothing.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.vault.models import ProvisionStop, Subject, SubjectStatus

_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


@dataclass(frozen=True)
class ProvisionStopState:
    subject_id: str
    stopped: bool
    changed: bool


@transaction.atomic
def subject_provision_stop(
    *, actor: str, subject_id: str, request_ref: str = ""
) -> ProvisionStopState:
    subject = _subject_locked(subject_id, request_ref)
    if ProvisionStop.objects.filter(subject=subject, lifted_at__isnull=True).exists():
        return ProvisionStopState(subject.ref, stopped=True, changed=False)
    ProvisionStop.objects.create(subject=subject, stopped_by=actor, request_ref=request_ref)
    audit_record(
        actor=actor,
        action="vault.provision.stop",
        subjects=[subject.ref],
        detail={"request_ref": request_ref},
    )
    return ProvisionStopState(subject.ref, stopped=True, changed=True)


@transaction.atomic
def subject_provision_resume(
    *, actor: str, subject_id: str, request_ref: str = ""
) -> ProvisionStopState:
    subject = _subject_locked(subject_id, request_ref)
    lifted = ProvisionStop.objects.filter(subject=subject, lifted_at__isnull=True).update(
        lifted_at=timezone.now(), lifted_by=actor
    )
    if lifted:
        audit_record(
            actor=actor,
            action="vault.provision.resume",
            subjects=[subject.ref],
            detail={"request_ref": request_ref},
        )
    return ProvisionStopState(subject.ref, stopped=False, changed=bool(lifted))


def _subject_locked(subject_id: str, request_ref: str) -> Subject:
    if request_ref and not _REF.fullmatch(request_ref):
        raise InvalidInput("request_ref: must be a case or request id (letters, digits, _.:-)")
    subject = Subject.objects.select_for_update().filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    if subject.status != SubjectStatus.ACTIVE:
        raise Conflict(f"subject {subject_id} is {subject.status}: nothing is held", code="gone")
    return subject
