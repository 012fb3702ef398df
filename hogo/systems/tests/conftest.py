"""Systems test fixtures: the shop database on each engine, and the policy declaring it.
Helpers are in hogo/tests/systems.py."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hogo.policy.schema import Policy, System
from hogo.policy.selectors import policy_active
from hogo.policy.services import policy_load
from hogo.tests.systems import (
    KINDS,
    URL_ENV,
    database,
    driver_engine,
    reachable,
    shop_fill,
    shop_policy_text,
)


@pytest.fixture(params=KINDS)
def shop_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The URL of a filled shop database on SQLite, PostgreSQL and MariaDB in turn, set in the
    environment variable the policy names."""
    why = reachable(request.param)
    if why:
        pytest.skip(why)
    with database(request.param, tmp_path) as url:
        engine = driver_engine(url)
        shop_fill(engine)
        engine.dispose()
        monkeypatch.setenv(URL_ENV, url)
        yield url


@pytest.fixture
def shop(shop_url: str) -> Iterator[Engine]:
    """An engine on the shop database, to seed and inspect it as the organization would."""
    engine = driver_engine(shop_url)
    yield engine
    engine.dispose()


@pytest.fixture
def shop_policy(db: None) -> Policy:
    policy_load(text=shop_policy_text(), note="test: the shop's database")
    return policy_active()


@pytest.fixture
def member_db(shop_policy: Policy) -> System:
    return shop_policy.systems["member-db"]
