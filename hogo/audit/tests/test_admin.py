from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent

CHANGELIST = "/console/admin/audit/auditevent/"


@pytest.fixture
def officer_client(officer: User, record_events: Callable[[int], list[AuditEvent]]) -> Client:
    record_events(2)
    client = Client()
    client.force_login(officer)
    return client


def test_the_officer_can_read_events_in_the_admin(officer_client: Client) -> None:
    response = officer_client.get(CHANGELIST)
    assert response.status_code == 200
    assert "vault.access" in response.text
    detail = officer_client.get(f"{CHANGELIST}1/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.text


def test_nobody_can_add_change_or_delete_in_the_admin(officer_client: Client) -> None:
    assert officer_client.get(f"{CHANGELIST}add/").status_code == 403
    assert officer_client.post(f"{CHANGELIST}1/change/", {"actor": "system"}).status_code == 403
    assert officer_client.get(f"{CHANGELIST}1/delete/").status_code == 403
    response = officer_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": ["1"], "post": "yes"}
    )
    assert response.status_code == 200  # the list again: the bulk delete action is not offered
    assert AuditEvent.objects.count() == 2


@pytest.mark.parametrize("persona", ["outsider", "desk_operator", "marketing_user"])
def test_other_staff_cannot_see_the_log_in_the_admin(
    persona: str, request: pytest.FixtureRequest
) -> None:
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(CHANGELIST).status_code == 403
