"""What the detector builds at load, kept on disk so that a cold start reads it instead.

The folding tables (65,536 code points through ``unicodedata``) and the lexicon entries with
their misspelling variants (about 23,000) took most of a cold start. They depend only on the
lexicon files, the code that builds them and the Python version (its Unicode database), so they
are kept as marshal files in the package's ``__pycache__``, named by a hash of all of those: an
edit of any lexicon file or of that code builds them anew, as Python does with its ``.pyc``
files (which are marshal data in the same directory, trusted the same way). A missing,
unreadable or stale file is rebuilt; where it cannot be written (a read-only install) it is
built at every start, as before. ``PYTHONDONTWRITEBYTECODE`` does not turn it off: ``./dev``
unsets that too, for the same reason (start-up time).
"""

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

CACHE_DIR = Path(__file__).resolve().parent / "__pycache__"


def digest(inputs: tuple[str, ...]) -> str:
    """A hash of the Python version, its Unicode database and the package files (or every
    file of the package directories) named in ``inputs``."""
    h = hashlib.sha256(f"{sys.version}\0{unicodedata.unidata_version}".encode())
    package = resources.files("hogo.detect")
    for name in inputs:
        item = package / name
        files = sorted(item.iterdir(), key=lambda p: p.name) if item.is_dir() else [item]
        for f in files:
            if f.is_file():
                h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:24]


def cached(
    name: str, inputs: tuple[str, ...], build: Callable[[], Any], directory: Path | None = None
) -> Any:
    """``build()`` (plain data: str, int, tuple, list...), read from the cache when nothing in
    ``inputs`` changed since it was written."""
    directory = CACHE_DIR if directory is None else directory
    path = directory / f"detect-{name}-{digest(inputs)}.marshal"
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return marshal.loads(path.read_bytes())  # noqa: S302 - our own file, as a .pyc is
    data = build()
    _write(path, marshal.dumps(data))
    return data


def _write(path: Path, payload: bytes) -> None:
    """Atomically (another process may be reading), replacing older versions of the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        os.chmod(tmp, 0o644)  # readable like a .pyc
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.marshal"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
