"""The `hogo` console script: Django's manage.py with hogo's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"hogo: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
