"""What the desk sees of the person's data while handling a case, through the vault's
disclosure path for that case (audited with the staff member's id): a proposed correction
as a diff against the values held, and the printable disclosure for postal delivery."""

from dataclasses import dataclass

from django.utils.translation import get_language

from hogo.audit.services import audit_record
from hogo.desk.content import case_details
from hogo.desk.kinds import CorrectionDetails
from hogo.desk.models import Case, CaseKind
from hogo.desk.package import package_open
from hogo.desk.selectors import case_package
from hogo.errors import Conflict
from hogo.policy.selectors import policy_active
from hogo.vault.access import subject_disclose


@dataclass(frozen=True)
class ReviewRow:
    category: str
    title: str
    held: list[str]
    action: str  # set, delete, delete_all
    proposed: str


def case_review(*, case: Case, actor: str) -> list[ReviewRow]:
    if case.kind != CaseKind.CORRECTION:
        raise Conflict(f"case {case.ref} is not a correction request")
    details = case_details(case, actor=actor, via="console")
    assert isinstance(details, CorrectionDetails)
    if not case.subject_ref:
        return []
    disclosure = subject_disclose(actor=actor, subject_id=case.subject_ref, request_ref=case.ref)
    held: dict[str, list[str]] = {}
    for item in disclosure.items:
        held.setdefault(item.category, []).append(item.value)
    categories = policy_active().categories

    def title(category: str) -> str:
        lang = "en" if (get_language() or "ja").startswith("en") else "ja"
        return categories[category].title.get(lang) if category in categories else category

    if details.delete_all:
        return [ReviewRow(c, title(c), values, "delete_all", "") for c, values in held.items()]
    return [
        ReviewRow(c.category, title(c.category), held.get(c.category, []), c.action, c.value)
        for c in details.changes
    ]


def printable_pdf(*, case: Case, actor: str) -> tuple[str, bytes]:
    package = case_package(case=case)
    if package is None:
        raise Conflict(f"case {case.ref} has no disclosure package (yet)")
    files = package_open(package)
    name = next(n for n in files if n.endswith(".pdf"))
    pdf = files[name]
    audit_record(
        actor=actor,
        action="desk.package.print",
        subjects=[case.subject_ref] if case.subject_ref else [],
        detail={"case": case.ref, "package": package.ref},
    )
    return f"{case.ref}-{name}", pdf
