from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "hogo.consent"
    label = "consent"
    verbose_name = "Consent"
