"""hogo's one settings module.

Every value comes from the environment (see docs/architecture.md, "Public interface") with a
safe default for one machine. A malformed value stops start-up with a message naming the
variable.
"""

import contextlib
import ipaddress
import os
import secrets
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envrate(name: str, default: str) -> tuple[int, int]:
    """COUNT/SECONDS, such as 20/600 (twenty per ten minutes)."""
    value = os.environ.get(name, default).strip()
    count, _, seconds = value.partition("/")
    if not (count.isdigit() and seconds.isdigit() and int(count) > 0 and int(seconds) > 0):
        raise ImproperlyConfigured(f"{name} must look like 20/600 (count/seconds), not {value!r}")
    return int(count), int(seconds)


def trusted_proxies(name: str, default: str) -> list[str]:
    """HOGO_TRUSTED_PROXIES: the addresses or networks the reverse proxy connects from, and
    `unix` for a proxy on a unix socket (REMOTE_ADDR is then empty); `none` when clients connect
    directly. Only these may tell hogo the client's address in X-Forwarded-For."""
    items = envlist(name, default)
    if items == ["none"]:
        return []
    for item in items:
        if item == "unix":
            continue
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must be comma-separated addresses or networks (127.0.0.1, 10.0.0.0/8), "
                f"unix, or none; not {item!r}"
            ) from None
    return items


def data_dir(name: str = "HOGO_DATA_DIR") -> Path:
    path = Path(os.environ.get(name, "./var")).resolve()
    # Created when first needed (SQLite, generated keys); a file in its place is a mistake.
    if path.exists() and not path.is_dir():
        raise ImproperlyConfigured(f"{name} must be a directory, not a file")
    return path


def private_dir(path: Path) -> None:
    """Creates `path` for its owner only (0700): it holds databases, keys and live sessions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)


def private_file(path: Path) -> None:
    """Creates an empty `path` for its owner only (0600) unless it exists. An empty file is an
    empty SQLite database, and SQLite gives its journal and WAL files the database's mode."""
    private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def site_origins(name: str, default: str) -> list[str]:
    """HOGO_SITE_ORIGINS: `*` or origins such as https://www.example.jp (no path)."""
    origins = envlist(name, default)
    for origin in origins:
        if origin != "*" and not is_origin(origin):
            raise ImproperlyConfigured(
                f"{name} must be * or comma-separated origins like https://www.example.jp, "
                f"not {origin!r}"
            )
    return origins


def is_origin(value: str) -> bool:
    parts = urlsplit(value)
    try:
        _ = parts.port  # raises on a malformed port
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not parts.path.strip("/")
        and not parts.query
        and not parts.username
    )


def database_from_url(url: str, *, name: str = "DATABASE_URL") -> dict[str, object]:
    """A PostgreSQL URL as Django's database settings. Its query string carries libpq's
    connection parameters (`?sslmode=verify-full&sslrootcert=/etc/ssl/db.pem`), passed to
    psycopg as they are, and hogo's own `pool_mode=transaction` for a connection through
    PgBouncer in transaction mode (docs/scaling.md)."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql") or not parts.path.strip("/"):
        raise ImproperlyConfigured(
            f"{name} must look like postgresql://user:password@host:5432/dbname"
        )
    try:
        port = parts.port
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} has an invalid port") from exc
    options: dict[str, object] = dict(parse_qsl(parts.query, keep_blank_values=True))
    pool_mode = options.pop("pool_mode", "session")
    if pool_mode not in ("session", "transaction"):
        raise ImproperlyConfigured(f"{name}: pool_mode must be session or transaction")
    database: dict[str, object] = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.strip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
    }
    if pool_mode == "transaction":
        # A server connection serves another client after each transaction: no cursor may
        # outlive one (Django's `.iterator()` opens WITH HOLD cursors), and no statement may be
        # prepared on a connection the next transaction may not get.
        database["DISABLE_SERVER_SIDE_CURSORS"] = True
        options["prepare_threshold"] = None
    return database


def mailer_from_url(url: str) -> dict[str, object]:
    """HOGO_EMAIL_URL: smtp://host:port, smtp+tls://user:pass@host:port or console:."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"BACKEND": "hogo.mailconsole.EmailBackend"}
    if parts.scheme not in ("smtp", "smtp+tls", "smtps") or not parts.hostname:
        raise ImproperlyConfigured(
            "HOGO_EMAIL_URL must be smtp://host:port, smtp+tls://user:pass@host:port or console:"
        )
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError as exc:
        raise ImproperlyConfigured("HOGO_EMAIL_URL has an invalid port") from exc
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname,
            "port": port,
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": parts.scheme == "smtp+tls",
            "use_ssl": parts.scheme == "smtps",
            "timeout": 30,
        },
    }


