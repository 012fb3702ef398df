"""The console queue's selectors: filters, sorting by deadline, a requester's cases by blind
indexes, and the cases of a period."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from hogo.desk.models import Case, CaseStatus
from hogo.desk.search import CaseFilter, cases_in_period, cases_search
from hogo.desk.selectors import cases_for_email
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, inquirer, verified
from hogo.tests.mail import Inbox

pytestmark = pytest.mark.django_db
OTHER = "b@example.jp"


@pytest.fixture
def three(policy: Policy, inbox: Inbox) -> list[Case]:
    """A notification due tomorrow, a complaint overdue, a disclosure waiting for its code."""
    soon = verified(inbox, "purpose_notification")
    late = verified(inbox, "complaint", OTHER, {"topic": "question", "text": "?"})
    Case.objects.filter(pk=soon.pk).update(due_at=timezone.now() + timedelta(days=1))
    Case.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
    waiting = Case.objects.create(
        kind="disclosure", intake="api", origin="https://x", policy_version=1
    )
    return [Case.objects.get(pk=c.pk) for c in (soon, late, waiting)]


def refs(rows: object) -> list[str]:
    return [c.ref for c in rows]  # type: ignore[attr-defined]


def test_it_shows_open_cases_soonest_deadline_first(three: list[Case]) -> None:
    soon, late, _ = three
    assert refs(cases_search(filters=CaseFilter())) == [late.ref, soon.ref]
    assert refs(cases_search(filters=CaseFilter(order="-due"))) == [soon.ref, late.ref]


def test_it_filters_by_kind_status_number_and_overdue(three: list[Case]) -> None:
    soon, late, waiting = three
    assert refs(cases_search(filters=CaseFilter(kind="complaint"))) == [late.ref]
    assert refs(cases_search(filters=CaseFilter(show="unverified"))) == [waiting.ref]
    assert refs(cases_search(filters=CaseFilter(show=CaseStatus.UNVERIFIED))) == [waiting.ref]
    assert len(cases_search(filters=CaseFilter(show="all"))) == 3
    assert refs(cases_search(filters=CaseFilter(ref=soon.ref[:10].upper()))) == [soon.ref]
    assert refs(cases_search(filters=CaseFilter(ref=soon.ref[4:12]))) == [soon.ref]
    assert refs(cases_search(filters=CaseFilter(overdue=True))) == [late.ref]


def test_it_ignores_unknown_filter_values_rather_than_failing(three: list[Case]) -> None:
    """Values come from links people may edit: an unknown one means no filter."""
    rows = cases_search(filters=CaseFilter(show="whatever", kind="nonsense", order="sideways"))
    assert len(rows) == 2


def test_it_lists_one_operators_own_queue(three: list[Case], desk_operator: User) -> None:
    soon, _, _ = three
    Case.objects.filter(pk=soon.pk).update(assignee=desk_operator)
    mine = cases_search(filters=CaseFilter(assignee_id=desk_operator.pk))
    assert refs(mine) == [soon.ref]


def test_it_counts_what_needs_attention(three: list[Case]) -> None:
    row = cases_search(filters=CaseFilter(kind="complaint"))[0]
    assert (getattr(row, "failed_steps"), getattr(row, "mail_failing")) == (0, 0)  # noqa: B009


def test_it_finds_a_requesters_cases_by_address_and_by_the_vaults_subject(
    policy: Policy, inbox: Inbox
) -> None:
    """The desk's own blind index of the address written from, and the vault's e-mail index
    for the subject (a request by post names only the subject)."""
    subject = inquirer()
    by_mail = verified(inbox, "purpose_notification")
    by_post = Case.objects.create(
        kind="disclosure", intake="post", origin="https://x", policy_version=1, subject_ref=subject
    )
    verified(inbox, "purpose_notification", OTHER)
    found = refs(cases_for_email(email=HANAKO.upper()))
    assert sorted(found) == sorted([by_mail.ref, by_post.ref])
    assert refs(cases_for_email(email="nobody@example.jp")) == []


def test_it_takes_the_cases_of_a_period_in_japan_time(three: list[Case]) -> None:
    today = timezone.localdate()
    assert len(cases_in_period(start=today, end=today)) == 3
    assert len(cases_in_period(start=today + timedelta(days=1), end=today + timedelta(days=2))) == 0


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (date(2026, 5, 2), date(2026, 5, 1), "end: must be on or after the start"),
        (date(2025, 1, 1), date(2026, 1, 31), "end: at most 366 days after the start"),
    ],
)
def test_it_refuses_a_backwards_or_too_long_period(
    policy: Policy, start: date, end: date, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        cases_in_period(start=start, end=end)
