"""Webhook test support: a certificate authority and a `localhost` certificate made for the
test, the reference receiver (docs/examples/webhook_receiver.py) serving a members table from
a SQLite file over real TLS on 127.0.0.1, and a policy whose website is `https://localhost/`
(so the receiver is on the organization's own domain, with no exception in hogo's code)."""

import datetime
import importlib.util
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import LazySettings

from hogo.desk.models import Case, Step
from hogo.desk.services import case_approve
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems
from hogo.tests.desk import verified
from hogo.tests.mail import Inbox, committed

RECEIVER = Path(__file__).resolve().parents[2] / "docs" / "examples" / "webhook_receiver.py"
SECRET_ENV = "EVENT_SYSTEM_SECRET"  # the example policy's variable
SECRET = "s3cr3t-for-the-event-system-0123456789"
SYSTEM = "event-system"
ALICE = (1, "佐藤 アリス", "alice@example.jp", "090-1111-2222")
BOB = (2, "鈴木 ボブ", "bob@example.jp", "090-3333-4444")
EMAIL = ALICE[2]
STAFF = "user:1"


def receiver_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("webhook_receiver", RECEIVER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Tls:
    ca: Path
    cert: Path
    key: Path


def tls_make(folder: Path) -> Tls:
    """A CA and a certificate for `localhost` signed by it (EC P-256, one day)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hogo test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = Tls(folder / "ca.pem", folder / "cert.pem", folder / "key.pem")
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def members_make(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name, email, phone)")
        db.executemany("INSERT INTO members VALUES (?, ?, ?, ?)", [ALICE, BOB])
    return path


def members(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT email FROM members ORDER BY id")]


@contextmanager
def serving(server_class: Any, db: Path, tls: Tls, secret: str = SECRET) -> Iterator[Any]:
    """The receiver (or a subclass) on a free port of 127.0.0.1, in a thread."""
    server = server_class(0, str(db), secret.encode(), str(tls.cert), str(tls.key))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def webhook_policy_text(port: int) -> str:
    """The reference policy, its website `https://localhost/`, declaring the example's webhook
    system at the receiver's port."""
    data = reference_data()
    data["organization"]["website"] = "https://localhost/"
    system = example_systems()[1]
    system["webhook"]["url"] = f"https://localhost:{port}/hogo/requests"
    data["systems"] = [system]
    return toml_dumps(data)


receiver = receiver_module()


class Accepting(receiver.Receiver):  # type: ignore[name-defined,misc]
    """Answers 202 and keeps the request, to answer later through its callback (or never)."""

    requests: ClassVar[list[dict[str, Any]]] = []

    def answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        type(self).requests.append(request)
        return 202, {"request": request["request"], "status": "accepted"}


@pytest.fixture
def tls(tmp_path: Path, settings: LazySettings, monkeypatch: pytest.MonkeyPatch) -> Tls:
    """The test's certificates, trusted through HOGO_SYSTEMS_CA_FILE; the system's secret set;
    a one-second timeout."""
    made = tls_make(tmp_path)
    settings.SYSTEMS_CA_FILE = str(made.ca)
    settings.SYSTEMS_TIMEOUT = 1.0
    monkeypatch.setenv(SECRET_ENV, SECRET)
    return made


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return members_make(tmp_path / "members.sqlite")


@contextmanager
def receiving(cls: Any, db_file: Path, tls: Tls, secret: str = SECRET) -> Iterator[Any]:
    """The receiver `cls` serving, and the policy declaring it loaded."""
    with serving(cls, db_file, tls, secret) as server:
        policy_load(text=webhook_policy_text(server.server_address[1]), note="test: webhook")
        yield server


def approved(inbox: Inbox, kind: str, details: dict[str, object] | None = None) -> Case:
    """Alice's request, verified and approved: its steps have run."""
    case = verified(inbox, kind, EMAIL, details)
    with committed():
        case_approve(actor=STAFF, case_ref=case.ref)
    case.refresh_from_db()
    return case


def step_of(case: Case) -> Step:
    return case.steps.get(system=SYSTEM)
