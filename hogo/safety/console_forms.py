"""The forms of the safety console pages: the staff report, the officer's triage and override.
Labels go through gettext (Japanese and English)."""

from typing import TYPE_CHECKING

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hogo.policy.schema import Policy
from hogo.safety.classify import Facts
from hogo.safety.services import Narrative

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

ANSWERS = (("unknown", _("Not known yet (counts as possible)")), ("yes", _("Yes")), ("no", _("No")))
ANSWER_VALUES: dict[str, bool | None] = {"unknown": None, "yes": True, "no": False}


def _answer(label: "StrOrPromise") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=ANSWERS, initial="unknown", widget=forms.RadioSelect
    )


def _names(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n.strip() for n in text.replace("、", ",").split(",") if n.strip()))


class FactsForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Data categories involved"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_categories = forms.CharField(
        label=_("Other data involved (comma-separated)"), required=False, max_length=500
    )
    systems = forms.CharField(
        label=_("Systems involved (comma-separated)"), required=False, max_length=500
    )
    people_estimate = forms.IntegerField(
        label=_("Estimated number of people (leave empty if not known)"),
        required=False,
        min_value=0,
        max_value=1_000_000_000,
    )
    special_care = _answer(_("Is special-care information involved?"))
    property_damage = _answer(
        _("Could misuse cause financial damage (card numbers, bank or login credentials)?")
    )
    unjust_purpose = _answer(
        _("Could it have been caused with an unjust purpose (unauthorized access, theft)?")
    )

    def __init__(self, *args: object, policy: Policy | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["categories"]
        assert isinstance(field, forms.MultipleChoiceField)
        english = (translation.get_language() or "ja").startswith("en")
        field.choices = [
            (c.id, c.title.en if english else c.title.ja)
            for c in (policy.categories.values() if policy else ())
        ]

    def facts(self) -> Facts:
        data = self.cleaned_data
        categories = tuple(data["categories"]) + _names(data["other_categories"])
        return Facts(
            categories=tuple(dict.fromkeys(categories)),
            people_estimate=data["people_estimate"],
            special_care=ANSWER_VALUES[data["special_care"]],
            property_damage=ANSWER_VALUES[data["property_damage"]],
            unjust_purpose=ANSWER_VALUES[data["unjust_purpose"]],
        )

    def systems_named(self) -> tuple[str, ...]:
        return _names(self.cleaned_data["systems"])


class ReportForm(FactsForm):
    discovered_at = forms.DateTimeField(
        label=_("When the organization became aware (Japan time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    summary = forms.CharField(
        label=_("What happened"),
        help_text=_("Describe the incident; do not copy the personal data involved."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )
    field_order = ("discovered_at", "summary")


def _text(label: "StrOrPromise") -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TriageForm(FactsForm):
    cause = _text(_("Cause"))
    secondary_harm = _text(_("Secondary harm or its risk, and what it is"))
    response_to_people = _text(_("What has been done for the people affected"))
    publication = _text(_("Public announcement"))
    prevention = _text(_("Measures to prevent a recurrence"))
    other = _text(_("Other relevant matters"))

    def narrative(self) -> Narrative:
        return Narrative(**{name: self.cleaned_data[name] for name in vars(Narrative())})


class OverrideForm(forms.Form):
    reportable = forms.ChoiceField(
        label=_("Decision"),
        choices=(
            ("yes", _("Report it to the PPC")),
            ("no", _("Do not report it")),
            ("classified", _("Follow the classification (withdraw an override)")),
        ),
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def decision(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["reportable"])
