from django.apps import AppConfig


class CollectConfig(AppConfig):
    name = "hogo.collect"
    label = "collect"
    verbose_name = "Collection"
