"""The one place where documents become PDFs: HTML through WeasyPrint (the safety app's draft
report to the PPC) and Typst files fed with JSON data (the desk's disclosure, `pdf_typeset`).

WeasyPrint, left to itself, builds a new font configuration for every document (fontconfig
reloads its configuration, Pango opens the 20 MB Noto CJK collections again) and a new URL
fetcher with a fresh TLS context. Per document that cost more than the layout, and the font
maps were never given back, so a worker grew with every PDF. Both are made once per thread here
(Pango's font maps are not safe to share between threads). The fetcher refuses every URL: the
documents are rendered from templates that link nothing, and a value that slipped into one as
a URL must not make the server fetch it.
"""

import ctypes
import ctypes.util
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typst
    from weasyprint import URLFetcher
    from weasyprint.text.fonts import FontConfiguration

_per_thread = threading.local()
_trim: Any = None  # glibc's malloc_trim, False where there is none


def pdf_render(html: str) -> bytes:
    """The PDF of an HTML document that needs nothing from outside itself."""
    import weasyprint  # 1–2 s to import: only in processes that make a PDF

    fonts, fetcher = _renderer()
    pdf: bytes = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(font_config=fonts)
    return pdf


def _renderer() -> tuple["FontConfiguration", "URLFetcher"]:
    renderer: tuple[FontConfiguration, URLFetcher] | None = getattr(_per_thread, "renderer", None)
    if renderer is None:
        import weasyprint
        import weasyprint.text.fonts

        renderer = (
            weasyprint.text.fonts.FontConfiguration(),
            weasyprint.URLFetcher(allowed_protocols=()),
        )
        _per_thread.renderer = renderer
    return renderer


def pdf_typeset(template: Path, data: dict[str, Any]) -> bytes:
    """The PDF of a Typst file that reads `data` as JSON (`json(bytes(sys.inputs.data))`).

    Typst lays out a table-heavy Japanese document ten times faster than WeasyPrint and
    subsets its fonts quickly. The template takes its font families, in order, from
    `json(bytes(sys.inputs.fonts))` (`hogo.pdffonts`: a small Japanese subset first). The
    compiler keeps what it loaded (the fonts: about 0.1 s to find them) from one document to
    the next, so one is kept per thread and template.
    The template reads nothing but its data: the compiler's root is the template's folder and
    values are only ever shown as text, never evaluated as markup.
    """
    compiler, fonts = _compiler(template)
    pdf = compiler.compile(
        sys_inputs={"data": json.dumps(data, ensure_ascii=False), "fonts": json.dumps(fonts)}
    )
    assert isinstance(pdf, bytes)  # one document, no output file: its bytes
    _memory_return()
    return pdf


def _memory_return() -> None:
    """Gives the memory freed after a document back to the system (glibc keeps it otherwise:
    about 7 MB of a worker's resident memory, bench/server_memory.py; a few µs)."""
    global _trim
    if _trim is None:
        try:
            _trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc
            _trim = False
    if _trim:
        _trim(0)


def _compiler(template: Path) -> tuple["typst.Compiler", list[str]]:
    """The thread's compiler of `template`, and the font families its documents use."""
    import typst

    from hogo.pdffonts import font_setup

    compilers: dict[Path, tuple[typst.Compiler, list[str]]] | None = getattr(
        _per_thread, "typst", None
    )
    if compilers is None:
        compilers = _per_thread.typst = {}
    if template not in compilers:
        folders, families = font_setup()
        compiler = typst.Compiler(str(template), root=str(template.parent), font_paths=folders)
        compilers[template] = (compiler, families)
    return compilers[template]
