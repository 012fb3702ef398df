"""The checks behind test_translations.py, kept apart so that each can be shown to catch a
violation: message extraction (a small `makemessages` that needs no xgettext), visible text left
outside translation tags in templates, and the Japanese house rules of issue 21."""

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

from hogo.i18n import HOGO, Message, catalogues, po_parse

GETTEXT_CALLS = {
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "_": ("msgid",),
    "pgettext": ("msgctxt", "msgid"),
    "pgettext_lazy": ("msgctxt", "msgid"),
    "ngettext": ("msgid", "msgid_plural"),
    "ngettext_lazy": ("msgid", "msgid_plural"),
    "npgettext": ("msgctxt", "msgid", "msgid_plural"),
    "npgettext_lazy": ("msgctxt", "msgid", "msgid_plural"),
}


@dataclass(frozen=True)
class Found:
    msgid: str
    msgctxt: str | None
    where: str


def _arguments(tokens: list[tokenize.TokenInfo], start: int) -> list[str | None]:
    """The arguments of the call whose '(' is tokens[start]: a literal string (adjacent literals
    joined) or None for anything else."""
    args: list[str | None] = []
    parts: list[str] | None = []
    depth = 0
    for token in tokens[start + 1 :]:
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        if token.type == tokenize.OP and token.string in ")]}":
            if depth == 0:
                break
            depth -= 1
        if depth == 0 and token.type == tokenize.OP and token.string == ",":
            args.append(None if parts is None else "".join(parts))
            parts = []
        elif token.type == tokenize.STRING and parts is not None and depth == 0:
            parts.append(str(ast.literal_eval(token.string)))
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT):
            parts = None
    args.append(None if parts is None else "".join(parts))
    return args


def messages_in_code(source: str, where: str) -> Iterator[Found]:
    """The literal messages of gettext-family calls in Python source (or templatize output)."""
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in (tokenize.INDENT, tokenize.DEDENT)
    ]
    for i, token in enumerate(tokens[:-1]):
        names = GETTEXT_CALLS.get(token.string) if token.type == tokenize.NAME else None
        if names is None or tokens[i + 1].string != "(":
            continue
        if i > 0 and tokens[i - 1].string in (".", "def"):
            continue
        values = dict(zip(names, _arguments(tokens, i + 1), strict=False))
        if values.get("msgid"):
            yield Found(values["msgid"] or "", values.get("msgctxt"), f"{where}:{token.start[0]}")


def messages_in_template(text: str, where: str) -> Iterator[Found]:
    # templatize's output is tokens, not Python: no line may look indented to the tokenizer.
    code = "\n".join(line.lstrip() for line in templatize(text).splitlines())
    return messages_in_code(code, where)


def app_of(path: Path) -> str | None:
    """The app a file belongs to (`hogo/<app>/...`), or None for the project's own files."""
    parts = path.relative_to(HOGO).parts
    return parts[0] if len(parts) > 1 and (HOGO / parts[0] / "apps.py").exists() else None


def source_files() -> Iterator[Path]:
    for path in sorted(HOGO.rglob("*")):
        if "tests" in path.parts or "migrations" in path.parts or path.name == "conftest.py":
            continue
        if path.suffix == ".py" or (path.suffix in (".html", ".txt") and "templates" in path.parts):
            yield path


def messages_used() -> Iterator[tuple[str | None, Found]]:
    """(app, message) for every message hogo's code and templates ask to translate."""
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(HOGO.parent))
        extract = messages_in_code if path.suffix == ".py" else messages_in_template
        for found in extract(text, where):
            yield app_of(path), found


def catalogue_of(app: str | None, language: str = "ja") -> list[Message]:
    base = HOGO / app if app else HOGO
    po = base / "locale" / language / "LC_MESSAGES" / "django.po"
    return po_parse(po.read_text(encoding="utf-8"), str(po)) if po.exists() else []


def all_catalogue_messages(language: str = "ja") -> list[tuple[Path, Message]]:
    return [
        (po, m)
        for po in catalogues()
        if po.parts[-3] == language
        for m in po_parse(po.read_text(encoding="utf-8"), str(po))
        if m.msgid
    ]


