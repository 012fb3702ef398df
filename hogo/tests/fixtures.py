"""The pytest plugin every app's tests share (registered in hogo/conftest.py): the personas
(docs/style.md, "Tests": an officer, a desk operator, a marketing user, an auditor, and an
outsider who is staff but holds no role and should see nothing), the policies, a key-encryption
key file and quick Argon2 for tests that ask for them, the real SMTP server on loopback, the
browser, and the check that no personal data reaches a log record.

Helpers that are not fixtures live beside this module, by app (`hogo.tests.vault`, ...); an
app's conftest keeps only the fixtures of that app."""

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.models import Group, User
from django.test import Client

from hogo.api.models import ApiToken, token_digest, token_prefix
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.policy.services import policy_file_read, policy_load
from hogo.policy.tests.other_policy import other_policy_text
from hogo.roles import Role
from hogo.tests.mail import Inbox, free_port

# Files the tests make are their owner's alone, as hogo makes its own (0600): pytest-django's test
# databases in HOGO_DATA_DIR would otherwise draw vault.W001 from every `hogo` subprocess.
os.umask(0o077)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route
    from pytest_django.live_server_helper import LiveServer


# The personas' personal data used across the tests (addresses, names, phone numbers): no log
# record emitted while a test runs may carry any of them (docs/architecture.md, Principles: no
# personal data in logs).
PERSONAL_DATA_IN_TESTS = (
    "hanako",
    "taro@",
    "@example.jp",
    "山田",
    "花子",
    "太郎",
    "090-",
    "03-1234-5678",
    "03-3333-4444",
)
# aiosmtpd's logger: the test SMTP server stands in for the mail server outside hogo, which
# logs envelope addresses as any mail server does; hogo's own records are the point here.
OUTSIDE_HOGO_LOGGERS = ("mail.log",)


