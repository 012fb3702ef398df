"""pytest plugin (`-p hogo.i18n_pytest` in pyproject.toml): compiles the translation catalogues
before Django is set up, so `pytest` on a fresh clone serves the Japanese pages (hogo.i18n)."""

import pytest

from hogo.i18n import catalogues_compile


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests() -> None:
    catalogues_compile()
