from django.apps import AppConfig


class ThrottleConfig(AppConfig):
    name = "hogo.throttle"
    label = "throttle"
