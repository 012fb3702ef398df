"""Personas shared by every app's tests (STYLE.md): an officer, a desk operator, a marketing
user, an auditor, and an outsider who is staff but holds no role and should see nothing."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.test import Client

from hogo.api.services import token_create
from hogo.console.roles import Role
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.policy.services import policy_file_read, policy_load


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
        return Client(headers={"Authorization": f"Bearer {token_create(user=user)}"})

    return client_for


@pytest.fixture
def active_policy(db: None) -> Policy:
    """The reference policy (settings.POLICY_FILE) loaded as the active version."""
    policy_load(text=policy_file_read(path=Path(django_settings.POLICY_FILE)), note="test")
    return policy_active()


@pytest.fixture(autouse=True)
def plain_http(settings: Any) -> None:
    """The test client speaks plain HTTP; production's HTTPS redirect has its own test."""
    settings.SECURE_SSL_REDIRECT = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the database may use the vault's key store too (hogo/vault/testing.py)."""
    from hogo.vault.testing import keystore_databases_add

    keystore_databases_add(items)
