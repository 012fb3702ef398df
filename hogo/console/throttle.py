"""The lockout rule for staff logins (and members' logins, through `hogo.members`), counted
by the one throttle (`hogo.throttle`)."""

from datetime import timedelta

from hogo.throttle.services import Rule

# A person mistyping gets 5 tries; a password sprayer behind one network gets 20 per window.
USERNAME_LIMIT = 5
NETWORK_LIMIT = 20
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)

USERNAME = Rule("login_username", USERNAME_LIMIT, WINDOW, lock=LOCK)
NETWORK = Rule("login_network", NETWORK_LIMIT, WINDOW, lock=LOCK)

# Wrong second-factor codes, per user: a code has a million values, so a few tries only.
SECOND_FACTOR = Rule("second_factor", 5, WINDOW, lock=LOCK)
