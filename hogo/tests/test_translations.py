"""One translation system (issue 18): every UI string is English in the code, marked for
translation, and Japanese in its app's catalogue `hogo/<app>/locale/ja/LC_MESSAGES/django.po`,
compiled by hogo.i18n. Each check over all apps comes with a test that it catches a violation."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from hogo.i18n import HOGO, Message, catalogues, mo_bytes, po_parse
from hogo.tests.translation_checks import (
    Found,
    all_catalogue_messages,
    app_of,
    bilingual_literals,
    catalogue_of,
    japanese_problems,
    messages_in_code,
    messages_in_template,
    messages_used,
    missing_translations,
    source_files,
    untranslated_text,
)

# Apps whose templates still show text outside translation tags or label-dictionary variables
# (none since vault's unsubscribe and reveal pages were converted). Add an app only while it is
# being converted; the test below fails while a listed app has nothing left to convert.
NOT_YET_CONVERTED: set[str] = set()
# Label modules kept only because the apps above still import them (their docstrings say so).
KEPT_FOR_UNCONVERTED: set[str] = set()
# Words a template may show as they are in both languages.
ALLOWED_WORDS = frozenset({"hogo", "JSON", "CSV", "API", "Cookie"})


def _templates() -> list[Path]:
    return sorted(p for p in HOGO.rglob("templates/**/*.html") if "tests" not in p.parts)


def _untranslated_by_app() -> dict[str | None, list[str]]:
    found: dict[str | None, list[str]] = {}
    for path in _templates():
        words = untranslated_text(path.read_text(encoding="utf-8"), ALLOWED_WORDS)
        if words:
            where = path.relative_to(HOGO.parent)
            found.setdefault(app_of(path), []).append(f"{where}: {' '.join(words[:8])}")
    return found


def test_every_message_has_a_japanese_translation() -> None:
    used = list(messages_used())
    apps = {app for app, _ in used if app}
    catalogue: dict[str | None, list[Message]] = {app: catalogue_of(app) for app in apps}
    assert len(used) > 100
    assert missing_translations(used, catalogue) == []


def test_a_missing_or_fuzzy_translation_is_caught() -> None:
    catalogue: dict[str | None, list[Message]] = {
        "policy": po_parse('msgid "Kept"\nmsgstr ""\n\n#, fuzzy\nmsgid "Fee"\nmsgstr "手数料"\n')
    }
    used = [("policy", Found("Kept", None, "a.html:1")), ("policy", Found("Fee", None, "a:2"))]
    used += [("site", Found("Fee", None, "b.html:3"))]  # the policy's catalogue is not the site's
    expected = ["a.html:1: 'Kept'", "a:2: 'Fee'", "b.html:3: 'Fee'"]
    assert missing_translations(used, catalogue) == expected


def test_extraction_reads_python_and_template_calls() -> None:
    code = (
        'x = pgettext_lazy("month", "May")\ny = gettext("a" "b")\nz = ngettext("one", "many", n)\n'
    )
    assert [(f.msgid, f.msgctxt) for f in messages_in_code(code, "m.py")] == [
        ("May", "month"),
        ("ab", None),
        ("one", None),
    ]
    template = (
        '{% load i18n %}{% translate "Fee" %}{% blocktranslate trimmed with n=x %}Keep\n'
        "{{ n }} days{% endblocktranslate %}"
    )
    assert [f.msgid for f in messages_in_template(template, "t.html")] == ["Fee", "Keep %(n)s days"]


def test_templates_show_no_text_outside_translation_tags() -> None:
    found = _untranslated_by_app()
    assert {app: lines for app, lines in found.items() if app not in NOT_YET_CONVERTED} == {}


def test_apps_not_yet_converted_still_have_text_to_convert() -> None:
    """The list above only shrinks: an app with nothing left to convert leaves it."""
    found = _untranslated_by_app()
    assert {app for app in NOT_YET_CONVERTED if app not in found} == set()


def test_text_outside_translation_tags_is_caught() -> None:
    template = (
        '{% load i18n %}<h1 title="Fee">{% translate "Fee" %}</h1><p>手数料 {{ fee }}</p>'
        "<script>const a = 'b';</script>{% blocktranslate %}Keep {{ n }}{% endblocktranslate %}"
        '<a href="{% url "x" %}" aria-label="{% translate "Open" %}">{{ x }}</a>'
        '<button name="action" value="agree">{% translate "I agree" %}</button>'
        '<input type="submit" value="Send now"><pre><code>&lt;script src="x"&gt;</code></pre>'
        "<p>{{ label.title|localized }}{{ said.title }}</p>"
    )
    expected = ["Fee", "手数料", "Send", "now", "{{ label.title }}"]
    assert untranslated_text(template) == expected


def test_japanese_translations_follow_the_house_rules() -> None:
    problems = [
        f"{po.relative_to(HOGO.parent)}: {m.msgid!r}: {problem}"
        for po, m in all_catalogue_messages()
        for text in m.msgstr.values()
        for problem in japanese_problems(text)
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("保存期間 (3年)", "half-width ( ) in Japanese"),
        ("公表日: 2026年4月1日", "half-width : in Japanese"),
        ("取得から3年; 同意", "half-width ; in Japanese"),
        ("保有個人情報の開示", "保有個人情報 is the public-sector term"),
        ("取得から1095日", "1095日 divides into years"),
        ("取得から%(days)s日間保存します", "a retention period in days"),
    ],
)
def test_a_japanese_house_rule_violation_is_caught(text: str, problem: str) -> None:
    assert any(p.startswith(problem) for p in japanese_problems(text))


def test_placeholders_and_english_are_not_japanese_punctuation_problems() -> None:
    assert japanese_problems("%(days)s日以内にご連絡します（原則）") == []
    assert japanese_problems("Kept for 3 years (erased afterwards): see below") == []


def test_one_message_has_one_japanese_translation_across_catalogues() -> None:
    """Django merges every app's catalogue: two translations of one msgid would leave one app
    showing the other's wording (give such messages a pgettext context)."""
    seen: dict[tuple[str | None, str], tuple[str, Path]] = {}
    clashes = []
    for po, m in all_catalogue_messages():
        text = "|".join(m.msgstr.values())
        key = (m.msgctxt, m.msgid)
        if key in seen and seen[key][0] != text and m.translated and not m.fuzzy:
            clashes.append(f"{m.msgid!r}: {seen[key][1].parent.parent.parent.parent.name}, {po}")
        seen.setdefault(key, (text, po))
    assert clashes == []


