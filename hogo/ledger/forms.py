from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hogo.ledger.register import Filters
from hogo.policy.schema import Policy


class FilterForm(forms.Form):
    """The ledger's filters, chosen among the active policy's ids."""

    purpose = forms.ChoiceField(label=_("Purpose of use"), required=False)
    category = forms.ChoiceField(label=_("Personal information item"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every: list[tuple[str, str]] = [("", str(_("all")))]
        choices = {
            "purpose": [(p.id, p.title.get(lang)) for p in policy.purposes.values()],
            "category": [(c.id, c.title.get(lang)) for c in policy.categories.values()],
            "channel": [(c.id, c.title.get(lang)) for c in policy.channels.values()],
        }
        for name, entries in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = every + entries

    def filters(self) -> Filters:
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(
            purpose=data.get("purpose") or None,
            category=data.get("category") or None,
            channel=data.get("channel") or None,
        )
