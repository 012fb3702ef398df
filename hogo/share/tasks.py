"""Background work of the share app (Django Tasks API)."""

from django.tasks import task

from hogo.share.retention import records_dispose


@task
def records_sweep() -> dict[str, int]:
    """Disposes of provision records past retention and expired packages; enqueue it daily
    (`hogo share sweep --enqueue` from cron, or a worker's scheduler)."""
    summary = records_dispose()
    return {
        "records": summary.records,
        "provisions": summary.provisions,
        "lines": summary.lines,
        "packages": summary.packages,
        "confirmations": summary.confirmations,
    }
