from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "hogo.site"
    # No other installed app uses the label `site` (django.contrib.sites would be `sites`).
    label = "site"
    verbose_name = _("Website privacy")
