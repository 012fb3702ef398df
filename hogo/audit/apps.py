from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hogo.audit"
    label = "audit"
