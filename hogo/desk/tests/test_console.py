"""The desk queue in the staff console: who may see it, who may act, what it shows."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.desk.models import Case, CaseStatus
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, person, verified
from hogo.tests.mail import Inbox, committed

pytestmark = pytest.mark.django_db


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_lists_open_requests_by_deadline_and_flags_overdue_ones(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    late = verified(inbox, "purpose_notification")
    soon = verified(inbox, "complaint", "b@example.jp", {"topic": "question", "text": "?"})
    Case.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
    page = login(desk_operator).get("/console/desk/").content.decode()
    assert page.index(late.ref) < page.index(soon.ref)
    assert "overdue" in page
    assert HANAKO not in page  # the queue shows no address


def test_it_lets_the_desk_assign_note_and_approve(
    policy: Policy, inbox: Inbox, desk_operator: User, officer: User
) -> None:
    person()
    case = verified(inbox, "purpose_notification")
    client = login(desk_operator)
    client.post(f"/console/desk/{case.ref}/assign/", {"assignee": officer.pk})
    client.post(f"/console/desk/{case.ref}/note/", {"text": "Called the person back."})
    with committed():
        client.post(f"/console/desk/{case.ref}/approve/", {"confirmed": "yes"})
    case.refresh_from_db()
    assert case.assignee == officer
    assert case.status == CaseStatus.COMPLETED
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"desk.case.assign", "desk.case.note", "desk.case.approve", "desk.case.close"} <= actions
    mine = login(officer).get("/console/desk/?show=closed&mine=1").content.decode()
    assert case.ref in mine


def test_it_shows_a_refusal_form_with_the_article_36_reasons(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    case = verified(inbox, "disclosure")
    client = login(desk_operator)
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert (
        "第33条第2項第2号：業務の適正な実施に著しい支障を及ぼすおそれ" in page
    )  # the console's default
    english = client.get(f"/console/desk/{case.ref}/", headers={"accept-language": "en"})
    assert "Art. 33(2)(ii): serious hindrance to the proper conduct of business" in (
        english.content.decode()
    )
    client.post(
        f"/console/desk/{case.ref}/refuse/",
        {"reason": "identity", "explanation": "", "confirmed": "yes"},
    )
    case.refresh_from_db()
    assert case.refusal_reason == "identity"
    bad = client.post(f"/console/desk/{case.ref}/refuse/", {"reason": "whim"}, follow=True)
    assert "一覧から理由を選んでください。" in bad.content.decode()


def test_it_lets_auditors_look_but_not_act(policy: Policy, inbox: Inbox, auditor: User) -> None:
    case = verified(inbox, "purpose_notification")
    client = login(auditor)
    assert client.get("/console/desk/").status_code == 200
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert 'id="approve"' not in page
    assert client.post(f"/console/desk/{case.ref}/approve/").status_code == 403
    assert client.get(f"/console/desk/{case.ref}/review/").status_code == 403


@pytest.mark.parametrize("persona", ["outsider", "marketing_user"])
def test_it_keeps_other_staff_out(
    policy: Policy, persona: str, request: pytest.FixtureRequest
) -> None:
    client = login(request.getfixturevalue(persona))
    assert client.get("/console/desk/").status_code == 403
    assert client.get("/console/desk/new/").status_code == 403


def test_it_sends_anonymous_visitors_to_the_login(policy: Policy) -> None:
    response = Client().get("/console/desk/")
    assert response.status_code == 302
    assert "/console/admin/login/" in response["Location"]


def test_it_answers_404_for_an_unknown_request(policy: Policy, desk_operator: User) -> None:
    assert login(desk_operator).get("/console/desk/req_aaaaaaaaaaaaaaaa/").status_code == 404


def test_it_records_a_request_received_by_post(policy: Policy, desk_operator: User) -> None:
    client = login(desk_operator)
    response = client.post(
        "/console/desk/new/",
        {
            "kind": "suspension",
            "email": "",
            "language": "ja",
            "received_on": "2026-11-20 10:00",
            "document": "passport",
            "copy_destroyed": "on",
            "details": '{"all_purposes": true, "understood": true}',
        },
    )
    case = Case.objects.get()
    assert response["Location"] == f"/console/desk/{case.ref}/"
    assert case.status == CaseStatus.OPEN
    bad = client.post("/console/desk/new/", {"kind": "suspension", "details": "{"})
    assert bad.status_code == 200
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", ["運転免許証", "ご本人が委任した代理人", "委任状", "電磁的記録（メールへの添付）"]),
        ("en", ["Driver's license", "Agent appointed by the person", "Power of attorney"]),
    ],
)
def test_the_record_form_names_documents_and_delivery_in_words(
    policy: Policy, desk_operator: User, lang: str, words: list[str]
) -> None:
    """The options are what the desk holds in its hands, not the codes stored for them."""
    page = login(desk_operator).get("/console/desk/new/", HTTP_ACCEPT_LANGUAGE=lang)
    html = page.content.decode()
    for word in words:
        assert word in html.replace("&#x27;", "'")
    for code in ("drivers_license", "appointed_agent", "power_of_attorney", "email_attachment"):
        assert f">{code}<" not in html


def test_it_explains_on_the_case_that_there_is_nothing_to_print_yet(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    case = verified(inbox, "disclosure")
    response = login(desk_operator).get(f"/console/desk/{case.ref}/print/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"/console/desk/{case.ref}/", 302)]
    assert f"Case {case.ref} has no disclosure package (yet)" in response.content.decode()
