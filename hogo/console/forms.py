import math
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, ngettext

from hogo.console.selectors import login_locked_until
from hogo.network import client_network
from hogo.roles import Role


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    """The admin login form, saying so when the username or network is locked.

    The lockout itself is enforced by the authentication backend; this only turns its refusal
    into a message that says why and for how long.
    """

    def clean(self) -> dict[str, Any]:
        self._refuse_if_locked()
        try:
            return super().clean()
        except ValidationError:
            # This failure may have been the one that locked the username.
            self._refuse_if_locked()
            raise

    def _refuse_if_locked(self) -> None:
        username = self.cleaned_data.get("username")
        if not username:
            return
        network = client_network(self.request) if self.request is not None else None
        until = login_locked_until(username=username, network=network)
        if until is None:
            return
        minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
        raise ValidationError(
            ngettext(
                "too many failed attempts; try again in %(minutes)d minute",
                "too many failed attempts; try again in %(minutes)d minutes",
                minutes,
            ),
            code="locked",
            params={"minutes": minutes},
        )


ROLE_LABELS: dict[str, Promise] = {
    Role.PRIVACY_OFFICER: gettext_lazy("Privacy officer"),
    Role.DESK_OPERATOR: gettext_lazy("Desk operator"),
    Role.MARKETING_USER: gettext_lazy("Marketing user"),
    Role.AUDITOR: gettext_lazy("Auditor"),
}


class StaffCreateForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail address (optional)"), required=False)
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        choices=[("", "—"), *ROLE_LABELS.items()],
        help_text=gettext_lazy("A privacy officer may do everything in the console."),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
