from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectConfig(AppConfig):
    name = "hogo.collect"
    label = "collect"
    verbose_name = _("Collection")

    def ready(self) -> None:
        from hogo.collect.members import member_close
        from hogo.vault.erasure import subject_closed_hook

        subject_closed_hook(member_close)
