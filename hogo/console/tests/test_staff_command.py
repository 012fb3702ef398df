import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.console.services import login_failure_record
from hogo.throttle.models import Throttle

CREATED = re.compile(r"created staff user (\S+) \((\w+)\) with password: (\S+)\n")


def staff_create(*args: str) -> tuple[str, str, str]:

    out = StringIO()
    call_command("staff", "create", *args, stdout=out)
    match = CREATED.fullmatch(out.getvalue())
    assert match is not None, out.getvalue()
    return match.group(1), match.group(2), match.group(3)


@pytest.mark.django_db
def test_it_creates_a_staff_user_and_prints_a_password_that_works(client: Client) -> None:
    username, role, password = staff_create("olga", "--role", "desk_operator")
    assert (username, role) == ("olga", "desk_operator")
    assert len(password) >= 20
    user = User.objects.get(username="olga")
    assert user.is_active
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["desk_operator"]
    assert user.password.startswith("argon2")
    assert password not in user.password
    assert client.login(username="olga", password=password)


@pytest.mark.django_db
def test_it_makes_the_privacy_officer_a_superuser() -> None:
    staff_create("officer", "--role", "privacy_officer", "--email", "officer@example.jp")
    user = User.objects.get(username="officer")
    assert user.is_superuser
    assert user.email == "officer@example.jp"


@pytest.mark.django_db
def test_it_records_the_creation_in_the_audit_log_without_the_username() -> None:
    staff_create("olga", "--role", "auditor")
    event = AuditEvent.objects.get(action="console.staff.created")
    user = User.objects.get(username="olga")
    assert event.actor == "system:cli"
    assert event.detail == {"user": f"user:{user.pk}", "role": "auditor"}
    assert "olga" not in str(event.detail)


@pytest.mark.django_db
def test_it_leaves_an_existing_user_alone_with_if_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    staff_create("officer", "--role", "privacy_officer")
    before = User.objects.get(username="officer").password
    call_command("staff", "create", "officer", "--role", "privacy_officer", "--if-missing")
    assert capsys.readouterr().out == "staff user officer exists; password unchanged\n"
    assert User.objects.get(username="officer").password == before


@pytest.mark.django_db
def test_it_refuses_an_existing_user_without_if_missing() -> None:
    staff_create("officer", "--role", "privacy_officer")
    with pytest.raises(CommandError, match="staff user officer already exists"):
        call_command("staff", "create", "officer", "--role", "auditor")


@pytest.mark.django_db
def test_it_refuses_an_unknown_role_and_writes_nothing() -> None:
    with pytest.raises(CommandError, match="unknown role 'boss'; choose one of: privacy_officer"):
        call_command("staff", "create", "olga", "--role", "boss")
    assert not User.objects.filter(username="olga").exists()
    assert not AuditEvent.objects.filter(action="console.staff.created").exists()


@pytest.mark.django_db
def test_it_refuses_an_unknown_role_even_with_if_missing() -> None:
    staff_create("officer", "--role", "privacy_officer")
    with pytest.raises(CommandError, match="unknown role"):
        call_command("staff", "create", "officer", "--role", "boss", "--if-missing")


@pytest.mark.django_db
def test_it_refuses_a_bad_username_or_email() -> None:
    with pytest.raises(CommandError, match="a username may contain only"):
        call_command("staff", "create", "o l g a", "--role", "auditor")
    with pytest.raises(CommandError, match="the e-mail address is not valid"):
        call_command("staff", "create", "olga", "--role", "auditor", "--email", "nope")
    assert not User.objects.filter(username__in=["olga", "o l g a"]).exists()


def test_it_lists_staff_users_with_their_roles(
    officer: User, auditor: User, outsider: User, capsys: pytest.CaptureFixture[str]
) -> None:
    User.objects.create_user("customer")  # not staff: not listed
    call_command("staff", "list")
    assert capsys.readouterr().out.splitlines() == [
        "aiko\tauditor",
        "olivia\tprivacy_officer",
        "oscar\t-",
    ]


@pytest.mark.django_db
def test_it_resets_a_staff_password_and_prints_the_new_one_once(client: Client) -> None:
    _, _, old = staff_create("officer", "--role", "privacy_officer")
    out = StringIO()
    call_command("staff", "password", "officer", stdout=out)
    match = re.fullmatch(r"new password for staff user officer: (\S+)\n", out.getvalue())
    assert match is not None, out.getvalue()
    new = match.group(1)
    assert len(new) >= 20
    assert new != old
    assert new not in User.objects.get(username="officer").password
    assert not client.login(username="officer", password=old)
    assert client.login(username="officer", password=new)
    event = AuditEvent.objects.get(action="console.staff.password_reset")
    assert event.actor == "system:cli"
    assert event.detail == {"user": f"user:{User.objects.get(username='officer').pk}"}
    assert new not in str(event.detail)
    assert "officer" not in str(event.detail)


@pytest.mark.django_db
def test_it_lifts_the_lockout_of_the_username_whose_password_it_resets() -> None:
    staff_create("officer", "--role", "privacy_officer")
    for _ in range(6):
        login_failure_record(username="officer", network=None)
    assert Throttle.objects.get(scope="login_username").locked_until
    call_command("staff", "password", "officer", stdout=StringIO())
    assert not Throttle.objects.filter(scope="login_username").exists()


@pytest.mark.django_db
def test_it_refuses_to_reset_the_password_of_an_unknown_or_non_staff_user() -> None:
    User.objects.create_user("customer", password="kept-as-it-is")
    before = User.objects.get(username="customer").password
    with pytest.raises(CommandError, match="no staff user customer"):
        call_command("staff", "password", "customer")
    with pytest.raises(CommandError, match="no staff user nobody"):
        call_command("staff", "password", "nobody")
    assert User.objects.get(username="customer").password == before
    assert not AuditEvent.objects.filter(action="console.staff.password_reset").exists()