def missing_translations(
    used: Sequence[tuple[str | None, Found]], catalogue: Mapping[str | None, list[Message]]
) -> list[str]:
    """Messages with no non-empty, non-fuzzy Japanese translation in their app's catalogue
    (any catalogue for the project's own templates)."""
    everywhere = [m for messages in catalogue.values() for m in messages]
    problems = []
    for app, found in used:
        messages = catalogue.get(app, []) if app else everywhere
        if not any(
            m.msgid == found.msgid and m.msgctxt == found.msgctxt and m.translated and not m.fuzzy
            for m in messages
        ):
            context = f" (context {found.msgctxt!r})" if found.msgctxt else ""
            problems.append(f"{found.where}: {found.msgid!r}{context}")
    return problems


class _VisibleText(HTMLParser):
    """Text a browser shows (and the attributes people read), outside <script> and <style>."""

    SHOWN_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
    # Code, and code samples shown as they are typed (the embedding demo's snippets).
    NOT_TEXT = ("script", "style", "pre", "code")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.NOT_TEXT:
            self.hidden += 1
        if tag == "meta":
            return
        button = tag == "input" and dict(attrs).get("type") in ("submit", "button", "reset")
        for name, value in attrs:
            if value and (name in self.SHOWN_ATTRIBUTES or (button and name == "value")):
                self.text.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.NOT_TEXT:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


LETTERS = re.compile(r"[^\W\d_]{2,}")
TRANSLATING = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans"}


# A variable from a label dictionary (`{{ label.title|localized }}`), the way of translating
# that Django's i18n replaces (issue 18).
LABEL_DICTIONARY = re.compile(r"^\w*labels?\.\w+")


def untranslated_text(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Words a template shows outside {% translate %}/{% blocktranslate %} ({{ variables }},
    tags and comments are not text; neither are <script>/<style>/<pre>/<code> bodies), and
    the label-dictionary variables it shows (as `{{ label.key }}`)."""
    html: list[str] = []
    labels: list[str] = []
    closing = None
    for token in Lexer(text).tokenize():
        if token.token_type == TokenType.VAR and (found := LABEL_DICTIONARY.match(token.contents)):
            labels.append("{{ " + found.group(0) + " }}")
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            closing = TRANSLATING.get(name, None if name == closing else closing)
            html.append(" ")
        elif token.token_type == TokenType.TEXT and closing is None:
            html.append(token.contents)
        else:
            html.append(" x ")  # a variable or a translated text: an attribute value stays one
    parser = _VisibleText()
    parser.feed("".join(html))
    parser.close()
    words = [w for chunk in parser.text for w in LETTERS.findall(chunk)]
    return [w for w in words if w not in allowed and w != "x"] + labels


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|https?://\S+")
HALF_WIDTH = re.compile(r"[();:]")
DAYS = re.compile(r"(\d[\d,]*)日")
RETENTION_IN_DAYS = re.compile(r"(保存|保管|取得から)[^。]*%\(\w+\)[sd]日")


def japanese_problems(msgstr: str) -> list[str]:
    """What issue 21 rules out in a Japanese UI string."""
    if not JAPANESE.search(msgstr):
        return []
    problems = []
    bare = PLACEHOLDER.sub("", msgstr)
    if found := sorted(set(HALF_WIDTH.findall(bare))):
        problems.append(f"half-width {' '.join(found)} in Japanese (use （）：、。)")
    if "保有個人情報" in msgstr:
        problems.append("保有個人情報 is the public-sector term: 保有個人データ")
    for number in DAYS.findall(msgstr):
        if int(number.replace(",", "")) % 365 == 0:
            problems.append(f"{number}日 divides into years (hogo.policy.wording)")
    if RETENTION_IN_DAYS.search(msgstr):
        problems.append("a retention period in days: show it with hogo.policy.wording")
    return problems


def bilingual_literals(source: str) -> list[int]:
    """Lines of `Text("日本語", "English")` calls with two literal strings: UI wording written
    the old way, beside the catalogues (the policy's own texts come from the policy file)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Text"
            and len(node.args) == 2
            and all(isinstance(a, ast.Constant | ast.JoinedStr) for a in node.args)
        ):
            lines.append(node.lineno)
    return lines
