"""`hogo prepare` (what `./dev start` runs before serving): the first run loads the policy and
creates the staff user, printing its password once; a second run finds both done and writes
nothing."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from hogo.audit.models import AuditEvent
from hogo.console.management.commands.prepare import migrations_pending
from hogo.policy.models import PolicyVersion

pytestmark = pytest.mark.django_db(databases=["default", "keys"])


def prepare() -> str:
    out = StringIO()
    call_command("prepare", "--staff", "officer", "--role", "privacy_officer", stdout=out)
    return out.getvalue()


def test_it_loads_the_policy_and_creates_the_staff_user_once() -> None:
    first = prepare()
    assert first.startswith("policy version 1 loaded: ")
    match = re.search(r"created staff user officer \(privacy_officer\) with password: (\S+)", first)
    assert match is not None, first
    user = User.objects.get(username="officer")
    assert user.check_password(match.group(1))
    events = AuditEvent.objects.count()

    second = prepare()
    assert second == ("unchanged: version 1\nstaff user officer exists; password unchanged\n")
    assert User.objects.get(username="officer").password == user.password
    assert PolicyVersion.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_it_sees_no_pending_migration_on_a_migrated_database() -> None:
    assert migrations_pending() is False
