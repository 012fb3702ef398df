from django.apps import AppConfig


class ShareConfig(AppConfig):
    name = "hogo.share"
    label = "share"
    verbose_name = "Third-party provision"
