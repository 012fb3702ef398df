"""Test support: every test that uses the database may also use the vault's key store.

Called from the tests' plugin's `pytest_collection_modifyitems` (hogo/tests/fixtures.py), so
a test of any app that stores or reads personal data through the vault needs nothing more
than `db` or `@pytest.mark.django_db(...)`; pytest-django then sets up the `keys` test database
as well.
"""

from collections.abc import Sequence

import pytest

from hogo.vault.routers import KEYS_DB

DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def keystore_databases_add(items: Sequence[pytest.Item]) -> None:
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None and not DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            continue
        args = marker.args if marker else ()
        kwargs = dict(marker.kwargs) if marker else {}
        databases = kwargs.get("databases")
        if len(args) > 2 or databases == "__all__":
            continue  # databases given positionally, or already every database
        names = list(databases or ["default"])
        if KEYS_DB not in names:
            kwargs["databases"] = [*names, KEYS_DB]
            # In front, so that it is the closest django_db marker.
            item.add_marker(pytest.mark.django_db(*args, **kwargs), append=False)
