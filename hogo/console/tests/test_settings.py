"""hogo's settings: malformed environment stops start-up; production defaults are hardened."""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo import settings as hogo_settings

REPO = Path(__file__).resolve().parents[3]
GOOD_KEY = secrets.token_urlsafe(50)
SMTP = "smtp://127.0.0.1:2525"


def hogo(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the `hogo` entry point in a clean environment with a throwaway data directory."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HOGO_", "DATABASE_URL"))}
    # Production (HOGO_DEBUG off) needs a real mail server; nothing is sent by these commands.
    clean.update({"HOGO_DATA_DIR": str(tmp_path / "data"), "HOGO_EMAIL_URL": SMTP, **env})
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    # Set by the browser fixture while Chromium is open in this test process; never in production.
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "-m", "hogo.manage", *args],
        cwd=REPO,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        umask=0o022,  # a usual login shell's, not the tests' own 077 (conftest)
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("HOGO_DEBUG", "maybe"),
        ("DATABASE_URL", "mysql://x"),
        ("DATABASE_URL", "postgresql://hogo@db.example.jp:99999/hogo"),
        ("DATABASE_URL", "postgresql://hogo@db.example.jp:port/hogo"),
        ("DATABASE_URL", "postgresql://hogo@db.example.jp:5432"),
        ("HOGO_EMAIL_URL", "ftp://x"),
        ("HOGO_EMAIL_URL", "smtp://mail.example.jp:twentyfive"),
        ("HOGO_SECRET_KEY", "too-short"),
        ("HOGO_SECRET_KEY", "a" * 60),
        ("HOGO_ALLOWED_HOSTS", ""),
        ("HOGO_ALLOWED_HOSTS", " , "),
        ("HOGO_SITE_ORIGINS", "www.example.jp"),
        ("HOGO_SITE_ORIGINS", "https://www.example.jp/path"),
        ("HOGO_TASKS", "celery"),
        ("HOGO_TRUSTED_PROXIES", "proxy.example.jp"),
        ("HOGO_TRUSTED_PROXIES", "10.0.0.0/33"),
        ("HOGO_DISCLOSURE_FORMAT", "rar"),
    ],
)
def test_it_refuses_to_start_with_a_malformed_variable(
    tmp_path: Path, variable: str, value: str
) -> None:
    result = hogo(tmp_path, "check", **{variable: value})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("hogo: configuration error: ")
    assert variable in result.stderr
    assert "Traceback" not in result.stderr


def test_it_names_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("")
    result = hogo(tmp_path, "check", HOGO_DATA_DIR=str(tmp_path / "afile"))
    assert result.returncode == 2
    assert "HOGO_DATA_DIR must be a directory" in result.stderr


def test_it_reports_configuration_errors_for_hogo_commands_too(tmp_path: Path) -> None:
    result = hogo(tmp_path, "staff", "list", HOGO_DEBUG="maybe")
    assert result.returncode == 2
    assert (
        result.stderr
        == "hogo: configuration error: HOGO_DEBUG must be true or false, not 'maybe'\n"
    )


def test_the_deploy_check_finds_nothing_in_production_settings(tmp_path: Path) -> None:
    result = hogo(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        HOGO_DEBUG="false",
        HOGO_SECRET_KEY=GOOD_KEY,
        HOGO_EMAIL_URL="smtp+tls://hogo:pw@mail.example.jp:587",
        HOGO_ALLOWED_HOSTS="privacy.example.jp",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_it_sends_the_security_headers(client: Client) -> None:
    response = client.get("/console/admin/login/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp


def test_it_marks_cookies_secure_after_a_login(officer: User, client: Client) -> None:
    response = client.post(
        "/console/admin/login/",
        {"username": "olivia", "password": "correct horse battery staple"},
        headers={"X-Forwarded-Proto": "https"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert response.cookies["csrftoken"]["secure"] is True


def test_it_redirects_plain_http_to_https(settings: Any, client: Client) -> None:
    settings.SECURE_SSL_REDIRECT = True  # on in production; the test conftest turns it off
    response = client.get("/console/admin/login/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/console/admin/login/"
    assert client.get("/healthz").status_code == 200, "the load balancer probes plain HTTP"
    via_proxy = client.get("/console/admin/login/", headers={"X-Forwarded-Proto": "https"})
    assert via_proxy.status_code == 200


def test_it_hashes_staff_passwords_with_argon2_only() -> None:
    """The console tests use a cheaper Argon2; production keeps Django's Argon2 costs."""
    assert hogo_settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.Argon2PasswordHasher"]


def test_it_keeps_the_data_directory_and_its_files_to_their_owner(tmp_path: Path) -> None:
    """Databases (with live session keys), keys and the secret are 0600 in a 0700 directory
    from the first command on, and `hogo check` warns once any is opened to others."""
    assert hogo(tmp_path, "migrate", "-v", "0").returncode == 0
    make_key = "from hogo.vault.kek import kek_store; kek_store().create()"
    assert hogo(tmp_path, "shell", "-c", make_key).returncode == 0  # as the first person stored
    data = tmp_path / "data"
    assert data.stat().st_mode & 0o777 == 0o700
    names = {p.name for p in data.iterdir()}
    assert {"hogo.sqlite3", "keys.sqlite3", "master.key", "secret_key"} <= names
    modes = {p.name: p.stat().st_mode & 0o777 for p in data.iterdir()}
    assert modes == dict.fromkeys(names, 0o600)
    assert "vault.W001" not in hogo(tmp_path, "check").stderr
    (data / "hogo.sqlite3").chmod(0o644)
    data.chmod(0o755)
    warned = hogo(tmp_path, "check").stderr
    assert "vault.W001" in warned
    assert f"{data}/" in warned
    assert "hogo.sqlite3" in warned
    assert "keys.sqlite3" not in warned


def test_it_refuses_to_start_in_production_with_mail_printed_on_the_console(
    tmp_path: Path,
) -> None:
    result = hogo(tmp_path, "check", HOGO_EMAIL_URL="console:")
    assert result.returncode != 0
    assert "console.E001" in result.stderr
    assert hogo(tmp_path, "check", HOGO_EMAIL_URL="console:", HOGO_DEBUG="true").returncode == 0
