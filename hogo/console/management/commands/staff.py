from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from hogo.console.second_factor import second_factor_reset
from hogo.console.selectors import staff_roles
from hogo.console.services import staff_create, staff_password_reset
from hogo.errors import HogoError
from hogo.roles import Role


class Command(BaseCommand):
    help = (
        "Manage staff accounts: `hogo staff create USERNAME --role ROLE` prints a generated "
        "password once; `hogo staff password USERNAME` gives a staff user a new generated password "
        "and prints it once; `hogo staff second-factor-reset USERNAME` removes a lost second "
        "factor; `hogo staff list` shows staff users and their roles."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a staff user with a generated password")
        create.add_argument("username")
        create.add_argument("--role", required=True, help=f"one of: {', '.join(Role.values)}")
        create.add_argument("--email", default="")
        create.add_argument(
            "--if-missing",
            action="store_true",
            help="do nothing (exit 0) when the user already exists",
        )
        sub.add_parser("list", help="show staff users and their roles")
        reset = sub.add_parser(
            "password", help="replace a staff user's password with a generated one, printed once"
        )
        reset.add_argument("username")
        lost = sub.add_parser(
            "second-factor-reset", help="remove a staff user's second factor (a lost phone)"
        )
        lost.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for username, roles in staff_roles():
                self.stdout.write(f"{username}\t{','.join(roles) or '-'}")
            return
        username = options["username"]
        if options["action"] == "second-factor-reset":
            self.second_factor_reset(username)
            return
        if options["action"] == "password":
            try:
                password = staff_password_reset(actor="system:cli", username=username)
            except HogoError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(f"new password for staff user {username}: {password}")
            return
        # A bad role is an error even when the user exists: the service says so.
        exists = User.objects.filter(username=username).exists()
        if options["if_missing"] and exists and options["role"] in Role.values:
            self.stdout.write(f"staff user {username} exists; password unchanged")
            return
        try:
            user, password = staff_create(
                actor="system:cli", username=username, role=options["role"], email=options["email"]
            )
        except HogoError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"created staff user {user.username} ({options['role']}) with password: {password}"
        )

    def second_factor_reset(self, username: str) -> None:
        user = User.objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"no staff user {username}")
        try:
            second_factor_reset(actor="system:cli", user_id=user.pk)
        except HogoError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"second factor of staff user {username} removed")
