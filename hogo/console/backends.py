from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from hogo.console.selectors import login_locked_until
from hogo.console.services import login_failure_record, login_success_record
from hogo.network import client_network


class ThrottledModelBackend(ModelBackend):
    """Django's username/password backend with a lockout after repeated failures.

    While a username or the client network is locked, even the right password is refused
    (PermissionDenied stops Django from trying any other backend). The admin login form shows
    why; see `hogo.console.forms`.
    """

    # The signature is ModelBackend's, which django-stubs itself declares against BaseBackend's.
    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        network = client_network(request) if request is not None else None
        if login_locked_until(username=username, network=network) is not None:
            raise PermissionDenied("too many failed attempts")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            login_failure_record(username=username, network=network)
        else:
            login_success_record(username=username)
        return user

    async def aauthenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        # ModelBackend's async path would skip the lockout: always take the one above.
        return await sync_to_async(self.authenticate)(
            request, username=username, password=password, **kwargs
        )
