import base64
import hashlib
import hmac
import itertools
import json
from collections.abc import Callable
from datetime import UTC

import pytest
from django.conf import settings

from hogo.audit.models import GENESIS_HASH, AuditEvent, Chain
from hogo.audit.selectors import audit_verify
from hogo.audit.services import audit_record


def test_it_links_every_event_to_the_one_before(
    record_events: Callable[[int], list[AuditEvent]],
) -> None:
    record_events(12)
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(1, 13))
    assert events[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in events}) == 12


def test_it_verifies_an_untouched_chain(record_events: Callable[[int], list[AuditEvent]]) -> None:
    events = record_events(30)
    result = audit_verify()
    assert result.ok
    assert result.line == f"ok: 30 events, head {events[-1].hash}"


@pytest.mark.django_db
def test_it_verifies_an_empty_log() -> None:
    assert audit_verify().line == f"ok: 0 events, head {'0' * 64}"


@pytest.mark.django_db
def test_it_hashes_the_documented_canonical_json() -> None:
    """HMAC-SHA256 over sorted-key, whitespace-free UTF-8 JSON, `at` in UTC with
    microseconds, keyed with HMAC-SHA256(audit key, "hogo.audit.chain"): anyone holding the
    audit key file can recompute it without hogo's code."""
    event = audit_record(
        actor="system",
        action="policy.version.publish",
        purpose="contract-performance",
        subjects=["sub_1"],
        detail={"version": 2, "note": "改訂"},
    )
    stored = AuditEvent.objects.get(seq=event.seq)
    at = stored.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    text = (
        f'{{"action":"policy.version.publish","actor":"system","at":"{at}",'
        f'"detail":{{"note":"改訂","version":2}},"prev_hash":"{"0" * 64}",'
        f'"purpose":"contract-performance","seq":1,"subjects":["sub_1"]}}'
    )
    assert json.loads(text)["at"].endswith("Z")
    key_file = json.loads(settings.AUDIT_KEY_FILE.read_text())
    chain_key = hmac.new(base64.b64decode(key_file["key"]), b"hogo.audit.chain", "sha256").digest()
    assert stored.chain == Chain.HMAC_SHA256
    assert stored.hash == hmac.new(chain_key, text.encode("utf-8"), "sha256").hexdigest()
    assert stored.hash != hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert stored.hash == event.hash
