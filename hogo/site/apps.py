from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "hogo.site"
    # No other installed app uses the label `site` (django.contrib.sites would be `sites`).
    label = "site"
    verbose_name = "Website privacy"
