"""The internal review (policy 1, 6.1): a checklist from the policy with the evidence gathered
at opening, findings with corrective actions, closed only when every action is done, and its
report as a PDF in Japanese; overdue corrective actions are reminded once per due day."""

import subprocess
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.oversight_models import ActionReminder, Review, ReviewStatus
from hogo.safety.oversight_tick import action_reminders_send
from hogo.safety.review import (
    CHECKLIST,
    action_complete,
    action_create,
    review_close,
    review_item_assess,
    review_open,
)
from hogo.safety.review_report import review_pdf
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.safety import OFFICER, reported

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path: object) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def position(key: str) -> int:
    return next(n for n, entry in enumerate(CHECKLIST, start=1) if entry.key == key)


def assess_all_but(review: Review, finding_key: str) -> None:
    for item in review.items.all():
        if item.key != finding_key:
            review_item_assess(
                actor=OFFICER, review_ref=review.ref, position=item.position, result="ok", note=""
            )


def test_a_review_from_checklist_to_closed_with_its_report(
    policy: Policy, desk_operator: User, tmp_path: object
) -> None:
    incident = reported(timezone.now() - timedelta(days=2))
    review = review_open(actor=OFFICER)
    keys = list(review.items.values_list("key", flat=True))
    assert "safety.technical" in keys
    assert "basic_policy" in keys
    technical = review.items.get(key="safety.technical")
    assert technical.text_ja == policy.safety.technical.ja
    assert review.evidence["audit"]["ok"] is True
    assert review.evidence["incidents_open"]["rows"][0]["ref"] == incident.ref
    with pytest.raises(Conflict, match="already open"):
        review_open(actor=OFFICER)

    technical_at = position("safety.technical")
    with pytest.raises(InvalidInput, match="describe the finding"):
        review_item_assess(
            actor=OFFICER, review_ref=review.ref, position=technical_at, result="finding", note=""
        )
    review_item_assess(
        actor=OFFICER,
        review_ref=review.ref,
        position=technical_at,
        result="finding",
        note="共有フォルダのアクセス権が退職者に残っていた",
    )
    assess_all_but(review, "safety.technical")
    with pytest.raises(Conflict, match="findings_without_action"):
        review_close(actor=OFFICER, review_ref=review.ref, conclusion="")
    action = action_create(
        actor=OFFICER,
        review_ref=review.ref,
        position=technical_at,
        description="退職者のアカウントを四半期ごとに棚卸しする",
        owner=desk_operator,
        due_on=timezone.localdate() + timedelta(days=30),
    )
    with pytest.raises(Conflict, match="actions_open"):
        review_close(actor=OFFICER, review_ref=review.ref, conclusion="")
    action_complete(actor=OFFICER, action_id=action.pk, note="棚卸しの手順を定め、実施した")
    closed = review_close(actor=OFFICER, review_ref=review.ref, conclusion="概ね適切に運用")
    assert closed.status == ReviewStatus.CLOSED
    actions = AuditEvent.objects.filter(action__startswith="safety.").values_list(
        "action", flat=True
    )
    assert {"safety.review.open", "safety.action.create", "safety.review.close"} <= set(actions)

    text = pdf_text(review_pdf(closed), tmp_path)
    for expected in (
        "安全管理措置の内部点検",
        review.ref,
        "技術的安全管理措置",
        "指摘事項",
        "共有フォルダのアクセス権が退職者に残っていた",
        "退職者のアカウントを四半期ごとに棚卸しする",
        "daniel",
        "監査ログ",
        incident.ref,
        "概ね適切に運用",
    ):
        assert expected in text, expected


def test_an_overdue_corrective_action_is_reminded_once_per_due_day(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    desk_operator.email = "daniel@staff.example.jp"
    desk_operator.save()
    review = review_open(actor=OFFICER)
    technical_at = position("safety.technical")
    review_item_assess(
        actor=OFFICER,
        review_ref=review.ref,
        position=technical_at,
        result="finding",
        note="No multi-factor log-in for the mail server.",
    )
    due = timezone.localdate() + timedelta(days=3)
    action_create(
        actor=OFFICER,
        review_ref=review.ref,
        position=technical_at,
        description="Turn on multi-factor log-in.",
        owner=desk_operator,
        due_on=due,
    )

    def tick(at: datetime) -> int:
        with committed():
            return action_reminders_send(now=at)

    on_due_day = datetime.combine(due, datetime.min.time(), tzinfo=JST) + timedelta(hours=23)
    assert tick(on_due_day) == 0
    assert tick(on_due_day + timedelta(hours=2)) == 1
    assert tick(on_due_day + timedelta(days=3)) == 0
    mail = inbox.last("daniel@staff.example.jp")
    assert review.ref in str(mail["Subject"])
    assert "是正措置" in body(mail)
    assert "Carry it out" in body(mail)
    assert "multi-factor" not in body(mail)
    assert ActionReminder.objects.get().due_on == due
    assert len(inbox.to("daniel@staff.example.jp")) == 1


def test_the_checklist_needs_a_policy_and_actions_need_a_finding(
    policy: Policy, desk_operator: User
) -> None:
    review = review_open(actor=OFFICER)
    with pytest.raises(Conflict, match="not a finding"):
        action_create(
            actor=OFFICER,
            review_ref=review.ref,
            position=1,
            description="x",
            owner=desk_operator,
            due_on=date.today() + timedelta(days=1),
        )
