from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "hogo.console"
    label = "console"

    def ready(self) -> None:
        from hogo.console import checks  # noqa: F401  (registers the deployment checks)
