"""The one place where HTML becomes a PDF (WeasyPrint): the desk's disclosure document and the
safety app's draft report to the PPC.

WeasyPrint, left to itself, builds a new font configuration for every document (fontconfig
reloads its configuration, Pango opens the 20 MB Noto CJK collections again) and a new URL
fetcher with a fresh TLS context. Per document that cost more than the layout, and the font
maps were never given back, so a worker grew with every PDF. Both are made once per thread here
(Pango's font maps are not safe to share between threads). The fetcher refuses every URL: the
documents are rendered from templates that link nothing, and a value that slipped into one as
a URL must not make the server fetch it.
"""

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from weasyprint import URLFetcher
    from weasyprint.text.fonts import FontConfiguration

_per_thread = threading.local()


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
