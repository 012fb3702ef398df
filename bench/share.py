"""Provision speed on the embedded default (SQLite, file database, WAL).

Stores N people (default 10,000) with an event registration, records each one's consent to a
recipient, then provides three items of all of them through the gate on the consent basis:
per-subject checks, purpose-bound decryption in the vault, the record with one line per
person, the AES-256 package and the audit events, in one transaction. Then the same for an
outsourcing contractor (no consent lookups). Baseline from the same run: the vault's own
purpose-bound access to the same people and items. Target: under 10 s for 10,000.
Usage: `.venv/bin/python bench/share.py [N]`. No assertions.
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta


def timed(label: str, n: int, run: Callable[[], object], baseline: float | None = None) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    ratio = f"  ({seconds / baseline:.2f}x the baseline)" if baseline else ""
    print(f"{label:<52} {n / seconds:>9,.0f} subjects/s  {seconds:6.2f} s{ratio}")
    return seconds


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data_dir = tempfile.mkdtemp(prefix="hogo-bench-share-")
    os.environ["HOGO_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    from hogo.consent.models import Consent, ConsentKind
    from hogo.policy.selectors import policy_active
    from hogo.policy.services import policy_file_read, policy_load
    from hogo.share.gate import provision_make
    from hogo.share.models import ProvisionLine
    from hogo.share.records import AgreementIn, RecipientIn
    from hogo.share.services import (
        CriterionResult,
        agreement_record,
        contractor_assess,
        recipient_register,
    )
    from hogo.vault.access import subjects_access
    from hogo.vault.models import Subject
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    actor = "system:bench"
    purpose = "campaign-invitations-surveys"
    items = ["name", "email", "organization"]
    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    loaded = policy_load(text=policy_file_read(path=settings.POLICY_FILE), note="bench")
    print(f"SQLite file database in {data_dir}, {n:,} subjects, items {', '.join(items)}")

    start = time.perf_counter()
    refs: list[str] = []
    for batch in range(0, n, 10_000):
        results = subjects_ingest(
            actor=actor,
            channel="event-registration",
            purposes=[purpose],
            records=[
                SubjectIn(
                    identifiers={"email": f"person{i}@example.jp", "name": f"参加者 {i}"},
                    items=[ItemIn("organization", None, f"Company {i % 500}")],
                )
                for i in range(batch, min(n, batch + 10_000))
            ],
        )
        refs += [r.subject_id for r in results]
    events = recipient_register(
        actor=actor,
        recipient=RecipientIn(
            kind="third_party_with_consent",
            name="Kansai Events KK",
            address="1-1 Umeda, Kita-ku, Osaka",
            representative="Representative Director",
        ),
    )
    # Consent records written in bulk for the set-up only; the consent app records one by one.
    now = timezone.now()
    Consent.objects.bulk_create(
        [
            Consent(
                subject_id=pk,
                kind=ConsentKind.RECIPIENT,
                target=events.ref,
                given_at=now,
                given_by=actor,
                policy_version=loaded.version.number,
            )
            for pk in Subject.objects.values_list("pk", flat=True)
        ],
        batch_size=2000,
    )
    mailer = recipient_register(
        actor=actor,
        recipient=RecipientIn(
            kind="outsourcing_contractor",
            name="Nagoya Mailing Service KK",
            address="3-15-58 Ozone, Nagoya",
            representative="President",
        ),
    )
    today = timezone.localdate()
    criteria = policy_active().outsourcing.selection_criteria
    contractor_assess(
        actor=actor,
        recipient_id=mailer.ref,
        assessed_on=today,
        results=[CriterionResult(met=True) for _ in criteria],
    )
    agreement_record(
        actor=actor,
        recipient_id=mailer.ref,
        agreement=AgreementIn(
            signed_on=today,
            starts_on=today,
            purposes=[purpose],
            categories=items,
            security_clauses="Confidentiality; access control; deletion at the end.",
            subcontracting="forbidden",
            review_due=today + timedelta(days=365),
        ),
    )
    print(f"set-up (ingest, consents, register): {time.perf_counter() - start:.1f} s")

    def vault_access() -> None:
        subjects_access(
            actor=actor, purpose=purpose, subject_ids=refs, categories=items, via="bench"
        )

    def provide(recipient_id: str) -> Callable[[], None]:
        def run() -> None:
            result = provision_make(
                actor=actor,
                recipient_id=recipient_id,
                purpose=purpose,
                subject_ids=refs,
                categories=items,
            )
            assert result.package is not None
            print(
                f"  provided {len(result.provided):,}, refused {len(result.refused):,}, "
                f"package {len(result.package.content) / 1_000_000:.1f} MB"
            )

        return run

    base = timed("baseline: vault purpose-bound access, same items", n, vault_access)
    timed("provision_make, consent basis (with records)", n, provide(events.ref), base)
    timed("provision_make, outsourcing basis (with records)", n, provide(mailer.ref), base)
    print(f"provision lines on record: {ProvisionLine.objects.count():,}")


if __name__ == "__main__":
    main()
