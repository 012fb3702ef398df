"""The safety app's background work (Django Tasks API): queuing a round of notices."""

from django.tasks import task

from hogo.safety.notices import notices_send


@task
def incident_notices_send(incident_ref: str) -> dict[str, int]:
    """Hands every pending notice of the incident to the outbox (resumes a crashed run too)."""
    sent = notices_send(ref=incident_ref)
    return {"queued": sent.queued, "unreachable": sent.unreachable, "batches": sent.batches}
