"""Share test support: people with consents, recipients, agreements, opened packages."""

import io
import json
from datetime import date, timedelta
from typing import Any

import pyzipper
from django.utils import timezone

from hogo.consent.models import Consent, ConsentKind
from hogo.consent.services import consent_give
from hogo.policy.selectors import policy_active
from hogo.share.models import Agreement, Recipient, RecipientKind
from hogo.share.records import AgreementIn, ExportPackage, RecipientIn
from hogo.share.services import (
    CriterionResult,
    agreement_record,
    contractor_assess,
    recipient_register,
)
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_ingest

ACTOR = "system:test"
CAMPAIGN = "campaign-invitations-surveys"
INQUIRY = "inquiry-response"
CONTRACT = "contract-performance"
MEMBER = "member-site-registration"


def person(
    email: str = "hanako.yamada@example.jp",
    *,
    channel: str = "event-registration",
    purposes: tuple[str, ...] = (CAMPAIGN,),
    name: str = "山田 花子",
    items: tuple[ItemIn, ...] = (ItemIn("organization", None, "Mitsuboshi Denki"),),
) -> str:
    """Stores a person's data in the vault; returns the subject id."""
    return subject_ingest(
        actor=ACTOR,
        channel=channel,
        purposes=list(purposes),
        identifiers={"email": email, "name": name},
        items=list(items),
    ).subject_id


def consent(subject_id: str, kind: ConsentKind, target: str) -> Consent:
    version = policy_active().version
    assert version is not None
    return consent_give(
        actor=ACTOR, subject_id=subject_id, kind=kind, target=target, policy_version=version
    )


def recipient(
    kind: str = RecipientKind.THIRD_PARTY,
    name: str = "Kansai Events KK",
    **changes: Any,
) -> Recipient:
    fields: dict[str, Any] = {
        "kind": kind,
        "name": name,
        "address": "1-1 Umeda, Kita-ku, Osaka",
        "representative": "Representative Director",
        **changes,
    }
    return recipient_register(actor=ACTOR, recipient=RecipientIn(**fields))


def agreement(
    contractor: Recipient,
    *,
    purposes: tuple[str, ...] = (CAMPAIGN,),
    categories: tuple[str, ...] = ("name", "email", "organization"),
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Agreement:
    today = timezone.localdate()
    starts = starts_on or today - timedelta(days=30)
    if contractor.kind == RecipientKind.CONTRACTOR and not contractor.assessments.exists():
        assessed(contractor)
    return agreement_record(
        actor=ACTOR,
        recipient_id=contractor.ref,
        agreement=AgreementIn(
            signed_on=starts - timedelta(days=1),
            starts_on=starts,
            ends_on=ends_on,
            purposes=list(purposes),
            categories=list(categories),
            security_clauses="Confidentiality; access control; return or deletion at the end.",
            subcontracting="prior_approval",
            review_due=today + timedelta(days=180),
        ),
    )


def assessed(contractor: Recipient, *, met: bool = True) -> None:
    """The contractor assessed against every selection criterion of the active policy (all
    met, or the first one not met)."""
    count = len(policy_active().outsourcing.selection_criteria)
    results = [CriterionResult(met=True, note="") for _ in range(count)]
    if not met:
        results[0] = CriterionResult(met=False, note="No access control on the file server.")
    contractor_assess(
        actor=ACTOR,
        recipient_id=contractor.ref,
        assessed_on=timezone.localdate() - timedelta(days=40),
        results=results,
    )


def unpack(package: ExportPackage) -> tuple[dict[str, Any], str]:
    """(manifest, data.csv text) of an export package, opened with its password."""
    with pyzipper.AESZipFile(io.BytesIO(package.content)) as archive:
        archive.setpassword(package.password.encode())
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read("data.csv").decode("utf-8-sig")
    return manifest, data
