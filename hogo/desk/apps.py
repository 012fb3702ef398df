from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "hogo.desk"
    label = "desk"
    verbose_name = "Request desk"
