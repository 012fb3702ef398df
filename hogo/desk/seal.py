"""Encrypted containers for a disclosure package: an AES-256 PDF with embedded files (the
default: any PDF reader opens it) and an AES-256 zip (7-Zip and the like)."""

import io
import secrets

import pyzipper


def pdf_encrypt(pdf: bytes, *, attachments: dict[str, bytes], password: str) -> bytes:
    """The PDF with `attachments` embedded as PDF attachments, encrypted with AES-256 (PDF 2.0
    security handler, R=6) under `password`, which the PDF viewers built into current Windows
    (Edge), macOS (Preview), iOS and Android open, as do Adobe Reader and Chrome. The owner
    password is random and thrown away: permissions are left open (print, copy), so nothing
    needs it."""
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


def pdf_open(data: bytes, *, password: str) -> tuple[bytes, dict[str, bytes]]:
    """The PDF decrypted (attachments left in) and its attachments by name."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data), password=password) as document:
        files = {name: spec.get_file().read_bytes() for name, spec in document.attachments.items()}
        out = io.BytesIO()
        document.save(out, encryption=False)
    return out.getvalue(), files


def zip_encrypt(files: dict[str, bytes], *, password: str) -> bytes:
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(
        buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode())
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_open(data: bytes, *, password: str) -> dict[str, bytes]:
    with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
        archive.setpassword(password.encode())
        return {name: archive.read(name) for name in archive.namelist()}


def _media_type(name: str) -> str:
    return {"json": "application/json", "csv": "text/csv"}.get(name.rpartition(".")[2], "")
