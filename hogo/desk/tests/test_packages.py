"""Every encrypted package hogo hands out is written by one writer (hogo.packages), which also
chooses the container in one place: an AES-256 PDF carrying the other files where the package
has a PDF and HOGO_DISCLOSURE_FORMAT is pdf, an AES-256 zip otherwise."""

import io
import struct
import zipfile

import pikepdf
import pytest
from django.test import override_settings

from hogo.packages import PDF, ZIP, container_choose, files_open, files_seal, is_pdf

FILES = {"data.json": b'{"a": 1}', "items.csv": "\ufeff名前\r\n".encode()}


def a_pdf() -> bytes:
    out = io.BytesIO()
    document = pikepdf.new()
    document.add_blank_page()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("setting", "printable", "container"),
    [("pdf", True, PDF), ("zip", True, ZIP), ("pdf", False, ZIP), ("zip", False, ZIP)],
)
def test_the_setting_chooses_a_pdf_only_for_a_package_with_a_pdf(
    setting: str, printable: bool, container: str
) -> None:
    with override_settings(DISCLOSURE_FORMAT=setting):
        assert container_choose(printable=printable) == container


def test_a_zip_opens_with_its_password_only() -> None:
    sealed = files_seal(FILES, password="right")
    assert not is_pdf(sealed)
    assert files_open(sealed, password="right") == (None, FILES)
    with pytest.raises(RuntimeError):
        files_open(sealed, password="wrong")


def test_every_file_of_a_zip_has_a_salt_and_key_of_its_own() -> None:
    """Two files with the same content are encrypted differently: a key shared between files
    would repeat AES-CTR's key stream."""
    same = b"the same content, twice" * 20
    sealed = files_seal({"one.csv": same, "two.csv": same, "three.csv": same}, password="right")
    assert files_open(sealed, password="right")[1] == {
        "one.csv": same,
        "two.csv": same,
        "three.csv": same,
    }
    with zipfile.ZipFile(io.BytesIO(sealed)) as archive:
        starts = []
        for info in archive.infolist():
            name_length, extra_length = struct.unpack_from("<HH", sealed, info.header_offset + 26)
            start = info.header_offset + 30 + name_length + extra_length
            starts.append(sealed[start : start + info.compress_size])
    salts = {data[:16] for data in starts}
    assert len(salts) == 3
    assert len({data[18:] for data in starts}) == 3


def test_a_pdf_carries_the_other_files_and_opens_with_its_password_only() -> None:
    cover = a_pdf()
    sealed = files_seal(FILES | {"cover.pdf": cover}, password="right", cover="cover.pdf")
    assert is_pdf(sealed)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(sealed))
    pdf, files = files_open(sealed, password="right")
    assert files == FILES
    assert pdf is not None
    assert is_pdf(pdf)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) == 1
