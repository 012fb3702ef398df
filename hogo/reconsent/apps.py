from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReconsentConfig(AppConfig):
    name = "hogo.reconsent"
    label = "reconsent"
    verbose_name = _("Re-consent")
