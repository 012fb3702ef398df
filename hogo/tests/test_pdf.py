"""The one HTML-to-PDF renderer (`hogo.pdf`): Japanese text reads back from every PDF it makes,
one after another in the same process (its font configuration is kept), and it fetches nothing
a document links to."""

import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from hogo.pdf import pdf_render


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


PAGE = (
    '<html lang="ja"><body style="font-family: \'Noto Sans CJK JP\'">'
    "<h1>保有個人データ開示書</h1><p>{text}</p>{extra}</body></html>"
)


def test_it_keeps_japanese_text_in_pdf_after_pdf(tmp_path: Path) -> None:
    for text in ("鈴木 花子", "名古屋市東区大曽根1-1-1", "髙橋 𠮷野"):
        pdf = pdf_render(PAGE.format(text=text, extra=""))
        read = text_of(pdf, tmp_path)
        assert "保有個人データ開示書" in read
        assert text in read


@pytest.fixture
def requests_seen() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


def test_it_fetches_nothing_a_document_links_to(
    requests_seen: tuple[str, list[str]], tmp_path: Path
) -> None:
    base, seen = requests_seen
    extra = (
        f'<img src="{base}/image.png"><link rel="stylesheet" href="{base}/style.css">'
        f'<div style="background: url({base}/background.png)">x</div>'
    )
    pdf = pdf_render(PAGE.format(text="鈴木 花子", extra=extra))
    assert "鈴木 花子" in text_of(pdf, tmp_path)
    assert seen == []
