"""`hogo safety tick`: the safety program's periodic work (every few minutes from cron);
`hogo safety notify INCIDENT`: queue (or resume queuing) the incident's notices to people."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hogo.errors import HogoError
from hogo.safety.notices import BATCH, Sent, notices_send
from hogo.safety.tick import safety_tick


class Command(BaseCommand):
    help = (
        "Safety program maintenance. `tick`: mail the privacy officer before each incident "
        "report deadline and when one passes, and each staff member whose training is "
        "overdue, the owners of overdue corrective actions and the officer about contractors "
        "whose supervision is overdue (once per due day; the desk's outbox delivers them); "
        "dispose of the sealed evidence of incidents closed longer than their retention. "
        "`notify INCIDENT`: hand the incident's pending notices to the people affected to the "
        "outbox, batch by batch (safe to run again, and after a crash: nobody is mailed twice)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("tick", help="Send the reminders that are due (run it from cron).")
        notify = sub.add_parser("notify", help="Queue the incident's pending notices.")
        notify.add_argument("incident", help="The incident's id (inc_...).")
        notify.add_argument("--batch-size", type=int, default=BATCH, help="People per batch.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "notify":
            self._notify(options["incident"], options["batch_size"])
            return
        summary = safety_tick()
        self.stdout.write(", ".join(f"{key} {value}" for key, value in summary.items()))

    def _notify(self, ref: str, batch_size: int) -> None:
        def progress(sent: Sent) -> None:
            # One line per committed batch (the drills kill the process after one).
            self.stdout.write(f"batch queued {sent.queued}, not reachable {sent.unreachable}")
            self.stdout.flush()

        try:
            total = notices_send(ref=ref, batch_size=batch_size, progress=progress)
        except HogoError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(
            f"queued {total.queued}, not reachable {total.unreachable}, batches {total.batches}"
        )
