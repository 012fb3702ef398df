"""The privacy center's forms, built from the active policy in the page's language. They check
what a person can fix on the page; the services check everything again."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.desk.kinds import TOPICS, correctable_categories
from hogo.desk.labels import TOPIC_TEXTS
from hogo.desk.models import CaseKind
from hogo.policy.schema import Policy
from hogo.policy.wording import delivery_method

CHANGE_ROWS = 5


NOTHING_ASKED = _(
    "Choose at least one item to correct or delete, or ask for the deletion of everything."
)
NOTHING_TO_STOP = _(
    "Choose what to stop: all use, use for some purposes, or provision to third parties."
)


class RequestForm(forms.Form):
    email = forms.EmailField(max_length=254)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.lang = lang
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].help_text = _(
            "The address you registered with us. We send a confirmation code to it."
        )
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def details(self) -> dict[str, object]:
        return {}


class DisclosureForm(RequestForm):
    delivery = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, policy=policy, lang=lang, **kwargs)
        kind = policy.requests.kinds[CaseKind.DISCLOSURE]
        field = self.fields["delivery"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(m, delivery_method(m, lang)) for m in kind.delivery_methods]
        field.initial = policy.requests.disclosure_default_delivery
        field.label = _("How you receive the disclosure")

    def details(self) -> dict[str, object]:
        return {"delivery": self.cleaned_data["delivery"]}


class CorrectionForm(RequestForm):
    delete_all = forms.BooleanField(required=False)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, policy=policy, lang=lang, **kwargs)
        self.fields["delete_all"].label = _("Delete all personal information you hold")
        categories = [("", _("Choose"))] + [
            (c, policy.categories[c].title.get(lang)) for c in correctable_categories(policy)
        ]
        actions = [
            ("set", _("Correct or add")),
            ("delete", pgettext_lazy("correction action", "Delete")),
        ]
        for row in range(CHANGE_ROWS):
            self.fields[f"category_{row}"] = forms.ChoiceField(
                choices=categories, required=False, label=_("What to correct, add or delete")
            )
            self.fields[f"action_{row}"] = forms.ChoiceField(
                choices=actions, required=False, initial="set", widget=forms.RadioSelect
            )
            self.fields[f"value_{row}"] = forms.CharField(
                max_length=1000, required=False, label=_("Correct value")
            )

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [
            (self[f"category_{n}"], self[f"action_{n}"], self[f"value_{n}"])
            for n in range(CHANGE_ROWS)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for row in range(CHANGE_ROWS):
            category, action = data.get(f"category_{row}"), data.get(f"action_{row}") or "set"
            if category and action == "set" and not (data.get(f"value_{row}") or "").strip():
                self.add_error(f"value_{row}", _("Enter the correct value."))
        if not data.get("delete_all") and not any(
            data.get(f"category_{row}") for row in range(CHANGE_ROWS)
        ):
            raise forms.ValidationError(NOTHING_ASKED)
        return data

    def details(self) -> dict[str, object]:
        data = self.cleaned_data
        if data.get("delete_all"):
            return {"delete_all": True}
        return {
            "changes": [
                {
                    "category": data[f"category_{row}"],
                    "action": data.get(f"action_{row}") or "set",
                    "value": data.get(f"value_{row}") or "",
                }
                for row in range(CHANGE_ROWS)
                if data.get(f"category_{row}")
            ]
        }


class SuspensionForm(RequestForm):
    all_purposes = forms.BooleanField(required=False)
    purposes = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    stop_provision = forms.BooleanField(required=False)
    understood = forms.BooleanField(required=True)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, policy=policy, lang=lang, **kwargs)
        purposes = self.fields["purposes"]
        assert isinstance(purposes, forms.MultipleChoiceField)
        purposes.choices = [(p.id, p.title.get(lang)) for p in policy.purposes.values()]
        purposes.label = _("Stop use for these purposes")
        self.fields["all_purposes"].label = _("Stop all use")
        self.fields["stop_provision"].label = _("Stop provision to third parties")
        self.fields["understood"].label = _(
            "I understand the above: some services stop working once use is suspended."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("all_purposes") or data.get("purposes") or data.get("stop_provision")):
            raise forms.ValidationError(NOTHING_TO_STOP)
        return data

    def details(self) -> dict[str, object]:
        data = self.cleaned_data
        everything = bool(data.get("all_purposes"))
        return {
            "all_purposes": everything,
            "purposes": [] if everything else list(data.get("purposes") or []),
            "stop_provision": bool(data.get("stop_provision")),
            "understood": bool(data.get("understood")),
        }


class ComplaintForm(RequestForm):
    topic = forms.ChoiceField(widget=forms.RadioSelect)
    text = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, policy=policy, lang=lang, **kwargs)
        topic = self.fields["topic"]
        assert isinstance(topic, forms.ChoiceField)
        topic.choices = [(t, TOPIC_TEXTS[t]) for t in TOPICS]
        topic.label = _("Kind of inquiry")
        self.fields["text"].label = _("Your message")

    def details(self) -> dict[str, object]:
        return {"topic": self.cleaned_data["topic"], "text": self.cleaned_data["text"]}


FORMS: dict[str, type[RequestForm]] = {
    CaseKind.PURPOSE_NOTIFICATION: RequestForm,
    CaseKind.DISCLOSURE: DisclosureForm,
    CaseKind.CORRECTION: CorrectionForm,
    CaseKind.SUSPENSION: SuspensionForm,
    CaseKind.COMPLAINT: ComplaintForm,
}


class CodeForm(forms.Form):
    code = forms.RegexField(regex=r"^\s*\d{6}\s*$", max_length=12)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = _("Confirmation code (6 digits)")
        field.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": r"\d{6}"}
        )


class StatusForm(forms.Form):
    ref = forms.RegexField(regex=r"^\s*req_[a-z2-7]{16}\s*$", max_length=40)
    email = forms.EmailField(max_length=254)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ref"].label = _("Request number")
        self.fields["email"].label = _("E-mail address")
