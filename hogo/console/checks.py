"""Start-up checks of the deployment as a whole: mail printed on a console reaches nobody.

Run by `hogo runserver`, `hogo migrate`, `hogo db_worker` and every command that runs system
checks; `hogo/wsgi.py` runs the same test, so a WSGI server does not start either.
"""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, register

# What HOGO_EMAIL_URL=console: selects (hogo's readable console backend), and Django's own.
CONSOLE_BACKENDS = (
    "hogo.mailconsole.EmailBackend",
    "django.core.mail.backends.console.EmailBackend",
)


def mail_problem() -> str | None:
    """Why mail would not reach people in this configuration, or None."""
    backend = str(settings.MAILERS["default"]["BACKEND"])
    if settings.DEBUG or backend not in CONSOLE_BACKENDS:
        return None
    return (
        "HOGO_EMAIL_URL is console: (the default) while HOGO_DEBUG is off: codes, answers and "
        "disclosures would be printed instead of sent; set HOGO_EMAIL_URL=smtp+tls://user:pass@host:587"
    )


@register()
def mail_check(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[CheckMessage]:
    problem = mail_problem()
    return [Error(f"hogo cannot start: {problem}", id="console.E001")] if problem else []