class _RecordsKept(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def record_text(record: logging.LogRecord) -> str:
    try:
        text = record.getMessage()
    except (TypeError, ValueError):
        text = f"{record.msg} {record.args}"
    if record.exc_info and record.exc_info[1] is not None:
        text += f" {record.exc_info[1]}"
    return text.casefold()


@pytest.fixture(autouse=True)
def no_personal_data_in_logs() -> Iterator[None]:
    """Keeps every record that reaches the root logger during the test (threads included: the
    live server's requests log there too) and fails the test if one names a persona."""
    kept = _RecordsKept()
    root = logging.getLogger()
    root.addHandler(kept)
    try:
        yield
    finally:
        root.removeHandler(kept)
    leaks = [
        f"{record.name}: {marker!r}"
        for record in kept.records
        if record.name not in OUTSIDE_HOGO_LOGGERS
        for marker in PERSONAL_DATA_IN_TESTS
        if marker.casefold() in record_text(record)
    ]
    if leaks:
        pytest.fail("personal data reached a log record: " + "; ".join(leaks))


def make_staff(username: str, role: Role | None) -> User:
    user = User.objects.create_user(username, password="correct horse battery staple")
    user.is_staff = True
    user.save()
    if role is not None:
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    return user


@pytest.fixture
def officer(db: None) -> User:
    return make_staff("olivia", Role.PRIVACY_OFFICER)


@pytest.fixture
def desk_operator(db: None) -> User:
    return make_staff("daniel", Role.DESK_OPERATOR)


@pytest.fixture
def marketing_user(db: None) -> User:
    return make_staff("mika", Role.MARKETING_USER)


@pytest.fixture
def auditor(db: None) -> User:
    return make_staff("aiko", Role.AUDITOR)


@pytest.fixture
def outsider(db: None) -> User:
    return make_staff("oscar", None)


@pytest.fixture
def api_as(db: None) -> Callable[[User], Client]:
    """A test client that sends a fresh bearer token for the given staff user."""

    def client_for(user: User) -> Client:
        # Written directly, not through token_create: issuing is audited, and the tests that
        # count audit events should see only those of what they test.
        token = ApiToken.generate()
        ApiToken.objects.create(user=user, digest=token_digest(token), prefix=token_prefix(token))
        return Client(headers={"Authorization": f"Bearer {token}"})

    return client_for


@pytest.fixture
def active_policy(db: None) -> Policy:
    """The reference policy (settings.POLICY_FILE) loaded as the active version."""
    policy_load(text=policy_file_read(path=Path(django_settings.POLICY_FILE)), note="test")
    return policy_active()


@pytest.fixture
def other_policy(db: None) -> Policy:
    """Another organization's policy (hogo/policy/tests/other_policy.py) as the active version:
    no purpose, channel or ordinary category id in common with the reference."""
    policy_load(text=other_policy_text(), note="test: another organization")
    return policy_active()


@pytest.fixture
def policy(active_policy: Policy) -> Policy:
    return active_policy


@pytest.fixture
def master_key(settings: Any, tmp_path: Path) -> Path:
    """A key-encryption key file of the test's own (made at first use). Apps whose every test
    writes to the vault ask for it from an autouse fixture in their conftest."""
    settings.MASTER_KEY_FILE = tmp_path / "keys" / "master.key"
    return Path(settings.MASTER_KEY_FILE)


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Still Argon2 (members' and staff passwords), at costs that keep the tests fast: the
    lockout tests log in dozens of times."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1


@pytest.fixture
def quick_argon2(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["hogo.tests.fixtures.QuickArgon2PasswordHasher"]


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server on loopback (aiosmtpd) that Django's mail system delivers to."""
    box = Inbox(port=free_port())
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": box.port, "timeout": 5},
        }
    }
    settings.DEFAULT_FROM_EMAIL = "privacy@example.jp"
    box.start()
    yield box
    box.stop()


@pytest.fixture(autouse=True)
def plain_http(settings: Any) -> None:
    """The test client speaks plain HTTP; production's HTTPS redirect has its own test."""
    settings.SECURE_SSL_REDIRECT = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the database may use the vault's key store too (hogo/vault/testing.py)."""
    from hogo.vault.testing import keystore_databases_add

    keystore_databases_add(items)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator["LiveServer"]:
    """pytest-django's live server, started with the HTTPS redirect off like the test client
    (`plain_http`): its middleware reads SECURE_SSL_REDIRECT once, when the server starts."""
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    with override_settings(SECURE_SSL_REDIRECT=False):
        server = LiveServer(address)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(django_db_setup: None) -> Iterator["Browser"]:
    """Debian's Chromium driven by Playwright (never `playwright install`), once per session.

    Playwright's sync API keeps an event loop running in this thread while it is open, and
    Django's ORM refuses to run beside one although nothing async touches the database; so the
    test database exists first, and the check is off while the browser is open.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("the browser tests need Debian's chromium: apt-get install -y chromium")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield launched
            launched.close()
            # With that loop running, Django keeps this thread's connections per async context:
            # every test since the browser opened used a second set, which the test databases'
            # teardown does not see. Left open, PostgreSQL refused to drop the database ("being
            # accessed by other users"). Closed here, while the loop still runs.
            connections.close_all()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: "Browser", live_server: Any) -> Iterator["Page"]:
    """A fresh browser context and page for one test; requests to any host other than the live
    server are aborted (and listed in `page.outside_requests`), so nothing leaves the machine."""
    context = browser.new_context()
    context.set_default_timeout(8000)
    outside: list[str] = []
    origin = live_server.url

    def route(route: "Route") -> None:
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    opened = context.new_page()
    opened.outside_requests = outside  # type: ignore[attr-defined]
    yield opened
    context.close()


class _Acknowledging:
    """Signal receivers that acknowledge, for every staff user, each policy version stored while
    a test runs (and the active one for staff created later)."""

    def __init__(self) -> None:
        from django.db.models.signals import post_save

        from hogo.policy.models import PolicyVersion

        self.receivers = ((self.on_version, PolicyVersion), (self.on_user, User))
        for receiver, sender in self.receivers:
            post_save.connect(receiver, sender=sender, weak=False)

    def off(self) -> None:
        from django.db.models.signals import post_save

        for receiver, sender in self.receivers:
            post_save.disconnect(receiver, sender=sender)

    @staticmethod
    def _acknowledge(users: Any, version: int) -> None:
        from django.utils import timezone

        from hogo.safety.models import Acknowledgment

        for user in users:
            Acknowledgment.objects.get_or_create(
                user=user, policy_version=version, defaults={"acknowledged_at": timezone.now()}
            )

    def on_version(self, sender: object, instance: Any, created: bool, **kwargs: object) -> None:
        if created:
            self._acknowledge(User.objects.filter(is_staff=True), instance.number)

    def on_user(self, sender: object, instance: User, **kwargs: object) -> None:
        from hogo.policy.models import PolicyVersion

        latest = PolicyVersion.objects.order_by("-number").values_list("number", flat=True)
        if instance.is_staff and latest.exists():
            self._acknowledge([instance], latest[0])


@pytest.fixture(autouse=True)
def policy_acknowledged() -> Iterator[_Acknowledging]:
    """The console sends staff to acknowledge each new policy version first (hogo/safety,
    middleware.py). In tests about other things the personas have acknowledged every version;
    tests of the gate itself use `acknowledgment_gate`."""
    acknowledging = _Acknowledging()
    yield acknowledging
    acknowledging.off()


@pytest.fixture
def acknowledgment_gate(policy_acknowledged: _Acknowledging) -> None:
    """Staff acknowledge policy versions themselves, as in production."""
    policy_acknowledged.off()
