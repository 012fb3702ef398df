"""Who works the desk's pages: handlers act on cases, viewers (handlers and auditors) may look.
A module of its own so that the console's index (admin.py) need not import the console pages."""

from hogo.roles import Role

HANDLERS = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)
VIEWERS = (*HANDLERS, Role.AUDITOR)
