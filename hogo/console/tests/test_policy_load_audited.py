"""Loading a policy version writes one `policy.load` audit event in the same transaction;
an unchanged or invalid file writes neither a version nor an event."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify
from hogo.console.policy_versions import policy_version_load
from hogo.errors import InvalidInput
from hogo.policy.models import PolicyVersion
from hogo.policy.services import policy_sha256
from hogo.policy.tests.helpers import (
    REFERENCE,
    by_id,
    reference_data,
    reference_text,
    toml_dumps,
    without_retention,
)

pytestmark = pytest.mark.django_db


def load(path: Path) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("policy", "load", str(path), stdout=out, stderr=StringIO())
    except SystemExit as exc:
        return int(str(exc.code)), out.getvalue()
    return 0, out.getvalue()


def test_it_records_the_loaded_version_in_the_audit_chain() -> None:
    code, out = load(REFERENCE)
    assert code == 0
    assert out.startswith("policy version 1 loaded: 5 purposes, 6 channels, 24 categories")
    event = AuditEvent.objects.get(action="policy.load")
    assert event.actor == "system:cli"
    assert event.detail == {
        "version": 1,
        "sha256": policy_sha256(reference_text()),
        "changes": 0,
        "needs_consent": 0,
    }
    assert audit_verify().ok


def test_it_counts_the_changes_of_a_new_version(tmp_path: Path) -> None:
    load(REFERENCE)
    data = reference_data()
    by_id(data["purposes"], "inquiry-response")["categories"].append("postal_address")
    widened = tmp_path / "widened.toml"
    widened.write_text(toml_dumps(data), encoding="utf-8")
    assert load(widened)[0] == 0
    latest = AuditEvent.objects.filter(action="policy.load").order_by("-seq").first()
    assert latest is not None
    assert (latest.detail["version"], latest.detail["needs_consent"]) == (2, 1)


def test_it_records_nothing_for_an_unchanged_file() -> None:
    load(REFERENCE)
    assert load(REFERENCE) == (0, "unchanged: version 1\n")
    assert AuditEvent.objects.filter(action="policy.load").count() == 1


def test_it_records_nothing_for_an_invalid_file(tmp_path: Path) -> None:
    data = reference_data()
    without_retention(by_id(data["purposes"], "inquiry-response"))
    broken = tmp_path / "broken.toml"
    broken.write_text(toml_dumps(data), encoding="utf-8")
    assert load(broken)[0] == 2
    assert not AuditEvent.objects.exists()
    assert not PolicyVersion.objects.exists()


def test_a_refused_audit_event_stores_no_version() -> None:
    """Same transaction: when the event cannot be written, the version is not kept either."""
    # An actor the audit log refuses stands for any failure after the version was stored.
    with pytest.raises(InvalidInput, match="audit actor must be"):
        policy_version_load(actor="someone@example.jp", text=reference_text())
    assert not PolicyVersion.objects.exists()
