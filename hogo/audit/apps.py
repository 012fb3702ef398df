from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "hogo.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from hogo.audit import checks  # noqa: F401  (registers the audit key check)
