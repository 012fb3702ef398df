"""DATABASE_URL and HOGO_KEYSTORE_URL as Django's settings (README, "Configuration")."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from hogo.settings import database_from_url


def test_a_plain_url_gives_the_server_and_the_database() -> None:
    db = database_from_url("postgresql://hogo:s%40cret@db.example.jp:6432/hogo")

    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == (
        "db.example.jp",
        "6432",
        "hogo",
        "hogo",
    )
    assert db["PASSWORD"] == "s@cret"
    assert db["OPTIONS"] == {}
    assert "DISABLE_SERVER_SIDE_CURSORS" not in db


def test_libpq_parameters_in_the_query_reach_the_driver() -> None:
    # An ignored ?sslmode=verify-full would connect without the TLS its writer asked for.
    db = database_from_url(
        "postgresql://hogo@db.example.jp/hogo?sslmode=verify-full&sslrootcert=/etc/ssl/db.pem"
    )

    assert db["OPTIONS"] == {"sslmode": "verify-full", "sslrootcert": "/etc/ssl/db.pem"}


def test_transaction_pooling_turns_off_what_outlives_a_transaction() -> None:
    db = database_from_url("postgresql://hogo@127.0.0.1:6432/hogo?pool_mode=transaction")

    assert db["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert db["OPTIONS"] == {"prepare_threshold": None}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://hogo@db/hogo", "must look like postgresql://"),
        ("postgresql://hogo@db:99999/hogo", "invalid port"),
        (
            "postgresql://hogo@db/hogo?pool_mode=statement",
            "pool_mode must be session or transaction",
        ),
    ],
)
def test_a_wrong_url_stops_start_up_naming_the_variable(url: str, message: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=message) as refused:
        database_from_url(url, name="HOGO_KEYSTORE_URL")

    assert str(refused.value).startswith("HOGO_KEYSTORE_URL")
