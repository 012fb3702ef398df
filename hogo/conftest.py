"""The tests' shared fixtures are a plugin, `hogo/tests/fixtures.py`; helpers the tests import
are beside it, by app (`hogo/tests/vault.py`, ...)."""

pytest_plugins = ["hogo.tests.fixtures"]
