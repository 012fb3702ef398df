"""The members' pages' forms. Labels and messages come from `labels.LABELS` in the page's
language (set by `localize`), as the public forms do."""

from django import forms

from hogo.members.labels import label


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
    lang = "ja"  # the page's language, for the mismatch message (set by `localize`)
    password = forms.CharField(
        max_length=4096, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password_again = forms.CharField(
        max_length=4096, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", label("password_mismatch", self.lang))
        return data


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(required=True)


def localize(form: forms.Form, lang: str) -> forms.Form:
    """Labels and the messages Django would show in English, in the page's language."""
    names = {
        "identifier": "identifier",
        "password": "password",
        "password_again": "password_again",
        "email": "email",
        "confirm": "withdraw_confirm",
    }
    for name, field in form.fields.items():
        field.label = label(names[name], lang)
        field.error_messages["required"] = label(
            "withdraw_unconfirmed" if name == "confirm" else "required", lang
        )
        field.error_messages["invalid"] = label(
            "email_invalid" if name == "email" else "field_invalid", lang
        )
        field.error_messages["max_length"] = label("field_invalid", lang)
    if isinstance(form, NewPasswordForm):
        form.lang = lang
    return form
