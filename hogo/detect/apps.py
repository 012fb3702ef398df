from django.apps import AppConfig


class DetectConfig(AppConfig):
    name = "hogo.detect"
    label = "detect"
