"""The staff console (Django's admin, Japanese by default) names every app, model and shown
field, and shows every help text, status value, search help, filter and action, from Django's
i18n: a lazy translation with a Japanese different from the English."""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from hogo.tests.admin_labels import admin_labels, untranslated_labels

# Words the same in both languages ("ID" is Django's own label for the automatic key).
SAME_IN_BOTH = frozenset({"ID", "URL", "API"})
# Listed in the console's index, but their admin pages redirect to the app's own pages.
OWN_PAGES = frozenset({"desk.Case"})


def test_every_label_of_the_console_is_translated_to_japanese() -> None:
    labels = list(admin_labels(admin.site, OWN_PAGES))
    assert len(labels) > 200
    assert untranslated_labels(iter(labels), SAME_IN_BOTH) == []


def test_an_untranslated_label_is_caught() -> None:
    """A plain string, a lazy string without a Japanese entry and a field left with Django's
    default name are each reported; a translated label and an allowed word are not."""

    class Shown(models.Model):
        plain = models.CharField("plain words", max_length=8, help_text="Plain help.")
        default_name = models.DateField()
        translated = models.CharField(
            gettext_lazy("recorded at"),
            max_length=8,
            help_text=gettext_lazy("Audit actor."),
            choices=[("a", gettext_lazy("Active")), ("b", "Plain choice")],
        )
        missing = models.CharField(gettext_lazy("no such message anywhere"), max_length=8)

        class Meta:
            app_label = "site"
            verbose_name = gettext_lazy("cookie consent")
            verbose_name_plural = "plain plural"

        def __str__(self) -> str:
            return self.plain

    class PlainFilter(admin.SimpleListFilter):
        title = "plain filter"
        parameter_name = "p"

        def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
            return []

        def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
            return queryset

    class ShownAdmin(admin.ModelAdmin[Shown]):
        list_display = ("pk", "plain", "translated", "shown_as")
        list_filter = (PlainFilter,)
        readonly_fields = ("default_name", "missing")
        search_help_text = "Plain search help."
        actions = ("plain_action",)

        @admin.display(description="as shown")
        def shown_as(self, obj: Shown) -> str:
            return ""

        @admin.action(description="Do it plainly")
        def plain_action(self, request: HttpRequest, queryset: QuerySet[Shown]) -> None:
            return None

    site = admin.AdminSite(name="labels_check")
    site.register(Shown, ShownAdmin)
    try:
        problems = untranslated_labels(admin_labels(site), SAME_IN_BOTH)
    finally:
        del apps.all_models["site"]["shown"]
        apps.clear_cache()
    assert problems == [
        "site.Shown (action plain_action): 'Do it plainly' is not marked for translation",
        "site.Shown (filter PlainFilter): 'plain filter' is not marked for translation",
        "site.Shown (search_help_text): 'Plain search help.' is not marked for translation",
        "site.Shown (verbose_name_plural): 'plain plural' is not marked for translation",
        "site.Shown.default_name: 'default name' is not marked for translation",
        "site.Shown.missing: 'no such message anywhere' has no Japanese translation",
        "site.Shown.plain (help_text): 'Plain help.' is not marked for translation",
        "site.Shown.plain: 'plain words' is not marked for translation",
        "site.Shown.shown_as: 'as shown' is not marked for translation",
        "site.Shown.translated (choice 'b'): 'Plain choice' is not marked for translation",
    ]
