"""The log check of hogo/tests/fixtures.py catches what it is there to catch."""

import logging

import pytest

from hogo.tests.fixtures import PERSONAL_DATA_IN_TESTS, record_text


@pytest.mark.parametrize("marker", PERSONAL_DATA_IN_TESTS)
def test_it_recognises_each_persona_value_in_a_log_record(marker: str) -> None:
    record = logging.LogRecord(
        "hogo", logging.WARNING, __file__, 1, "lookup for %s", (marker,), None
    )
    assert any(m.casefold() in record_text(record) for m in PERSONAL_DATA_IN_TESTS)


def test_it_leaves_pseudonymous_ids_alone() -> None:
    record = logging.LogRecord(
        "hogo", logging.WARNING, __file__, 1, "subject %s refused", ("sub_abcdefghijklmnop",), None
    )
    assert not any(m.casefold() in record_text(record) for m in PERSONAL_DATA_IN_TESTS)
