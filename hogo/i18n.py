"""Compiles hogo's translation catalogues (`hogo/<app>/locale/<lang>/LC_MESSAGES/django.po`) into
the GNU `.mo` files Django reads, in pure Python: a fresh machine needs no system gettext
(`msgfmt`) and no root. `dev` runs it before starting hogo or the tests (`python -m hogo.i18n`),
and so does the pytest plugin `hogo.i18n_pytest`; the `.mo` files are not in git.

As `msgfmt` does, it leaves out untranslated and fuzzy messages (Django then shows the English
msgid) and keeps the header, which carries the charset and plural forms. No Django import here:
it runs before Django is set up.
"""

import ast
import os
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

HOGO = Path(__file__).resolve().parent
MO_MAGIC = 0x950412DE


@dataclass
class Message:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False

    @property
    def key(self) -> str:
        """The msgid as a .mo stores it: context EOT msgid [NUL plural]."""
        key = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        return key if self.msgid_plural is None else f"{key}\x00{self.msgid_plural}"

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"{where}: expected a quoted string, got {text!r}")
    return str(ast.literal_eval(text))


def po_parse(text: str, where: str = "<po>") -> list[Message]:
    """The messages of a .po file (obsolete `#~` entries left out)."""
    messages: list[Message] = []
    current, target = Message(), ""
    started = False
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        at = f"{where}:{number}"
        if not line or (line.startswith("#") and not line.startswith("#,")):
            continue
        if line.startswith("#,"):
            if started:
                messages.append(current)
                current, started = Message(), False
            current.fuzzy = current.fuzzy or "fuzzy" in line[2:].replace(",", " ").split()
            continue
        keyword, _, rest = line.partition(" ") if not line.startswith('"') else ("", "", line)
        if keyword in ("msgctxt", "msgid") and started and target.startswith("msgstr"):
            messages.append(current)
            current, started = Message(), False
        if keyword:
            target, started = keyword, True
            _store(current, target, "", at)
        _store(current, target, _unquote(rest, at), at)
    if started:
        messages.append(current)
    return messages


def _store(message: Message, target: str, value: str, where: str) -> None:
    if target == "msgid":
        message.msgid += value
    elif target == "msgid_plural":
        message.msgid_plural = (message.msgid_plural or "") + value
    elif target == "msgctxt":
        message.msgctxt = (message.msgctxt or "") + value
    elif target == "msgstr" or target.startswith("msgstr["):
        index = 0 if target == "msgstr" else int(target[7:-1])
        message.msgstr[index] = message.msgstr.get(index, "") + value
    else:
        raise ValueError(f"{where}: unknown keyword {target!r}")


def mo_bytes(messages: list[Message]) -> bytes:
    """A GNU .mo (little-endian, no hash table) of the translated, non-fuzzy messages."""
    kept = {
        m.key: "\x00".join(m.msgstr[i] for i in sorted(m.msgstr))
        for m in messages
        if m.translated and (not m.fuzzy or m.msgid == "")
    }
    keys = sorted(kept, key=lambda k: k.encode())
    ids = [k.encode() for k in keys]
    strs = [kept[k].encode() for k in keys]
    start = 7 * 4 + 16 * len(keys)
    offsets, blob = [], b""
    for data in ids + strs:
        offsets.append((len(data), start + len(blob)))
        blob += data + b"\x00"
    header = struct.pack("<7I", MO_MAGIC, 0, len(keys), 28, 28 + 8 * len(keys), 0, start)
    table = b"".join(struct.pack("<2I", length, at) for length, at in offsets)
    return header + table + blob


def catalogues(root: Path = HOGO) -> list[Path]:
    """Every catalogue of hogo: each app's (`<app>/locale/...`) and the project's own."""
    return sorted(root.glob("**/locale/*/LC_MESSAGES/*.po"))


def catalogue_stale(po: Path) -> bool:
    """True when `po` has no .mo beside it, or one older than itself."""
    mo = po.with_suffix(".mo")
    return not mo.exists() or mo.stat().st_mtime_ns < po.stat().st_mtime_ns


def catalogue_compile(po: Path) -> bool:
    """Writes `po`'s .mo beside it unless it is newer than the .po; True if it wrote one.

    Written to a temporary file and renamed, so parallel test workers never read half a file."""
    if not catalogue_stale(po):
        return False
    mo = po.with_suffix(".mo")
    data = mo_bytes(po_parse(po.read_text(encoding="utf-8"), str(po)))
    temporary = mo.with_name(f".{mo.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, mo)
    return True


def catalogues_compile(root: Path = HOGO) -> list[Path]:
    """Compiles every catalogue that changed; returns the .po files compiled."""
    return [po for po in catalogues(root) if catalogue_compile(po)]


if __name__ == "__main__":
    for compiled in catalogues_compile():
        print(f"compiled {compiled.relative_to(HOGO.parent)}", file=sys.stderr)
