from django.apps import AppConfig


class CollectConfig(AppConfig):
    name = "hogo.collect"
    label = "collect"
    verbose_name = "Collection"

    def ready(self) -> None:
        from hogo.collect.members import member_close
        from hogo.vault.erasure import subject_closed_hook

        subject_closed_hook(member_close)
