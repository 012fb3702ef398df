"""Staff roles are Django groups; `console`'s data migration creates them with their permissions.

The definitions live in the shared module `hogo.roles` so that apps left of `console` can use
them; this module keeps `from hogo.console.roles import Role` working.
"""

from hogo.roles import Role, has_role, role_grant, role_revoke

__all__ = ["Role", "has_role", "role_grant", "role_revoke"]
