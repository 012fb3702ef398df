from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "hogo.members"
    label = "members"
    verbose_name = "Members' area"
