from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from hogo.api.services import token_create
from hogo.errors import HogoError


class Command(BaseCommand):
    help = "Manage API tokens: `hogo token create USERNAME` prints a new token for a staff user."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="print a new API token for a staff user")
        create.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"no user named {options['username']!r}")
        try:
            self.stdout.write(token_create(user=user))
        except HogoError as exc:
            raise CommandError(exc.message) from exc
