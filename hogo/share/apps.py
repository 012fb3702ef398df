from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShareConfig(AppConfig):
    name = "hogo.share"
    label = "share"
    verbose_name = _("Third-party provision")
