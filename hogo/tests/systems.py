"""Systems test support: a shop database (customers and their orders) made on a real SQLite
file, a PostgreSQL database or a MariaDB database of the test's own, and the policy that
declares it (the example's `member-db` system)."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    text,
)

from hogo.policy.tests.helpers import reference_data, toml_dumps
from hogo.policy.tests.systems_helpers import example_systems

URL_ENV = "MEMBER_DB_URL"  # the example policy's variable
# The servers, as an organization writes their URLs (hogo picks the driver from the scheme).
SERVERS = {
    "postgresql": os.environ.get("HOGO_TEST_PG_SERVER", "postgresql://postgres@127.0.0.1:5432"),
    "mariadb": os.environ.get("HOGO_TEST_MARIADB_SERVER", "mysql://root@127.0.0.1:3306"),
}
KINDS = ("sqlite", "postgresql", "mariadb")
ALICE = {
    "id": 1,
    "name": "佐藤 アリス",
    "email": "alice@example.jp",
    "phone": "090-1111-2222",
    "address": "東京都千代田区1-1",
    "notes": "糖尿病の治療中のため、食事の配慮が必要",
    "contact": "alice.private@example.com",
}
BOB = {
    "id": 2,
    "name": "鈴木 ボブ",
    "email": "bob@example.jp",
    "phone": "090-3333-4444",
    "address": "大阪府大阪市2-2",
    "notes": "ゴールド会員",
    "contact": "bob.private@example.com",
}
ORDERS = [
    {
        "id": 10,
        "customer_id": 1,
        "ship_name": "佐藤 アリス",
        "ship_address": "東京都",
        "total": 3000,
    },
    {
        "id": 11,
        "customer_id": 1,
        "ship_name": "佐藤 アリス",
        "ship_address": "東京都",
        "total": 500,
    },
    {"id": 12, "customer_id": 2, "ship_name": "鈴木 ボブ", "ship_address": "大阪府", "total": 800},
]


def shop_metadata() -> MetaData:
    metadata = MetaData()
    Table(
        "customers",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("name", String(200), nullable=False),
        Column("email", String(200), index=True),
        Column("phone", String(40)),
        Column("address", String(300)),
        Column("do_not_use", Boolean, nullable=False, default=False),
        Column("notes", Text),  # undeclared: health information in a free-text note
        Column("contact", String(200)),  # undeclared: another e-mail address
    )
    Table(
        "orders",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("customer_id", Integer, ForeignKey("customers.id"), index=True),
        Column("ship_name", String(200)),
        Column("ship_address", String(300)),
        Column("total", Integer),
    )
    return metadata


def shop_fill(engine: Engine) -> None:
    metadata = shop_metadata()
    metadata.create_all(engine)
    with engine.begin() as conn:
        people = [{**p, "do_not_use": False} for p in (ALICE, BOB)]
        conn.execute(metadata.tables["customers"].insert(), people)
        conn.execute(metadata.tables["orders"].insert(), ORDERS)


@contextmanager
def database(kind: str, tmp_path: Path) -> Iterator[str]:
    """A new empty database of `kind` (sqlite, postgresql, mariadb); yields its URL as the
    organization would set it (plain scheme; hogo picks the driver), and drops it afterwards."""
    from hogo.systems.engine import engines_dispose

    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'shop.db'}"
        engines_dispose()
        return
    name = f"hogo_systems_{secrets.token_hex(4)}"
    server = server_engine(kind)
    with server.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield f"{SERVERS[kind]}/{name}"
    finally:
        engines_dispose()
        with server.connect() as conn:
            force = " WITH (FORCE)" if kind == "postgresql" else ""
            conn.execute(text(f"DROP DATABASE {name}{force}"))
        server.dispose()


def server_engine(kind: str) -> Engine:
    plain = SERVERS[kind]
    rest = plain.split("://", 1)[1]
    driver = "postgresql+psycopg" if kind == "postgresql" else "mysql+pymysql"
    database = "/postgres" if kind == "postgresql" else "/"
    return create_engine(f"{driver}://{rest}{database}", isolation_level="AUTOCOMMIT")


def driver_engine(url: str) -> Engine:
    """An engine on a test database's URL (for seeding and inspecting it)."""
    scheme, rest = url.split("://", 1)
    driver = {"postgresql": "postgresql+psycopg", "mysql": "mysql+pymysql"}.get(scheme, scheme)
    return create_engine(f"{driver}://{rest}")


def reachable(kind: str) -> str | None:
    """None when the server of `kind` answers; else why not (the test is skipped with it)."""
    if kind == "sqlite":
        return None
    engine = server_engine(kind)
    try:
        with engine.connect():
            return None
    except Exception as exc:  # any failure to connect means: skip with the reason
        return f"{kind} server not reachable ({type(exc).__name__})"
    finally:
        engine.dispose()


def phone_restored_by_trigger(engine: Engine) -> None:
    """A trigger that writes the old phone number back whenever an update clears it: what a
    verification must catch."""
    dialect = engine.dialect.name
    with engine.begin() as conn:
        if dialect == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER keep_phone AFTER UPDATE OF phone ON customers "
                    "WHEN NEW.phone IS NULL BEGIN "
                    "UPDATE customers SET phone = OLD.phone WHERE id = NEW.id; END"
                )
            )
        elif dialect == "postgresql":
            conn.execute(
                text(
                    "CREATE FUNCTION keep_phone() RETURNS trigger AS $$ BEGIN "
                    "IF NEW.phone IS NULL THEN NEW.phone := OLD.phone; END IF; "
                    "RETURN NEW; END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER keep_phone BEFORE UPDATE ON customers "
                    "FOR EACH ROW EXECUTE FUNCTION keep_phone()"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE TRIGGER keep_phone BEFORE UPDATE ON customers FOR EACH ROW "
                    "SET NEW.phone = IF(NEW.phone IS NULL, OLD.phone, NEW.phone)"
                )
            )


def trigger_drop(engine: Engine) -> None:
    with engine.begin() as conn:
        on = " ON customers" if engine.dialect.name == "postgresql" else ""
        conn.execute(text(f"DROP TRIGGER keep_phone{on}"))


def shop_policy_text(**changes: Any) -> str:
    """The reference policy with the example's SQL system (`member-db`), changed by
    `changes` (keys of the system's table)."""
    data = reference_data()
    system = example_systems()[0]
    system.update(changes)
    data["systems"] = [system]
    return toml_dumps(data)
