from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hogo.audit.anchor import Anchor, AnchorError, anchor_at, anchor_send, anchors_read, is_url
from hogo.audit.keys import AuditKeyError, audit_key_read
from hogo.audit.selectors import audit_verify
from hogo.audit.services import audit_key_ensure


class Command(BaseCommand):
    help = (
        "The audit log: `hogo audit verify [--anchor PATH]` checks every event's hash and link, "
        "and every anchored head; exit 0 with `ok: N events, head <hash>`, or exit 1 naming the "
        "first bad event and why. `hogo audit anchor [--to PATH|URL]` checks the chain, then "
        "appends a signed checkpoint of its head to a file or POSTs it to an endpoint."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="command", required=True, metavar="{verify,anchor}")
        verify = sub.add_parser("verify", help="recompute the chain, check it against anchors")
        verify.add_argument(
            "--anchor",
            metavar="PATH",
            help="an anchor file (a downloaded copy when HOGO_AUDIT_ANCHOR is a URL); "
            "default: HOGO_AUDIT_ANCHOR when it is a file",
        )
        anchor = sub.add_parser("anchor", help="write a signed checkpoint of the chain's head")
        anchor.add_argument(
            "--to", metavar="PATH|URL", help="where to write it; default: HOGO_AUDIT_ANCHOR"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["command"] == "anchor":
                self.anchor(options["to"] or settings.AUDIT_ANCHOR)
            else:
                self.verify(options["anchor"])
        except (AnchorError, AuditKeyError) as exc:
            self.stdout.write(str(exc))
            raise SystemExit(1) from None

    def verify(self, anchor_file: str | None) -> None:
        anchors = self.anchors(anchor_file)
        result = audit_verify(anchors=anchors)
        self.stdout.write(result.line)
        if not result.ok:
            raise SystemExit(1)

    def anchor(self, to: str) -> None:
        if not to:
            raise CommandError("no anchor destination: pass --to PATH|URL or set HOGO_AUDIT_ANCHOR")
        key = audit_key_ensure()
        # Anchoring a broken, cut or rewritten chain would vouch for it: check it first, against
        # the earlier anchors when they are in a file here.
        earlier = [] if is_url(to) or not Path(to).exists() else self.anchors(to)
        result = audit_verify(anchors=earlier)
        if not result.ok:
            self.stdout.write(result.line)
            self.stdout.write("not anchored: the chain does not verify")
            raise SystemExit(1)
        anchor = anchor_at(events=result.events, head=result.head)
        anchor_send(anchor=anchor, key=key, to=to)
        self.stdout.write(f"anchored: {anchor.events} events, head {anchor.head} ({anchor.at})")

    def anchors(self, anchor_file: str | None) -> list[Anchor]:
        """The anchors to check against: those of an explicit file (which must exist), else of
        the configured file once `hogo audit anchor` has made it."""
        if anchor_file is None:
            configured = settings.AUDIT_ANCHOR
            if not configured or is_url(configured) or not Path(configured).exists():
                return []
            anchor_file = configured
        key = audit_key_read()
        if key is None:
            raise AnchorError(
                f"anchors in {anchor_file} cannot be checked: the audit key file does not exist"
            )
        return anchors_read(path=Path(anchor_file), key=key)
