"""Pages that apps add to the staff console (the desk, re-consent): inside the admin site's login
and look, refused with 403 to staff without one of the page's roles.

Not an app: a helper for the apps' own `console.py` modules, which sit right of `console`'s
models but render in its admin site.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from hogo.roles import Role, has_role

View = Callable[..., HttpResponse]


def staff_view(roles: tuple[Role, ...]) -> Callable[[View], View]:
    """A console page for staff holding one of `roles`; anyone else gets 403, and anonymous
    visitors the admin login."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not (isinstance(user, User) and has_role(user, *roles)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return admin.site.admin_view(never_cache(checked))

    return decorate


def staff_context(
    request: HttpRequest, title: str, *, handlers: tuple[Role, ...], **extra: object
) -> dict[str, object]:
    """The admin site's context, the page title and whether the user may act (`can_handle`)."""
    user = request.user
    return {
        **admin.site.each_context(request),
        "title": title,
        "can_handle": isinstance(user, User) and has_role(user, *handlers),
        **extra,
    }
