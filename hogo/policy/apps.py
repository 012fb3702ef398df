from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "hogo.policy"
    label = "policy"
