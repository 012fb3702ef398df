"""The labels the staff console shows for the admin site's models: the app's name, the model's
names, each column or field an admin page shows with its help text and the words of its choices
(a status in a list column), the search box's help, the filters' titles and the actions. Each
must be a lazy translation whose Japanese differs from the English (a word the same in both
languages is allowed by name)."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import AppConfig
from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.functional import Promise


@dataclass(frozen=True)
class Label:
    where: str  # "collect.Member.status", for the failure message
    text: object  # the verbose name or description as declared


def _shown_names(model_admin: BaseModelAdmin[models.Model]) -> list[str]:
    """The columns of the list page and the fields of the detail page, as declared."""
    names = list(getattr(model_admin, "list_display", ()))
    if model_admin.fieldsets:
        names += [f for _, options in model_admin.fieldsets for f in options["fields"]]
    else:
        names += list(model_admin.fields or ())
    names += list(model_admin.readonly_fields)
    if not model_admin.fields and not model_admin.fieldsets:
        fields = model_admin.model._meta.concrete_fields
        names += [f.name for f in fields if f.editable and not isinstance(f, models.AutoField)]
    # "__str__" is labelled with the model's verbose name, checked on its own; "pk" is "ID"
    return [n for n in dict.fromkeys(names) if isinstance(n, str) and n not in {"__str__", "pk"}]


def _field_label(model_admin: BaseModelAdmin[models.Model], name: str) -> object:
    model: type[models.Model] = model_admin.model
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        shown = getattr(model_admin, name, None) or getattr(model, name, None)
        return getattr(shown, "short_description", None)
    return getattr(field, "verbose_name", None)  # a reverse relation is never shown


def _field_texts(model_admin: BaseModelAdmin[models.Model], name: str) -> Iterator[Label]:
    """A shown field's help text and the labels of its choices (a status in a list column)."""
    where = f"{model_admin.model._meta.app_label}.{model_admin.model.__name__}.{name}"
    try:
        field = model_admin.model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    help_text = getattr(field, "help_text", "")  # a reverse relation has none
    if help_text:
        yield Label(f"{where} (help_text)", help_text)
    for value, label in getattr(field, "flatchoices", None) or ():
        yield Label(f"{where} (choice {value!r})", label)


def _page_texts(model_admin: admin.ModelAdmin[models.Model], where: str) -> Iterator[Label]:
    """The search box's help, the filters' titles and the actions' descriptions."""
    if model_admin.search_help_text:
        yield Label(f"{where} (search_help_text)", model_admin.search_help_text)
    for shown in model_admin.list_filter:
        if isinstance(shown, type) and issubclass(shown, admin.SimpleListFilter):
            yield Label(f"{where} (filter {shown.__name__})", shown.title)
    for action in model_admin.actions or ():
        function = getattr(model_admin, action) if isinstance(action, str) else action
        description = getattr(function, "short_description", None)
        if description is not None:
            yield Label(f"{where} (action {function.__name__})", description)


def _app_and_model(app: AppConfig, model: type[models.Model]) -> Iterator[Label]:
    name = f"{app.label}.{model.__name__}"
    yield Label(app.label, app.verbose_name)
    yield Label(f"{name} (verbose_name)", model._meta.verbose_name)
    yield Label(f"{name} (verbose_name_plural)", model._meta.verbose_name_plural)


def admin_labels(
    site: admin.AdminSite, own_pages: frozenset[str] = frozenset(), prefix: str = "hogo."
) -> Iterator[Label]:
    """Every label of the site's pages for the models of apps whose module starts with prefix.
    A model in own_pages ("desk.Case") is listed in the index, but its admin pages redirect to
    the app's own console pages: only its names are the admin's."""
    for model, model_admin in site._registry.items():
        app = model._meta.app_config
        if not app.name.startswith(prefix):
            continue
        yield from _app_and_model(app, model)
        if f"{app.label}.{model.__name__}" in own_pages:
            continue
        admins = [model_admin] + [inline(model, site) for inline in model_admin.inlines]
        for shown in admins:
            if shown is not model_admin:
                yield from _app_and_model(app, shown.model)
            where = f"{app.label}.{shown.model.__name__}"
            for name in _shown_names(shown):
                yield Label(f"{where}.{name}", _field_label(shown, name))
                yield from _field_texts(shown, name)
        yield from _page_texts(model_admin, f"{app.label}.{model.__name__}")


def untranslated_labels(labels: Iterator[Label], same_in_both: frozenset[str]) -> list[str]:
    """The labels that are not lazy translations or have no Japanese different from English.
    A word the same in both languages may also be a plain string (Django's own "ID")."""
    problems = []
    for label in labels:
        if not isinstance(label.text, Promise) and label.text not in same_in_both:
            problems.append(f"{label.where}: {label.text!r} is not marked for translation")
            continue
        with translation.override("en"):
            english = str(label.text)
        with translation.override("ja"):
            japanese = str(label.text)
        if japanese == english and english not in same_in_both:
            problems.append(f"{label.where}: {english!r} has no Japanese translation")
    return sorted(set(problems))
