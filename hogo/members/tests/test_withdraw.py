"""Withdrawal erases the person (crypto-shredding) after a confirmation page; on any erasure or
disposal, whoever triggers it, the member account is closed in the same transaction: number
and password hash removed, activation and reset links dead, login refused."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.collect.members import member_reset_token
from hogo.collect.models import Member, MemberStatus
from hogo.policy.schema import Policy
from hogo.tests.members import HANAKO, PASSWORD, Registered, register
from hogo.vault.erasure import items_erase, retention_dispose, subject_erase
from hogo.vault.models import Subject, SubjectStatus


def assert_closed(registered: Registered) -> None:
    member = Member.objects.get(pk=registered.member.pk)
    assert member.status == MemberStatus.CLOSED
    assert (member.member_number, member.password, member.activation_digest) == (None, "", "")
    assert member.closed_at is not None
    number = str(registered.member.member_number)
    for identifier in (number, HANAKO["email"]):
        login = Client().post(
            "/en/members/login/", {"identifier": identifier, "password": PASSWORD}
        )
        assert login.status_code == 200  # the form again: refused
    assert registered.client.get("/en/members/").status_code == 302  # session ended


def test_it_says_what_will_happen_before_anything_is_erased(hanako: Registered) -> None:
    page = hanako.client.get("/ja/members/withdraw/").content.decode()
    assert "すべて消去します" in page
    assert "元に戻すことはできません" in page
    unconfirmed = hanako.client.post("/en/members/withdraw/", {})
    assert unconfirmed.status_code == 400
    assert "To withdraw, tick the confirmation box." in unconfirmed.content.decode()
    assert Subject.objects.get(ref=hanako.member.subject.ref).status == SubjectStatus.ACTIVE
    assert Member.objects.get(pk=hanako.member.pk).status == MemberStatus.ACTIVE


def test_it_erases_the_person_and_closes_the_member_on_withdrawal(hanako: Registered) -> None:
    reset_path = f"/en/members/password/{member_reset_token(hanako.member)}/"
    assert Client().get(reset_path).status_code == 200
    response = hanako.client.post("/ja/members/withdraw/", {"confirm": "on"})
    assert response.status_code == 200
    assert "退会の手続きが完了しました" in response.content.decode()
    subject = Subject.objects.get(ref=hanako.member.subject.ref)
    assert subject.status == SubjectStatus.ERASED
    erased = AuditEvent.objects.get(action="vault.erase")
    assert erased.detail["key_destroyed"] is True
    assert erased.detail["request_ref"] == hanako.member.ref
    assert_closed(hanako)
    assert Client().get(reset_path).status_code == 404  # the old reset link is dead
    assert Client().get(hanako.activation_path).status_code == 404


def test_it_closes_the_member_on_an_api_erasure(
    hanako: Registered, officer: User, api_as: Callable[[User], Client]
) -> None:
    response = api_as(officer).delete(f"/api/v1/subjects/{hanako.member.subject.ref}")
    assert response.status_code == 204
    assert_closed(hanako)


@pytest.mark.parametrize("path", ["desk", "items", "retention"])
def test_it_closes_the_member_on_every_other_erasure_path(hanako: Registered, path: str) -> None:
    ref = hanako.member.subject.ref
    if path == "desk":  # a deletion request, as the desk's fulfilment applies it
        subject_erase(actor="user:1", subject_id=ref, request_ref="req_test")
    elif path == "items":  # a deletion of some items that leaves nothing
        categories = ["name", "email", "organization", "country"]
        items_erase(actor="user:1", subject_id=ref, categories=categories)
    else:
        retention_dispose(now=timezone.now() + timedelta(days=100 * 365))
    assert Subject.objects.get(ref=ref).status != SubjectStatus.ACTIVE
    assert_closed(hanako)


def test_it_kills_a_pending_members_activation_link_on_erasure(policy: Policy) -> None:
    pending = register(HANAKO, login=False)
    member = Member.objects.get(pk=pending.member.pk)
    member.status, member.password = MemberStatus.PENDING, ""
    member.activation_digest = "0" * 64  # any live link
    member.save()
    subject_erase(actor="user:1", subject_id=member.subject.ref)
    assert Member.objects.get(pk=member.pk).activation_digest == ""
    assert Member.objects.get(pk=member.pk).status == MemberStatus.CLOSED


def test_it_refuses_a_withdrawal_from_an_outsider(hanako: Registered) -> None:
    response = Client().post("/en/members/withdraw/", {"confirm": "on"})
    assert response.status_code == 302
    assert Subject.objects.get(ref=hanako.member.subject.ref).status == SubjectStatus.ACTIVE


def test_it_closes_accounts_of_people_erased_before_in_a_data_migration(hanako: Registered) -> None:
    from importlib import import_module

    from django.apps import apps

    # Before 0008 an erasure left the account as it was: simulate such a row.
    Subject.objects.filter(pk=hanako.member.subject.pk).update(status=SubjectStatus.ERASED)
    migration = import_module("hogo.collect.migrations.0009_member_close_fill")
    migration.close_orphaned(apps, None)
    assert_closed(hanako)
