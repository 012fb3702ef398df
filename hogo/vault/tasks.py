"""Background work of the vault (Django Tasks API)."""

from django.tasks import task

from hogo.vault.erasure import retention_dispose


@task
def retention_sweep() -> dict[str, int]:
    """Disposes of personal data past its retention; enqueue it daily (`hogo vault sweep
    --enqueue` from cron, or a worker's scheduler)."""
    summary = retention_dispose()
    return {
        "items": summary.items,
        "subjects_closed": summary.subjects_closed,
        "keys_destroyed": summary.keys_destroyed,
        "notes": summary.notes,
    }
