"""`/api/v1/share`: the recipients register, provisions and their records.

The privacy officer registers recipients and provides; auditors read and export the records;
the desk reads one person's provision records for a disclosure. A provision's response carries
the package password once: hand it to the recipient separately from the package, which is
downloaded from `/provisions/{id}/package`.
"""

from hogo.share.api import provisions, register
from hogo.share.api.common import router

__all__ = ["provisions", "register", "router"]
