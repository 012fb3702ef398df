"""Personally referable information (APPI Art. 31): before cookie ids or IP addresses go to a
recipient that will combine them into personal data, we confirm the recipient has the persons'
consent and keep a record of the confirmation and of the provision period."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.errors import InvalidInput, Refused
from hogo.policy.schema import Policy
from hogo.share.models import RecordForm
from hogo.share.retention import records_dispose
from hogo.share.selectors import referable_confirmation_for
from hogo.share.services import (
    referable_confirm,
    referable_provide,
    start_of,
    years_after,
)
from hogo.tests.share import ACTOR, recipient


def test_it_confirms_records_the_period_and_keeps_it_three_years(policy: Policy) -> None:
    ads = recipient(name="Ad Platform KK")
    today = timezone.localdate()
    confirmation = referable_confirm(
        actor=ACTOR,
        recipient_id=ads.ref,
        items=["cookie_id", "browsing_history"],
        method="recipient_declaration",
        confirmed_on=today - timedelta(days=2),
        evidence_ref="Declaration of 2026-11-27",
    )
    assert referable_confirmation_for(recipient_id=ads.ref, items=["cookie_id"]) == confirmation
    assert referable_confirmation_for(recipient_id=ads.ref, items=["ip_address"]) is None
    referable_provide(actor=ACTOR, confirmation_id=confirmation.ref, on=today - timedelta(days=1))
    row = referable_provide(actor=ACTOR, confirmation_id=confirmation.ref, on=today)
    assert (row.first_provided_on, row.last_provided_on) == (today - timedelta(days=1), today)
    assert row.form == RecordForm.BULK
    # Three years from the end of the last day of provision.
    assert row.retain_until == years_after(start_of(today + timedelta(days=1)), 3)
    assert records_dispose(now=row.retain_until).confirmations == 1
    assert referable_confirmation_for(recipient_id=ads.ref, items=["cookie_id"]) is None


def test_it_refuses_a_recipient_abroad_unless_the_art28_information_was_given(
    policy: Policy,
) -> None:
    ads = recipient(name="Global Ads Inc.", country="US")
    with pytest.raises(Refused) as caught:
        referable_confirm(
            actor=ACTOR,
            recipient_id=ads.ref,
            items=["ip_address"],
            method="contract_clause",
            confirmed_on=timezone.localdate(),
        )
    assert caught.value.code == "foreign_information_unconfirmed"
    confirmation = referable_confirm(
        actor=ACTOR,
        recipient_id=ads.ref,
        items=["ip_address"],
        method="contract_clause",
        confirmed_on=timezone.localdate(),
        foreign_information_confirmed=True,
    )
    assert confirmation.foreign_information_confirmed


def test_it_refuses_unknown_items_and_future_confirmations(policy: Policy) -> None:
    ads = recipient(name="Ad Platform KK")
    with pytest.raises(InvalidInput, match="items"):
        referable_confirm(
            actor=ACTOR,
            recipient_id=ads.ref,
            items=["email"],
            method="recipient_declaration",
            confirmed_on=timezone.localdate(),
        )
    with pytest.raises(InvalidInput, match="confirmed_on"):
        referable_confirm(
            actor=ACTOR,
            recipient_id=ads.ref,
            items=["cookie_id"],
            method="recipient_declaration",
            confirmed_on=timezone.localdate() + timedelta(days=1),
        )
