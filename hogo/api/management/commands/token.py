"""`hogo token create|list|revoke`: API bearer tokens for staff users.

`create USERNAME` prints the new token alone on stdout (scripts capture it) and, on stderr, the
prefix that names it. `list [USERNAME]` shows prefixes, owners and state, never a token.
`revoke PREFIX` revokes one token; `revoke --user USERNAME --all` every live token of a user.
Issuing and revoking are audited (actor `system:cli`).
"""

from argparse import ArgumentParser
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hogo.api.models import ApiToken, token_prefix
from hogo.api.services import token_create, token_revoke, tokens_revoke
from hogo.errors import HogoError

ACTOR = "system:cli"


class Command(BaseCommand):
    help = "Manage API tokens: create USERNAME, list [USERNAME], revoke PREFIX | --user U --all."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="print a new API token for a staff user")
        create.add_argument("username")
        listing = sub.add_parser("list", help="list tokens (prefix, user, state)")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix, or all of a user's")
        revoke.add_argument("prefix", nargs="?", help="the prefix `create` and `list` show")
        revoke.add_argument("--user", dest="revoke_user", help="with --all: whose tokens")
        revoke.add_argument("--all", action="store_true", help="every live token of --user")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "create":
                self.do_create(options)
            elif action == "list":
                self.do_list(options)
            else:
                self.do_revoke(options)
        except HogoError as exc:
            raise CommandError(exc.message) from exc

    def do_create(self, options: dict[str, Any]) -> None:
        user = self.user(options["username"])
        token = token_create(actor=ACTOR, user=user)
        self.stdout.write(token)
        self.stderr.write(
            f"token {token_prefix(token)} for {user.username}; "
            f"revoke it with `hogo token revoke {token_prefix(token)}`"
        )

    def do_list(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("created_at", "pk")
        if options["username"]:
            tokens = tokens.filter(user=self.user(options["username"]))
        for token in tokens:
            self.stdout.write(
                f"{token.prefix}  {token.user.username}  created {_when(token.created_at)}  "
                f"last used {_when(token.last_used_at)}  "
                + (f"revoked {_when(token.revoked_at)}" if token.revoked_at else "live")
            )

    def do_revoke(self, options: dict[str, Any]) -> None:
        prefix, username, every = options["prefix"], options["revoke_user"], options["all"]
        if bool(prefix) == bool(every or username):
            raise CommandError("give a token prefix, or --user USERNAME --all (not both)")
        if prefix:
            revoked = token_revoke(actor=ACTOR, prefix=prefix)
            self.stdout.write(f"revoked {revoked.prefix} of {revoked.user.username}")
            return
        if not (username and every):
            raise CommandError("to revoke by user, give both --user USERNAME and --all")
        user = self.user(username)
        done = tokens_revoke(actor=ACTOR, tokens=list(ApiToken.objects.filter(user=user)))
        self.stdout.write(f"revoked {len(done)} token(s) of {user.username}")

    def user(self, username: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        return user


def _when(moment: datetime | None) -> str:
    """Local time with the zone, as staff read it."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z") if moment else "never"
