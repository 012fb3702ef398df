from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "hogo.console"
    label = "console"
