from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hogo.audit"
    label = "audit"

    def ready(self) -> None:
        from hogo.audit import checks  # noqa: F401  (registers the audit key check)
