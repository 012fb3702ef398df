"""The one writer of the encrypted packages hogo hands out: disclosures to people (the desk) and
provisions to recipients (share). It also decides, in one place, which container a package
gets:

- `pdf`: an AES-256 PDF (PDF 2.0 security handler, R=6) carrying the other files as PDF
  attachments; any PDF reader opens it. Only a package with a PDF of its own to carry the
  files can be one, and only while `HOGO_DISCLOSURE_FORMAT` is `pdf` (the default).
- `zip`: an AES-256 zip (WinZip AES; 7-Zip and the like open it).

A provision package (`manifest.json` and `data.csv`, read by the recipient's systems) has no
PDF to be read by a person, so it is always a zip, whatever the setting.
"""

import io
import secrets

from django.conf import settings

PDF = "pdf"
ZIP = "zip"


def container_choose(*, printable: bool) -> str:
    """`pdf` for a package with a PDF to carry its files while the setting asks for PDFs,
    else `zip`."""
    return PDF if printable and settings.DISCLOSURE_FORMAT == PDF else ZIP


def files_seal(files: dict[str, bytes], *, password: str, cover: str | None = None) -> bytes:
    """The files encrypted under `password`: as the PDF named `cover` (one of `files`) with the
    others attached, or, without a cover, as a zip of them all in their order."""
    if cover is None:
        return _zip_encrypt(files, password=password)
    others = {name: data for name, data in files.items() if name != cover}
    return _pdf_encrypt(files[cover], attachments=others, password=password)


def files_open(data: bytes, *, password: str) -> tuple[bytes | None, dict[str, bytes]]:
    """A sealed package's PDF (decrypted, attachments left in; None for a zip) and the files it
    carries by name (attached or zipped)."""
    if is_pdf(data):
        return _pdf_open(data, password=password)
    return None, _zip_open(data, password=password)


def is_pdf(data: bytes) -> bool:
    """Whether a sealed package is a PDF (packages keep the container they were built in)."""
    return bytes(data[:5]) == b"%PDF-"


def _pdf_encrypt(pdf: bytes, *, attachments: dict[str, bytes], password: str) -> bytes:
    """The viewers built into current Windows (Edge), macOS (Preview), iOS and Android open the
    PDF, as do Adobe Reader and Chrome. The owner password is random and thrown away:
    permissions are left open (print, copy), so nothing needs it."""
    import pikepdf  # only where a package is sealed or opened

    with pikepdf.open(io.BytesIO(pdf)) as document:
        for name, data in attachments.items():
            document.attachments[name] = pikepdf.AttachedFileSpec(
                document, data, filename=name, mime_type=_media_type(name)
            )
        out = io.BytesIO()
        encryption = pikepdf.Encryption(
            owner=secrets.token_urlsafe(32), user=password, aes=True, R=6
        )
        document.save(out, encryption=encryption)
    return out.getvalue()


def _pdf_open(data: bytes, *, password: str) -> tuple[bytes, dict[str, bytes]]:
    import pikepdf

    with pikepdf.open(io.BytesIO(data), password=password) as document:
        files = {name: spec.get_file().read_bytes() for name, spec in document.attachments.items()}
        out = io.BytesIO()
        document.save(out, encryption=False)
    return out.getvalue(), files


def _zip_encrypt(files: dict[str, bytes], *, password: str) -> bytes:
    import pyzipper  # with pycryptodome's cffi set-up, 0.5 s of every command's start

    buffer = io.BytesIO()
    with pyzipper.AESZipFile(
        buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode())
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_open(data: bytes, *, password: str) -> dict[str, bytes]:
    import pyzipper

    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        archive.setpassword(password.encode())
        return {name: archive.read(name) for name in archive.namelist()}


def _media_type(name: str) -> str:
    return {"json": "application/json", "csv": "text/csv"}.get(name.rpartition(".")[2], "")
