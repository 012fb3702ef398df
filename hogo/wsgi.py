import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")
application = get_wsgi_application()

# A WSGI server runs no system checks: refuse here what `hogo check` refuses (console.E001).
from hogo.console.checks import mail_problem  # noqa: E402  (needs the apps loaded above)

if problem := mail_problem():
    raise ImproperlyConfigured(problem)
