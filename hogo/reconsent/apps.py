from django.apps import AppConfig


class ReconsentConfig(AppConfig):
    name = "hogo.reconsent"
    label = "reconsent"
    verbose_name = "Re-consent"
