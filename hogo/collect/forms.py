"""Django forms generated from a policy channel, for rendering and CSRF only: the values are
checked by `values_clean` in the service, so the form and the API accept exactly the same."""

from dataclasses import dataclass

from django import forms

from hogo.collect.labels import consent_purpose_text, special_consent_text
from hogo.collect.values import MAX_CHARS
from hogo.policy.schema import Channel, Field, Policy


@dataclass(frozen=True)
class ConsentBox:
    name: str
    value: str
    label: str
    checked: bool
    # The form is accepted without it: another purpose of the channel needs no consent (event
    # registration with invitations as an opt-in). Shown marked optional, never pre-ticked.
    optional: bool = False


def _widget(spec: Field, lang: str) -> forms.Widget:
    attrs: dict[str, str] = {"maxlength": str(MAX_CHARS.get(spec.kind, 200))}
    if spec.required:
        attrs["required"] = ""
    if spec.kind in ("select", "radio"):
        del attrs["maxlength"]
        choices = [(c.value, c.label.get(lang)) for c in spec.choices]
        if spec.kind == "radio":
            return forms.RadioSelect(attrs=attrs, choices=choices)
        return forms.Select(attrs=attrs, choices=[("", "—"), *choices])
    if spec.kind == "checkbox":
        del attrs["maxlength"]
        return forms.CheckboxInput(attrs=attrs)
    if spec.kind == "textarea":
        return forms.Textarea(attrs={**attrs, "rows": "5"})
    autocomplete = {
        "name": "name",
        "email": "email",
        "phone": "tel",
        "organization": "organization",
        "job_title": "organization-title",
        "country": "country-name",
        "postal_address": "street-address",
    }
    if spec.category in autocomplete:
        attrs["autocomplete"] = autocomplete[spec.category]
    widgets: dict[str, type[forms.widgets.Input]] = {
        "email": forms.EmailInput,
        "tel": forms.TextInput,
        "url": forms.URLInput,
        "date": forms.DateInput,
    }
    if spec.kind == "tel":
        attrs["type"] = "tel"
    if spec.kind == "date":
        attrs["type"] = "date"
    widget: forms.Widget = widgets.get(spec.kind, forms.TextInput)(attrs=attrs)
    return widget


# Form classes by (channel object's id, language), each kept with its channel so that the id is
# not reused while the entry lives; cleared when full (a few per channel and policy version).
_CLASSES: dict[tuple[int, str], tuple[Channel, type[forms.Form]]] = {}
_CLASSES_LIMIT = 256


def channel_form_class(channel: Channel, lang: str) -> type[forms.Form]:
    """The form class of a channel in a language, made once per parsed channel (a class is
    never changed by its forms: each form copies its fields)."""
    key = (id(channel), lang)
    found = _CLASSES.get(key)
    if found is None or found[0] is not channel:
        if len(_CLASSES) >= _CLASSES_LIMIT:
            _CLASSES.clear()
        found = _CLASSES[key] = (channel, _form_class(channel, lang))
    return found[1]


def _form_class(channel: Channel, lang: str) -> type[forms.Form]:
    fields: dict[str, forms.Field] = {}
    for spec in channel.fields:
        field: forms.Field
        if spec.kind == "checkbox":
            field = forms.BooleanField(required=False, widget=_widget(spec, lang))
        else:
            field = forms.CharField(required=False, strip=True, widget=_widget(spec, lang))
        field.label = spec.label.get(lang)
        fields[spec.id] = field
    return type(f"{channel.id.title().replace('-', '')}Form", (forms.Form,), fields)


def purpose_boxes(
    policy: Policy, channel: Channel, lang: str, checked: set[str]
) -> list[ConsentBox]:
    without_consent = any(not policy.purposes[p].consent_required for p in channel.purposes)
    return [
        ConsentBox(
            name="consent_purpose",
            value=p,
            label=consent_purpose_text(policy.purposes[p].title.get(lang), lang),
            checked=p in checked,
            optional=without_consent,
        )
        for p in channel.purposes
        if policy.purposes[p].consent_required
    ]


def special_care_boxes(
    policy: Policy, categories: list[str], lang: str, checked: set[str]
) -> list[ConsentBox]:
    return [
        ConsentBox(
            name="consent_special_care",
            value=c,
            label=special_consent_text(policy.categories[c].title.get(lang), lang),
            checked=c in checked,
        )
        for c in categories
    ]
