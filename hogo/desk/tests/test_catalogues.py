"""Django merges every app's catalogue into one: for a message id that two catalogues translate,
the app listed earlier in INSTALLED_APPS wins (django.contrib.admin first). So a Japanese
translation in the privacy center's, the forms' or the members' catalogue can silently lose to
another app's translation of the same English; pages then show words nobody reviewed here."""

import gettext
from pathlib import Path

import pytest
from django.utils import translation

APPS = ("collect", "desk", "members")
HOGO = Path(__file__).resolve().parents[2]


def catalogue(app: str) -> dict[object, str]:
    mo = HOGO / app / "locale" / "ja" / "LC_MESSAGES" / "django.mo"
    assert mo.exists(), f"{mo} is missing: compile the catalogues (compilemessages)"
    with mo.open("rb") as f:
        found: dict[object, str] = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    return found


def shadowed(entries: dict[object, str]) -> list[str]:
    """The message ids of `entries` (a compiled catalogue's) that Japanese pages do not show
    as `entries` translates them."""
    lost = []
    with translation.override("ja"):
        for key, japanese in entries.items():
            if key == "" or isinstance(key, tuple):  # the header; plural forms
                continue
            assert isinstance(key, str)
            context, _, message = key.rpartition("\x04")
            shown = (
                translation.pgettext(context, message) if context else translation.gettext(message)
            )
            if shown != japanese:
                lost.append(key.replace("\x04", " | "))
    return lost


@pytest.mark.parametrize("app", APPS)
def test_every_japanese_text_of_the_app_is_the_one_pages_show(app: str) -> None:
    """No other catalogue (Django's admin, another hogo app) overrides one of the app's
    translations: a short English id that collides gets a context (pgettext)."""
    assert shadowed(catalogue(app)) == []


def test_the_check_sees_a_translation_that_another_catalogue_overrides() -> None:
    """Django's admin translates "Save" (保存) before any hogo app could."""
    assert shadowed({"Save": "保存する", "members button\x04Save": "保存する"}) == ["Save"]
