"""Short-hands for the safety app's education tests: a course created at a chosen moment."""

from datetime import datetime

from hogo.roles import Role
from hogo.safety.models import Course
from hogo.safety.services import CourseFacts, course_create

OFFICER = "user:1"


def course(
    created_at: datetime, *, cadence: int = 12, roles: tuple[Role, ...] = (Role.DESK_OPERATOR,)
) -> Course:
    made = course_create(
        actor=OFFICER,
        facts=CourseFacts(
            title="個人情報の取扱い / Handling personal information",
            material="Read the handling rules and the notice.",
            material_url="",
            roles=[r.value for r in roles],
            cadence_months=cadence,
        ),
    )
    Course.objects.filter(pk=made.pk).update(created_at=created_at)
    made.refresh_from_db()
    return made
