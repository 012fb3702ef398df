"""The Japanese font of the PDFs that Typst lays out (`hogo.pdf.pdf_typeset`).

The system's Noto Sans CJK JP comes in a 20 MB collection per weight, and Typst reads the whole
file into memory the first time a document uses it: a web worker then holds 20 MB of glyphs it
never draws. So the first document on a machine makes "Hogo Sans JP", a 3.6 MB copy of the
regular weight holding ASCII, Latin-1, the kana, the punctuation and the 6,355 kanji of JIS X
0208 (HarfBuzz's subsetter, about a second), in a cache folder outside the project
(`HOGO_FONT_CACHE`, default `~/.cache/hogo/fonts`). Documents name it first and the system
font second: a rarer character (髙, 𠮷) still comes from the full font, which Typst then
loads. Where the subset cannot be made (no HarfBuzz, no Noto), documents use the system font.
"""

import ctypes
import ctypes.util
import logging
import os
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)
SYSTEM = "Noto Sans CJK JP"
FAMILY = "Hogo Sans JP"
FILE = "HogoSansJP-Regular.otf"
RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1 and Latin Extended-A
    (0x2000, 0x206F),  # general punctuation
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # circled numbers
    (0x25A0, 0x25FF),  # shapes
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0xFF00, 0xFFEF),  # full and half width forms
]


def font_setup() -> tuple[list[str], list[str]]:
    """(folders for Typst to search, font families for documents, in order)."""
    folder = Path(os.environ.get("HOGO_FONT_CACHE") or Path.home() / ".cache/hogo/fonts")
    if not (folder / FILE).exists():
        try:
            _subset_build(folder)
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            log.warning("hogo.pdffonts: no font subset (%s): documents use %s", exc, SYSTEM)
            return [], [SYSTEM]
    return [str(folder)], [FAMILY, SYSTEM]


def characters() -> set[int]:
    chars = {c for low, high in RANGES for c in range(low, high + 1)}
    for row in range(0xA1, 0xFF):  # JIS X 0208 through its EUC-JP encoding
        for cell in range(0xA1, 0xFF):
            try:
                chars.update(map(ord, bytes((row, cell)).decode("euc_jp")))
            except UnicodeDecodeError:
                continue
    return chars


def _subset_build(folder: Path) -> None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise ValueError("fontconfig's fc-match is not installed")
    found = subprocess.run(  # noqa: S603  (fontconfig, with our own arguments)
        [fc_match, "-f", "%{file}\n%{index}", f"{SYSTEM}:style=Regular"],
        capture_output=True,
        check=True,
        text=True,
        timeout=30,
    ).stdout.split("\n")
    source, index = found[0], int(found[1] or 0)
    if not Path(source).name.startswith("NotoSansCJK"):  # fc-match falls back to any font
        raise ValueError(f"{SYSTEM} is not installed (fc-match gave {source})")
    data = _harfbuzz_subset(source, index, characters())
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{FILE}.{os.getpid()}"
    partial.write_bytes(_renamed(data))
    partial.replace(folder / FILE)  # whole or not at all, if two workers race


def _harfbuzz_subset(path: str, index: int, chars: set[int]) -> bytes:
    name = ctypes.util.find_library("harfbuzz-subset") or "libharfbuzz-subset.so.0"
    hb = ctypes.CDLL(name)
    p = ctypes.c_void_p
    hb.hb_blob_create_from_file_or_fail.restype = p
    hb.hb_face_create.restype = p
    hb.hb_face_create.argtypes = [p, ctypes.c_uint]
    hb.hb_subset_input_create_or_fail.restype = p
    hb.hb_subset_input_unicode_set.restype = p
    hb.hb_subset_input_unicode_set.argtypes = [p]
    hb.hb_set_add.argtypes = [p, ctypes.c_uint32]
    hb.hb_subset_or_fail.restype = p
    hb.hb_subset_or_fail.argtypes = [p, p]
    hb.hb_face_reference_blob.restype = p
    hb.hb_face_reference_blob.argtypes = [p]
    hb.hb_blob_get_data.restype = ctypes.POINTER(ctypes.c_char)
    hb.hb_blob_get_data.argtypes = [p, ctypes.POINTER(ctypes.c_uint)]
    for destroy in ("hb_blob_destroy", "hb_face_destroy", "hb_subset_input_destroy"):
        getattr(hb, destroy).argtypes = [p]
    blob = hb.hb_blob_create_from_file_or_fail(path.encode())
    if not blob:
        raise ValueError(f"HarfBuzz cannot read {path}")
    face = hb.hb_face_create(blob, index)
    wanted = hb.hb_subset_input_create_or_fail()
    unicodes = hb.hb_subset_input_unicode_set(wanted)
    for char in chars:
        hb.hb_set_add(unicodes, char)
    subset = hb.hb_subset_or_fail(face, wanted)
    try:
        if not subset:
            raise ValueError(f"HarfBuzz could not subset {path}")
        out = hb.hb_face_reference_blob(subset)
        length = ctypes.c_uint()
        data = hb.hb_blob_get_data(out, ctypes.byref(length))
        made = ctypes.string_at(data, length.value)
        hb.hb_blob_destroy(out)
        return made
    finally:
        hb.hb_face_destroy(subset)
        hb.hb_subset_input_destroy(wanted)
        hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)


def _renamed(data: bytes) -> bytes:
    """The subset under its own family name, so that it never stands in for the full font."""
    import io

    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(io.BytesIO(data), lazy=True)
    names = {1: FAMILY, 4: f"{FAMILY} Regular", 6: FAMILY.replace(" ", "") + "-Regular"}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
        elif record.nameID in (16, 17):
            record.string = FAMILY if record.nameID == 16 else "Regular"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