def secret_key(data_dir: Path) -> str:
    """HOGO_SECRET_KEY, or one generated once into the data directory (mode 0600)."""
    if key := os.environ.get("HOGO_SECRET_KEY"):
        # Django's own deploy check (security.W009) asks for this much; agreeing with it means a
        # key that starts hogo also passes `hogo check --deploy`.
        if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-"):
            raise ImproperlyConfigured(
                "HOGO_SECRET_KEY must be at least 50 random characters "
                "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
            )
        return key
    path = data_dir / "secret_key"
    if not path.exists():
        private_dir(data_dir)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
DEBUG = envbool("HOGO_DEBUG", "false")
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = envlist("HOGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
if not ALLOWED_HOSTS and not DEBUG:
    # Django would answer every request with 400; say why at start instead.
    raise ImproperlyConfigured("HOGO_ALLOWED_HOSTS must name at least one host")
# A proxy on the same machine, over loopback or a unix socket, is the documented production
# set-up (README, "Production"); a proxy elsewhere must be listed.
TRUSTED_PROXIES = trusted_proxies("HOGO_TRUSTED_PROXIES", "127.0.0.1,::1,unix")
SITE_ORIGINS = site_origins("HOGO_SITE_ORIGINS", "*" if DEBUG else "")
POLICY_FILE = Path(os.environ.get("HOGO_POLICY_FILE", BASE_DIR / "policy" / "reference.toml"))
MASTER_KEY_FILE = Path(os.environ.get("HOGO_MASTER_KEY_FILE", DATA_DIR / "master.key"))
# Keys the audit chain and signs its anchors; kept like the master key, never with the database.
AUDIT_KEY_FILE = Path(os.environ.get("HOGO_AUDIT_KEY_FILE", DATA_DIR / "audit.key"))
# Seals staff's TOTP secrets in the database (hogo/console/totp_key.py); kept like the audit key.
SECOND_FACTOR_KEY_FILE = Path(
    os.environ.get("HOGO_SECOND_FACTOR_KEY_FILE", DATA_DIR / "second-factor.key")
)
# Where `hogo audit anchor` writes checkpoints of the audit head: a file path or an http(s) URL.
AUDIT_ANCHOR = os.environ.get("HOGO_AUDIT_ANCHOR", "")
# Destroyed data keys, for `hogo restore` to destroy again (hogo/vault/journal.py); unset means
# `<MASTER_KEY_FILE>.erasures`, beside the KEK.
ERASURE_JOURNAL = os.environ.get("HOGO_ERASURE_JOURNAL") or None

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    # django-ninja as an app so that /api/v1/docs is served from its own static Swagger UI
    # (swagger-ui-dist, Apache-2.0) and a static init script, not from a CDN with an inline
    # script, which the Content-Security-Policy blocks.
    "ninja",
    "hogo.policy",
    "hogo.detect",
    "hogo.throttle",
    "hogo.audit",
    "hogo.vault",
    "hogo.consent",
    "hogo.collect",
    "hogo.share",
    "hogo.systems",
    "hogo.desk",
    "hogo.site",
    "hogo.reconsent",
    "hogo.safety",
    "hogo.api",
    "hogo.console",
    "hogo.members",
    "hogo.ledger",
    "hogo.board",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the rest, so it sees every error response under /api/ (404s, 405s, 500s).
    "hogo.api.middleware.api_errors_as_json",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff acknowledge the active policy version before using the console (hogo/safety).
    "hogo.safety.middleware.acknowledgment_required",
    # A privacy officer sets up a second factor first where the policy requires it (console).
    "hogo.console.middleware.second_factor_enrolment_required",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hogo.urls"
WSGI_APPLICATION = "hogo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if url := os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(url)}
else:
    private_file(DATA_DIR / "hogo.sqlite3")
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "hogo.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            # Kept open between requests: when the last connection closes, SQLite checkpoints
            # and deletes the write-ahead log, which cost 10-100 ms a request under load.
            "CONN_MAX_AGE": 60,
            # Tests use a file like production: an in-memory test database is shared-cache,
            # where a second writer fails at once ("table is locked") instead of waiting.
            "TEST": {"NAME": DATA_DIR / "test.sqlite3"},
        }
    }
# The vault's key store (wrapped per-person data keys) is its own database, so a backup of the
# main database alone can never be decrypted (hogo/vault/README.md).
if keystore_url := os.environ.get("HOGO_KEYSTORE_URL"):
    DATABASES["keys"] = database_from_url(keystore_url, name="HOGO_KEYSTORE_URL")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["keys"] = {**DATABASES["default"], "NAME": f"{DATABASES['default']['NAME']}_keys"}
