from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "hogo.vault"
    label = "vault"
    verbose_name = "Vault"

    def ready(self) -> None:
        from hogo.vault import checks  # noqa: F401  (registers the key checks)