def test_compiled_catalogues_translate_every_message() -> None:
    """What Django reads (the .mo from hogo.i18n) gives each catalogue entry's translation."""
    for po in catalogues():
        messages = po_parse(po.read_text(encoding="utf-8"))
        assert po.with_suffix(".mo").read_bytes() == mo_bytes(messages)
        with translation.override(po.parts[-3]):
            for m in messages:
                if not m.msgid or not m.translated or m.fuzzy or m.msgid_plural:
                    continue
                if m.msgctxt is None:
                    assert translation.gettext(m.msgid) == m.msgstr[0], (po, m.msgid)
                else:
                    assert translation.pgettext(m.msgctxt, m.msgid) == m.msgstr[0], (po, m.msgid)


def test_the_mo_writer_matches_what_gettext_reads() -> None:
    import gettext
    import io

    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgctxt "month"\nmsgid "May"\nmsgstr "5月"\n\n'
        'msgid "%(n)d day"\nmsgid_plural "%(n)d days"\nmsgstr[0] "%(n)d日"\n\n'
        'msgid "Line\\n\\"quoted\\""\nmsgstr "行\\n「引用」"\n\n'
        '#, fuzzy\nmsgid "Draft"\nmsgstr "下書き"\n\nmsgid "Empty"\nmsgstr ""\n'
    )
    catalogue = gettext.GNUTranslations(io.BytesIO(mo_bytes(po_parse(text))))
    assert catalogue.pgettext("month", "May") == "5月"
    assert catalogue.ngettext("%(n)d day", "%(n)d days", 3) == "%(n)d日"
    assert catalogue.gettext('Line\n"quoted"') == "行\n「引用」"
    assert catalogue.gettext("Draft") == "Draft"
    assert catalogue.gettext("Empty") == "Empty"


def test_python_shows_no_ui_wording_outside_the_catalogues() -> None:
    found = []
    for path in source_files():
        where = str(path.relative_to(HOGO.parent))
        if path.suffix != ".py" or app_of(path) in NOT_YET_CONVERTED:
            continue
        if where in KEPT_FOR_UNCONVERTED:
            continue
        lines = bilingual_literals(path.read_text(encoding="utf-8"))
        found += [f"{where}:{line}" for line in lines]
    assert found == []


def test_bilingual_literals_are_caught() -> None:
    source = 'A = {"x": Text("手数料", "Fee")}\nB = Text(policy.ja, policy.en)\n'
    assert bilingual_literals(source) == [1]


@pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed to compare with"
)
def test_the_mo_writer_writes_what_msgfmt_writes(tmp_path: Path) -> None:
    """Byte for byte, for every catalogue (msgfmt without its optional hash table)."""
    for po in catalogues():
        out = tmp_path / "msgfmt.mo"
        subprocess.run(["msgfmt", "--no-hash", "-o", str(out), str(po)], check=True)
        assert out.read_bytes() == mo_bytes(po_parse(po.read_text(encoding="utf-8"))), po
