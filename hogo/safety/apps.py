from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "hogo.safety"
    label = "safety"
    verbose_name = "Safety program"
