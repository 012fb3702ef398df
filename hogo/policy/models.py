from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.errors import Refused


class PolicyVersion(models.Model):
    """One loaded policy file, kept forever: the notice and every acquisition refer to it.

    Rows are append-only; a change to the policy is a new version (APPI Art. 21(3) asks that
    changes are published, so the old text must stay available).
    """

    number = models.PositiveIntegerField(_("number"), unique=True)
    sha256 = models.CharField(_("sha256"), max_length=64)
    source = models.TextField(
        pgettext_lazy("policy file", "source"),
        help_text=_("The policy file exactly as loaded (TOML)."),
    )
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ("number",)
        constraints = (
            models.CheckConstraint(condition=models.Q(number__gte=1), name="policy_version_gte_1"),
        )

    def __str__(self) -> str:
        return f"policy version {self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise Refused("policy versions are append-only: load a new version instead")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise Refused("policy versions are append-only and are never deleted")
