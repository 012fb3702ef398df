"""Proof that personal values are opened in one place only: the access package
(`hogo/vault/access/`), and not in its `eligibility` module, which decides without opening.

Scans hogo's source (tests excluded: they open ciphertext on purpose, to prove it no longer
opens) for anything that could decrypt: the AEAD primitives, `field_open`, `.decrypt(...)`.
"""

import ast
from pathlib import Path

import hogo

ROOT = Path(hogo.__file__).parent
CIPHER_MODULES = ("cryptography.hazmat.primitives.ciphers", "cryptography.fernet", "Crypto")
# Who may touch what: the AEAD primitives live in crypto.py (values) and kek.py (keys);
# field_open is defined in crypto.py and called by the access package alone.
# console/totp_key.py seals staff's TOTP secrets (no person's data) with a key of its own.
MAY_IMPORT_CIPHERS = {"vault/crypto.py", "vault/kek.py", "console/totp_key.py"}
MAY_OPEN_FIELDS = {
    "vault/crypto.py",
    *(
        f"vault/access/{name}.py"
        for name in ("subjects", "disclosure", "notes", "masks", "reindex")
    ),
}
MAY_CALL_DECRYPT = {"vault/crypto.py", "vault/kek.py", "console/totp_key.py"}


def violations(relative: str, source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        modules: list[str] = []
        names: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.Name):
            names = [node.id]
        line = getattr(node, "lineno", 0)
        if relative not in MAY_IMPORT_CIPHERS and any(
            m.startswith(CIPHER_MODULES) for m in modules
        ):
            found.append(f"{relative}:{line}: imports a cipher")
        if relative not in MAY_OPEN_FIELDS and "field_open" in names:
            found.append(f"{relative}:{line}: uses field_open")
        if (
            relative not in MAY_CALL_DECRYPT
            and isinstance(node, ast.Attribute)
            and node.attr == "decrypt"
        ):
            found.append(f"{relative}:{line}: calls .decrypt")
    return found


def production_sources() -> list[Path]:
    return [
        path for path in sorted(ROOT.rglob("*.py")) if "tests" not in path.relative_to(ROOT).parts
    ]


def test_it_finds_no_decryption_outside_the_access_package() -> None:
    sources = production_sources()
    assert {path.relative_to(ROOT).as_posix() for path in sources} >= MAY_OPEN_FIELDS
    found = [
        v
        for path in sources
        for v in violations(path.relative_to(ROOT).as_posix(), path.read_text())
    ]
    assert found == []


def test_it_would_notice_another_module_decrypting() -> None:
    """The scanner itself works: each way of decrypting is caught outside its allowed place."""
    assert violations("desk/services.py", "from hogo.vault.crypto import field_open\n") == [
        "desk/services.py:1: uses field_open"
    ]
    assert violations("share/export.py", "import hogo.vault.crypto as c\nc.field_open(k, b)\n")
    assert violations(
        "vault/services.py", "from cryptography.hazmat.primitives.ciphers.aead import AESGCM\n"
    ) == ["vault/services.py:1: imports a cipher"]
    assert violations("site/views.py", "key._aead.decrypt(n, c, a)\n") == [
        "site/views.py:1: calls .decrypt"
    ]
    opening = "from hogo.vault.crypto import field_open\n"
    assert violations("vault/access/subjects.py", opening) == []
    assert violations("vault/access/eligibility.py", opening) == [
        "vault/access/eligibility.py:1: uses field_open"
    ]
