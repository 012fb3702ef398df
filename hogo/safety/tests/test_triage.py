"""The officer's triage re-classifies with the facts as now known; the override of the
classification needs a reason; both are audited and on the timeline."""

from datetime import datetime

import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.models import IncidentStatus, ReportStage, StepKind
from hogo.safety.services import (
    Narrative,
    incident_close,
    incident_file,
    incident_override,
    incident_triage,
)
from hogo.tests.safety import OFFICER, facts, reported

pytestmark = pytest.mark.django_db
AWARE = datetime(2026, 1, 31, 23, 30, tzinfo=JST)


def test_triage_reclassifies_and_moves_the_final_clock(active_policy: Policy) -> None:
    incident = reported(AWARE, unjust_purpose=None)
    assert incident.final_due.astimezone(JST).date().isoformat() == "2026-03-31"
    triaged = incident_triage(
        actor=OFFICER,
        ref=incident.ref,
        facts=facts(unjust_purpose=False, people_estimate=2400),
        narrative=Narrative(cause="A misaddressed mail.", prevention="Two-person check."),
    )
    assert triaged.status == IncidentStatus.TRIAGED
    assert triaged.triggers() == ["over_1000"]
    assert triaged.final_due.astimezone(JST).date().isoformat() == "2026-03-01"
    assert triaged.cause == "A misaddressed mail."
    step = triaged.steps.filter(kind=StepKind.CLASSIFIED).last()
    assert step is not None
    assert step.detail["triggers"] == ["over_1000"]
    event = AuditEvent.objects.get(action="safety.incident.triage")
    assert event.detail["triggers"] == ["over_1000"]
    assert "misaddressed" not in str(event.detail)


def test_the_officer_overrides_with_a_reason_and_it_is_audited(active_policy: Policy) -> None:
    incident = reported(AWARE, people_estimate=None)
    assert incident.reportable
    with pytest.raises(InvalidInput, match="an override needs the officer's reason"):
        incident_override(actor=OFFICER, ref=incident.ref, reportable=False, reason=" ")
    decided = incident_override(
        actor=OFFICER,
        ref=incident.ref,
        reportable=False,
        reason="The file was encrypted with a strong key that was not lost.",
    )
    assert decided.reportable is False
    assert decided.reportable_classified is True  # the classification itself stays on record
    event = AuditEvent.objects.get(action="safety.incident.override")
    assert event.detail == {"incident": incident.ref, "reportable": False, "override": True}
    withdrawn = incident_override(actor=OFFICER, ref=incident.ref, reportable=None, reason="")
    assert withdrawn.reportable is True
    assert withdrawn.override_reason == ""
    kinds = list(withdrawn.steps.values_list("kind", flat=True))
    assert kinds == ["reported", "classified", "overridden", "overridden"]


def test_filing_stops_a_clock_and_a_reportable_incident_closes_after_the_final_report(
    active_policy: Policy,
) -> None:
    incident = reported(AWARE, special_care=True)
    with pytest.raises(Conflict, match="file the preliminary report first"):
        incident_file(actor=OFFICER, ref=incident.ref, stage=ReportStage.FINAL)
    with pytest.raises(Conflict, match="record the final report first"):
        incident_close(actor=OFFICER, ref=incident.ref)
    incident_file(actor=OFFICER, ref=incident.ref, stage=ReportStage.PRELIMINARY)
    with pytest.raises(Conflict, match="already recorded as filed"):
        incident_file(actor=OFFICER, ref=incident.ref, stage=ReportStage.PRELIMINARY)
    incident_file(actor=OFFICER, ref=incident.ref, stage=ReportStage.FINAL)
    closed = incident_close(actor=OFFICER, ref=incident.ref)
    assert closed.status == IncidentStatus.CLOSED
    with pytest.raises(Conflict, match="is closed"):
        incident_override(actor=OFFICER, ref=incident.ref, reportable=False, reason="late")
    actions = list(
        AuditEvent.objects.filter(action__startswith="safety.").values_list("action", flat=True)
    )
    assert actions == [
        "safety.incident.report",
        "safety.incident.file",
        "safety.incident.file",
        "safety.incident.close",
    ]
