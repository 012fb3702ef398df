from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SystemsConfig(AppConfig):
    name = "hogo.systems"
    label = "systems"
    verbose_name = _("Other systems holding personal data")
