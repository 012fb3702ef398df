"""The privacy center's forms, built from the active policy in the page's language. They check
what a person can fix on the page; the services check everything again."""

from typing import Any

from django import forms

from hogo.desk.kinds import TOPICS, correctable_categories
from hogo.desk.labels import LABELS
from hogo.desk.models import CaseKind
from hogo.policy.labels import DELIVERY
from hogo.policy.schema import Policy

CHANGE_ROWS = 5


def _t(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


class RequestForm(forms.Form):
    email = forms.EmailField(max_length=254)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.lang = lang
        self.fields["email"].label = _t("email", lang)
        self.fields["email"].help_text = _t("email_help", lang)
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
        field.choices = [
            (m, DELIVERY[m].get(lang) if m in DELIVERY else m) for m in kind.delivery_methods
        ]
        field.initial = policy.requests.disclosure_default_delivery
        field.label = _t("delivery", lang)

    def details(self) -> dict[str, object]:
        return {"delivery": self.cleaned_data["delivery"]}


class CorrectionForm(RequestForm):
    delete_all = forms.BooleanField(required=False)

    def __init__(self, *args: Any, policy: Policy, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, policy=policy, lang=lang, **kwargs)
        self.fields["delete_all"].label = _t("delete_all", lang)
        categories = [("", _t("choose", lang))] + [
            (c, policy.categories[c].title.get(lang)) for c in correctable_categories(policy)
        ]
        actions = [("set", _t("change_set", lang)), ("delete", _t("change_delete", lang))]
        for row in range(CHANGE_ROWS):
            self.fields[f"category_{row}"] = forms.ChoiceField(
                choices=categories, required=False, label=LABELS["changes"].get(lang)
            )
            self.fields[f"action_{row}"] = forms.ChoiceField(
                choices=actions, required=False, initial="set", widget=forms.RadioSelect
            )
            self.fields[f"value_{row}"] = forms.CharField(
                max_length=1000, required=False, label=_t("new_value", lang)
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
                self.add_error(f"value_{row}", _t("new_value", self.lang))
        if not data.get("delete_all") and not any(
            data.get(f"category_{row}") for row in range(CHANGE_ROWS)
        ):
            raise forms.ValidationError(_t("invalid", self.lang))
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
        purposes.label = _t("some_purposes", lang)
        self.fields["all_purposes"].label = _t("all_purposes", lang)
        self.fields["stop_provision"].label = _t("provision_stop", lang)
        self.fields["understood"].label = _t("understood", lang)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("all_purposes") or data.get("purposes") or data.get("stop_provision")):
            raise forms.ValidationError(_t("invalid", self.lang))
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
        topic.choices = [(t, _t(t, lang)) for t in TOPICS]
        topic.label = _t("topic", lang)
        self.fields["text"].label = _t("text", lang)

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

    def __init__(self, *args: Any, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = _t("code", lang)
        field.widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": r"\d{6}"}
        )


class StatusForm(forms.Form):
    ref = forms.RegexField(regex=r"^\s*req_[a-z2-7]{16}\s*$", max_length=40)
    email = forms.EmailField(max_length=254)

    def __init__(self, *args: Any, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ref"].label = _t("case_ref", lang)
        self.fields["email"].label = _t("email", lang)