else:
    private_file(DATA_DIR / "keys.sqlite3")
    DATABASES["keys"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "keys.sqlite3",
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            # A destroyed data key must not survive in free pages or a write-ahead log: a
            # rollback journal, emptied at each commit, and secure_delete. NORMAL syncs the
            # journal once instead of twice per commit (3 fsyncs, not 4); still atomic after a
            # crash, and no less durable than DELETE with FULL (hogo/vault/README.md, "Speed").
            "init_command": (
                "PRAGMA journal_mode=TRUNCATE; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
            ),
        },
        "TEST": {"NAME": DATA_DIR / "test-keys.sqlite3"},
    }
DATABASE_ROUTERS = ["hogo.vault.routers.KeyStoreRouter"]
# Where the key-encryption key comes from: a class with `from_settings()` (hogo/vault/kek.py).
VAULT_KEK_STORE = os.environ.get("HOGO_KEK_STORE", "hogo.vault.kek.LocalFileKekStore")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
# Django's username/password check plus the lockout after repeated failures (console app).
AUTHENTICATION_BACKENDS = ["hogo.console.backends.ThrottledModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

TASK_BACKENDS = {
    # in-process: tasks run when enqueued, nothing else to start (one machine)
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    # queued in the database and run by `hogo db_worker` processes (production, scale-out)
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks = os.environ.get("HOGO_TASKS", "immediate")
if _tasks not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"HOGO_TASKS must be one of {', '.join(TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks]}}
MAILERS = {"default": mailer_from_url(os.environ.get("HOGO_EMAIL_URL", "console:"))}
# Webhook systems (hogo/systems/README.md): extra certificate authorities trusted for their
# HTTPS endpoints (a PEM file, beside the system's own), and how long a call may take.
SYSTEMS_CA_FILE = os.environ.get("HOGO_SYSTEMS_CA_FILE", "").strip()
if SYSTEMS_CA_FILE and not Path(SYSTEMS_CA_FILE).is_file():
    raise ImproperlyConfigured("HOGO_SYSTEMS_CA_FILE must name a PEM file of CA certificates")
_timeout = os.environ.get("HOGO_SYSTEMS_TIMEOUT", "5").strip()
if not _timeout.replace(".", "", 1).isdigit() or not 0 < float(_timeout) <= 60:
    raise ImproperlyConfigured("HOGO_SYSTEMS_TIMEOUT must be seconds between 0 and 60, e.g. 5")
SYSTEMS_TIMEOUT = float(_timeout)
# How long a webhook step waits for the signed callback after a 202 before the desk's sweep
# sends the request again (a new callback address; the old one is refused from then on).
_wait = os.environ.get("HOGO_SYSTEMS_CALLBACK_WAIT", "60").strip()
if not _wait.isdigit() or not 1 <= int(_wait) <= 10080:
    raise ImproperlyConfigured(
        "HOGO_SYSTEMS_CALLBACK_WAIT must be minutes between 1 and 10080 (a week), e.g. 60"
    )
SYSTEMS_CALLBACK_WAIT = int(_wait)
DEFAULT_FROM_EMAIL = os.environ.get("HOGO_FROM_EMAIL", "privacy@localhost")
# How a disclosure is sealed for e-mail and download (hogo/desk/README.md): "pdf", an AES-256
# PDF with the JSON and CSV embedded, opens in any PDF reader; "zip", an AES-256 zip (7-Zip).
DISCLOSURE_FORMAT = os.environ.get("HOGO_DISCLOSURE_FORMAT", "pdf").strip().lower()
if DISCLOSURE_FORMAT not in ("pdf", "zip"):
    raise ImproperlyConfigured("HOGO_DISCLOSURE_FORMAT must be pdf or zip")
# Public form submissions accepted per client network (IPv4 /24, IPv6 /48) and window.
FORM_RATE = envrate("HOGO_FORM_RATE", "20/600")

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "日本語"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The data directory is its owner's alone (0700): a proxy running as another user reads the
# collected static files from HOGO_STATIC_ROOT outside it.
STATIC_ROOT = Path(os.environ.get("HOGO_STATIC_ROOT", DATA_DIR / "static"))

# Security headers are on unless HOGO_DEBUG is set; TLS is terminated by a reverse proxy that
# sets X-Forwarded-Proto (README, "Production").
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not DEBUG
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SECURE_HSTS_SECONDS = 0 if DEBUG else 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Everything goes to stderr through one handler that truncates IP addresses. Django's defaults
# are replaced on purpose: no mail_admins handler (its error reports carry request bodies) and
# no logger that writes request bodies or headers.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"truncate_ip": {"()": "hogo.logging.TruncateIPFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["truncate_ip"]},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"filters": ["truncate_ip"], "propagate": True},
        "django.server": {"handlers": [], "filters": ["truncate_ip"], "propagate": True},
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs each layout step of every PDF at INFO (desk disclosure packages).
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
