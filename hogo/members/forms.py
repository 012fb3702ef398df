"""The members' pages' forms. Labels and messages are lazy gettext strings (`labels`): they
read in the page's language."""

from django import forms

from hogo.members.labels import (
    EMAIL,
    EMAIL_INVALID,
    FIELD_INVALID,
    IDENTIFIER,
    PASSWORD,
    PASSWORD_AGAIN,
    PASSWORD_MISMATCH,
    REQUIRED,
    WITHDRAW_CONFIRM,
    WITHDRAW_UNCONFIRMED,
)

LABELS = {
    "identifier": IDENTIFIER,
    "password": PASSWORD,
    "password_again": PASSWORD_AGAIN,
    "email": EMAIL,
    "confirm": WITHDRAW_CONFIRM,
}


class LoginForm(forms.Form):
    identifier = forms.CharField(
        max_length=254, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        max_length=4096, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class ResetRequestForm(forms.Form):
    email = forms.EmailField(
        max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class NewPasswordForm(forms.Form):
    password = forms.CharField(
        max_length=4096, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password_again = forms.CharField(
        max_length=4096, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", str(PASSWORD_MISMATCH))
        return data


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(required=True)


def localize(form: forms.Form) -> forms.Form:
    """Labels and the messages Django would show in its own words, in the page's language."""
    for name, field in form.fields.items():
        field.label = LABELS[name]
        field.error_messages["required"] = WITHDRAW_UNCONFIRMED if name == "confirm" else REQUIRED
        field.error_messages["invalid"] = EMAIL_INVALID if name == "email" else FIELD_INVALID
        field.error_messages["max_length"] = FIELD_INVALID
    return form
