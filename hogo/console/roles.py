"""Staff roles are Django groups; a data migration creates them with their permissions."""

from django.db import models


class Role(models.TextChoices):
    PRIVACY_OFFICER = "privacy_officer", "Privacy officer"
    DESK_OPERATOR = "desk_operator", "Desk operator"
    MARKETING_USER = "marketing_user", "Marketing user"
    AUDITOR = "auditor", "Auditor"
