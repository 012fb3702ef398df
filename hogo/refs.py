"""Public ids for records (`sub_…`, `con_…`, `req_…`): 80 random bits in lower-case base32.

Unguessable and free of personal data, so they are safe in URLs, mail and the audit log. One
generator for every app (a shared module, like `hogo/network.py`, not an app)."""

import base64
import os


def ref_new(prefix: str) -> str:
    return f"{prefix}_" + base64.b32encode(os.urandom(10)).decode().lower()
