"""Key files outside the database (the audit key, the vault's KEK): read on every use with a
stat and a cache, refused when others may read them, written once with mode 0600.

A shared module, not part of an app: the audit app sits left of the vault, and both keep a key
this way (docs/architecture.md, "Keys and encryption").
"""

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path


class KeyFileOpen(Exception):
    """The key file is readable or writable by users other than its owner."""


class KeyFiles[T]:
    """Parsed key files by (path, inode, mtime, size): a use pays a stat, not a read and a
    parse. One instance per kind of key file."""

    def __init__(self, load: Callable[[str], T]) -> None:
        # `load` reads and parses the file at that path, raising its owner's error.
        self._load = load
        self._loaded: dict[tuple[str, int, int, int], T] = {}

    def read(self, name: str) -> T | None:
        """The parsed key file, or None while it does not exist; `KeyFileOpen` when other users
        may read or write it."""
        try:
            info = os.stat(name)
        except FileNotFoundError:
            return None
        if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KeyFileOpen(name)
        cache_key = (name, info.st_ino, info.st_mtime_ns, info.st_size)
        if (loaded := self._loaded.get(cache_key)) is not None:
            return loaded
        loaded = self._load(name)
        self._loaded[cache_key] = loaded
        return loaded


def keyfile_create(path: Path, content: str) -> None:
    """Writes `content` to a new key file (mode 0600) unless the file exists; safe when several
    processes race: link() never replaces a file, so the first writer wins and the others read
    its key."""
    if path.exists():
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
