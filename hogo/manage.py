"""The `hogo` console script: Django's manage.py with hogo's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")
    if reloading_parent(sys.argv):
        # runserver's outer process only starts the serving process again when a file changed.
        # Django would set up every app in it first (a second of CPU) and use none of them; the
        # serving process sets up, checks and reports errors itself.
        from django.utils import autoreload

        autoreload.run_with_reloader(lambda: None)
        return
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"hogo: configuration error: {exc}\n")
        sys.exit(2)


def reloading_parent(argv: list[str]) -> bool:
    serving = argv[1:2] == ["runserver"] or (
        argv[1:2] == ["prepare"] and any(a.split("=")[0] == "--serve" for a in argv)
    )
    if not serving or "--noreload" in argv:
        return False
    from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

    return os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"


if __name__ == "__main__":
    main()
