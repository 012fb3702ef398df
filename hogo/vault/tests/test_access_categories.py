"""Access narrowed to chosen data categories (a provision of some items) opens nothing else
and says which category each returned value belongs to."""

import pytest

from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access


def test_it_returns_only_the_chosen_categories_with_their_category(policy: Policy) -> None:
    stored = register()
    [view] = subjects_access(
        actor=ACTOR,
        purpose=CAMPAIGN,
        subject_ids=[stored.subject_id],
        categories=["email", "organization"],
    ).items
    assert view.identifiers == {"email": "hanako.yamada@example.jp"}
    assert view.data == {"organization": "Mitsuboshi Denki"}
    assert view.categories == {"email": "email", "organization": "organization"}


def test_it_refuses_categories_given_as_one_string(policy: Policy) -> None:
    stored = register()
    with pytest.raises(InvalidInput, match="categories"):
        subjects_access(
            actor=ACTOR, purpose=CAMPAIGN, subject_ids=[stored.subject_id], categories="email"
        )
