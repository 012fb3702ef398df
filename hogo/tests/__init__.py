"""Test support shared by every app's tests: the pytest plugin (`fixtures`, registered in
hogo/conftest.py) and, by app, the helpers tests import (people stored in the vault, form posts,
the SMTP inbox). Under `tests/`, so the architectural scans of production code skip it."""
