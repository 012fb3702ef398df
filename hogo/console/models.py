"""The console has no tables of its own: staff are Django's users and groups, and the login
lockout counts in the one throttle table (`hogo.throttle`)."""
