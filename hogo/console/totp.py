"""The TOTP second factor (RFC 6238: 6 digits, 30-second steps, SHA-1, as every authenticator
app reads it), through pyotp; the enrolment QR code as inline SVG through segno, rendered on
the server (no script, nothing from outside: the strict Content-Security-Policy stays)."""

from datetime import datetime

import pyotp
import segno

ISSUER = "hogo"
# One step either side: a phone's clock a little off, or a code typed as it turns over.
DRIFT_STEPS = 1


def secret_new() -> str:
    return pyotp.random_base32()


def secret_grouped(secret: str) -> str:
    """The secret for typing by hand, in groups of four."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(secret: str, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code of `uri` as an inline `<svg>` element (presentation attributes only)."""
    return str(segno.make(uri, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff"))


def step_matching(secret: str, code: str, *, after: int, now: datetime) -> int | None:
    """The time step whose code `code` is, if it is within the drift and later than `after`
    (the step last used: a code works once), else None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    step = totp.timecode(now)
    for candidate in range(step - DRIFT_STEPS, step + DRIFT_STEPS + 1):
        if candidate > after and totp.generate_otp(candidate) == code:
            return candidate
    return None
