from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "hogo.policy"
    label = "policy"

    def ready(self) -> None:
        from hogo.policy import checks  # noqa: F401  (registers the deployment check)
