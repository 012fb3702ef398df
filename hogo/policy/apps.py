from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "hogo.policy"
    label = "policy"
    verbose_name = _("Policy")

    def ready(self) -> None:
        from hogo.policy import checks  # noqa: F401  (registers the deployment check)
