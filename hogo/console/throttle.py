"""The lockout rule for staff logins, in one place."""

import unicodedata
from datetime import timedelta

from django.utils.crypto import salted_hmac

# A person mistyping gets 5 tries; a password sprayer behind one network gets 20 per window.
USERNAME_LIMIT = 5
NETWORK_LIMIT = 20
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)


def username_key(username: str) -> str:
    # Folded so that "Olivia" and "olivia" share one counter: locking more, never less.
    folded = unicodedata.normalize("NFKC", username).casefold()
    return _key("username", folded)


def network_key(network: str) -> str:
    return _key("network", network)


def _key(scope: str, value: str) -> str:
    return salted_hmac(
        "hogo.console.LoginThrottle", f"{scope}:{value}", algorithm="sha256"
    ).hexdigest()
