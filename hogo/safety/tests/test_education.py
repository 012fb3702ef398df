"""Education (policy 6.2): courses, completions and who is overdue, across cadences and month
ends in Japan's time."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import User

from hogo.audit.models import AuditEvent
from hogo.errors import InvalidInput
from hogo.roles import Role
from hogo.safety.clocks import JST, months_after
from hogo.safety.selectors import trainings_of, trainings_overdue
from hogo.safety.services import CourseFacts, completion_record, course_create, course_update
from hogo.tests.education import OFFICER, course

pytestmark = pytest.mark.django_db
CREATED = datetime(2025, 1, 10, 9, tzinfo=JST)


def took(c: object, user: User, day: date) -> None:
    completion_record(actor=OFFICER, course=c, user=user, completed_on=day, acknowledged=True)  # type: ignore[arg-type]


def overdue_at(now: datetime) -> list[tuple[str, date | None, date]]:
    return [(o.user.username, o.last_completed, o.due_on) for o in trainings_overdue(now=now)]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), 6, date(2025, 9, 30)),
        (date(2025, 5, 1), 24, date(2027, 5, 1)),
    ],
)
def test_months_after_keeps_the_day_or_the_month_end(
    day: date, months: int, expected: date
) -> None:
    assert months_after(day, months) == expected


def test_never_taken_is_overdue_from_the_course_creation(
    desk_operator: User, marketing_user: User
) -> None:
    course(CREATED)
    assert overdue_at(datetime(2025, 1, 10, 12, tzinfo=JST)) == [
        ("daniel", None, date(2025, 1, 10))
    ]  # marketing_user holds no role of the course: not listed


def test_yearly_course_is_overdue_the_day_after_a_year_in_japan(desk_operator: User) -> None:
    c = course(CREATED, cadence=12)
    took(c, desk_operator, date(2025, 2, 28))
    assert overdue_at(datetime(2026, 2, 28, 23, 59, tzinfo=JST)) == []  # the due day itself
    assert overdue_at(datetime(2026, 2, 28, 14, 59, tzinfo=UTC)) == []
    # 15:00 UTC on February 28 is already March 1 in Japan.
    assert overdue_at(datetime(2026, 2, 28, 15, 0, tzinfo=UTC)) == [
        ("daniel", date(2025, 2, 28), date(2026, 2, 28))
    ]


def test_monthly_course_from_a_month_end(desk_operator: User) -> None:
    c = course(CREATED, cadence=1)
    took(c, desk_operator, date(2025, 1, 31))
    assert overdue_at(datetime(2025, 2, 28, 20, tzinfo=JST)) == []
    assert overdue_at(datetime(2025, 3, 1, 0, 1, tzinfo=JST)) == [
        ("daniel", date(2025, 1, 31), date(2025, 2, 28))
    ]


def test_quarterly_course_uses_the_latest_completion(desk_operator: User) -> None:
    c = course(CREATED, cadence=3)
    took(c, desk_operator, date(2025, 4, 1))
    took(c, desk_operator, date(2025, 1, 20))  # recorded late: the latest day counts
    assert overdue_at(datetime(2025, 7, 1, 12, tzinfo=JST)) == []
    assert overdue_at(datetime(2025, 7, 2, 0, 0, tzinfo=JST)) == [
        ("daniel", date(2025, 4, 1), date(2025, 7, 1))
    ]


def test_a_completion_clears_it(desk_operator: User) -> None:
    c = course(CREATED)
    now = datetime(2025, 6, 1, tzinfo=JST)
    assert [u for u, _, _ in overdue_at(now)] == ["daniel"]
    took(c, desk_operator, date(2025, 5, 31))
    assert overdue_at(now) == []
    [(own, last, due)] = trainings_of(user=desk_operator, now=now)
    assert (own.pk, last, due) == (c.pk, date(2025, 5, 31), date(2026, 5, 31))


def test_inactive_courses_and_other_roles_are_not_listed(
    desk_operator: User, officer: User, outsider: User
) -> None:
    c = course(CREATED, roles=(Role.PRIVACY_OFFICER,))
    now = datetime(2025, 6, 1, tzinfo=JST)
    assert [u for u, _, _ in overdue_at(now)] == ["olivia"]
    course_update(
        actor=OFFICER,
        course=c,
        facts=CourseFacts(c.title, c.material, "", c.roles, 12, active=False),
    )
    assert overdue_at(now) == []
    assert trainings_of(user=desk_operator, now=now) == []


def test_each_write_is_audited_without_names(desk_operator: User) -> None:
    c = course(CREATED)
    took(c, desk_operator, date(2025, 2, 1))
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["safety.course.create", "safety.completion.record"]
    detail = AuditEvent.objects.get(action="safety.completion.record").detail
    assert detail["user"] == f"user:{desk_operator.pk}"
    assert "daniel" not in str(detail)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": " "}, "title"),
        ({"material": ""}, "material"),
        ({"roles": []}, "roles"),
        ({"roles": ["janitor"]}, "roles"),
        ({"cadence_months": 0}, "cadence"),
    ],
)
def test_a_course_needs_its_facts(change: dict[str, object], message: str) -> None:
    facts: dict[str, object] = {"title": "T", "material": "M", "material_url": ""}
    facts |= {"roles": ["auditor"], "cadence_months": 12} | change
    with pytest.raises(InvalidInput, match=message):
        course_create(actor=OFFICER, facts=CourseFacts(**facts))  # type: ignore[arg-type]


def test_a_completion_needs_the_acknowledgment_and_a_past_day(desk_operator: User) -> None:
    c = course(CREATED)
    with pytest.raises(InvalidInput, match="acknowledgment"):
        completion_record(
            actor=OFFICER,
            course=c,
            user=desk_operator,
            completed_on=date(2025, 2, 1),
            acknowledged=False,
        )
    with pytest.raises(InvalidInput, match="future"):
        took(c, desk_operator, date(2999, 1, 1))
