"""The TOTP secret is sealed with a key kept outside the database: the table never holds the
base32 secret, a copy of the database with another key file opens nothing, and migration 0006
seals the secrets stored in the clear before it."""

import base64
import re
from pathlib import Path

import pyotp
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from hogo.console.models import SecondFactor
from hogo.console.second_factor import second_factor_verify
from hogo.console.selectors import second_factor_pending
from hogo.console.totp_key import SecondFactorKeyError, secret_open

SETUP = "/console/staff/second-factor/"
BEFORE = [("console", "0005_secondfactor")]
LATEST = [("console", "0007_secondfactor_secret_remove")]


def _stored_row(user: User) -> bytes:
    """Every column of the user's row, as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM console_secondfactor WHERE user_id = %s", [user.pk])
        row = cursor.fetchone()
    assert row is not None
    return b"|".join(
        bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode() for v in row
    )


def _secret_shown(client: Client) -> str:
    found = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', client.get(SETUP).text)
    assert found is not None
    return found.group(1).replace(" ", "")


def _never_stored(secret: str, stored: bytes) -> None:
    for form in (secret, secret.lower(), base64.b32decode(secret).hex()):
        assert form.encode() not in stored
    assert base64.b32decode(secret) not in stored


@pytest.mark.django_db
def test_the_table_never_holds_the_secret(desk_operator: User, second_factor_key: Path) -> None:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(desk_operator)
    secret = _secret_shown(client)
    _never_stored(secret, _stored_row(desk_operator))
    assert client.post(SETUP, {"code": pyotp.TOTP(secret).now()}).status_code == 302
    _never_stored(secret, _stored_row(desk_operator))
    assert second_factor_key.stat().st_mode & 0o077 == 0  # the key file is the owner's alone


@pytest.mark.django_db
def test_another_key_file_opens_nothing(
    desk_operator: User, second_factor_key: Path, settings: object, tmp_path: Path
) -> None:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(desk_operator)
    secret = _secret_shown(client)
    factor = SecondFactor.objects.get(user=desk_operator)
    assert secret_open(factor.sealed, user_id=desk_operator.pk) == secret
    with pytest.raises(SecondFactorKeyError, match="does not open"):
        secret_open(factor.sealed, user_id=desk_operator.pk + 1)  # not another user's row
    other = tmp_path / "other.key"
    other.write_text(base64.b64encode(b"k" * 32).decode())
    other.chmod(0o600)
    settings.SECOND_FACTOR_KEY_FILE = other  # type: ignore[attr-defined]
    with pytest.raises(SecondFactorKeyError, match="does not belong to this database"):
        second_factor_pending(user=desk_operator)
    settings.SECOND_FACTOR_KEY_FILE = tmp_path / "missing.key"  # type: ignore[attr-defined]
    with pytest.raises(SecondFactorKeyError, match="does not exist"):
        second_factor_pending(user=desk_operator)


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_secrets_stored_in_the_clear(
    desk_operator: User, second_factor_key: Path
) -> None:
    secret = pyotp.random_base32()
    _migrate(BEFORE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO console_secondfactor (user_id, secret, created_at, confirmed_at, "
                "last_step) VALUES (%s, %s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)",
                [desk_operator.pk, secret],
            )
    finally:
        _migrate(LATEST)
    _never_stored(secret, _stored_row(desk_operator))
    factor = SecondFactor.objects.get(user=desk_operator)
    assert secret_open(factor.sealed, user_id=desk_operator.pk) == secret
    code = pyotp.TOTP(secret).now()
    assert second_factor_verify(user=desk_operator, code=code) == "accepted"


@pytest.mark.django_db
def test_a_missing_key_file_is_a_clear_refusal_at_log_in(
    desk_operator: User, second_factor_key: Path
) -> None:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(desk_operator)
    secret = _secret_shown(client)
    client.post(SETUP, {"code": pyotp.TOTP(secret).now()})
    second_factor_key.unlink()
    login = Client(headers={"Accept-Language": "en"})
    response = login.post(
        "/console/admin/login/",
        {"username": "daniel", "password": "correct horse battery staple", "next": "/console/"},
    )
    page = login.post(response["Location"], {"code": "123456"})
    assert page.status_code == 200
    assert "key for second factors is missing or wrong" in page.text
    assert login.get("/console/admin/").status_code == 302  # not logged in
