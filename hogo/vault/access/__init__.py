"""Purpose-bound access: the only package that opens sealed personal values (and notes).

A caller states who it is and for what purpose. A subject's values are returned only from
acquisitions that allow that purpose, only while that purpose's retention runs, only when use
for it is not suspended, only in the categories the purpose allows (under the policy version of
the acquisition and the active one), and special-care values only with a live consent. Every
other subject is refused with a reason. Each call records one audit event.

A subject's notes (notes.py) open under the same conditions for the purpose stated; a detached
owner's notes (a desk case) open only for the internal purpose `request-handling`.

Split by noun: `eligibility` decides who and what may be opened and opens nothing; `subjects`
(purpose-bound reads and exports), `exceptional` (a read beyond the purposes under a
statutory exception, Art. 18(3)), `disclosure` (the person's own data), `notes` and `masks`
open values, and are the only modules of hogo that do (a test proves it).
"""

from hogo.vault.access.disclosure import (
    DISCLOSURE_PURPOSE,
    subject_disclose,
    subject_identifiers_open,
)
from hogo.vault.access.exceptional import ExceptionalAccess, subjects_access_excepted
from hogo.vault.access.masks import mask, subject_masks
from hogo.vault.access.notes import notes_open
from hogo.vault.access.subjects import MAX_SUBJECTS, subjects_access, subjects_export

__all__ = [
    "DISCLOSURE_PURPOSE",
    "MAX_SUBJECTS",
    "ExceptionalAccess",
    "mask",
    "notes_open",
    "subject_disclose",
    "subject_identifiers_open",
    "subject_masks",
    "subjects_access",
    "subjects_access_excepted",
    "subjects_export",
]
