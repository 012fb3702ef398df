"""Re-consent's background work (Django Tasks API): sending the queued requests."""

from django.tasks import task

from hogo.reconsent.delivery import requests_deliver


@task
def requests_send() -> dict[str, int]:
    """Sends every due request, batch by batch, until none is left that can go now."""
    totals = {"sent": 0, "no_email": 0, "failed": 0}
    while True:
        done = requests_deliver()
        totals["sent"] += done.sent
        totals["no_email"] += done.no_email
        totals["failed"] += done.failed
        if done.sent + done.no_email == 0:  # nothing due, or the server refuses: retry later
            return totals
