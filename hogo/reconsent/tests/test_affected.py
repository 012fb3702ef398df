"""Which people a consent-needing policy change concerns: those whose earlier acquisitions
would have the new purpose or the wider categories under the new version, and nobody else."""

from collections.abc import Callable

from hogo.policy.diff import ChangeKind
from hogo.policy.schema import Policy
from hogo.reconsent.selectors import campaign_counts, campaign_subjects, campaigns
from hogo.tests.reconsent import ADDED, HANAKO, JOHN, MEMBER_SITE, WIDENED, contract, event_guest
from hogo.vault.erasure import subject_erase


def refs(campaign_purpose: str) -> set[str]:
    [campaign] = [c for c in campaigns() if c.purpose == campaign_purpose]
    return set(campaign_subjects(campaign).values_list("ref", flat=True))


def test_it_finds_no_campaign_while_only_the_first_version_is_loaded(version_1: Policy) -> None:
    contract(HANAKO)
    assert campaigns() == []


def test_it_lists_the_added_purpose_and_the_widened_categories_of_a_new_version(
    version_1: Policy, load_version_2: Callable[[], Policy]
) -> None:
    load_version_2()
    found = {(c.version, c.purpose): c for c in campaigns()}
    assert set(found) == {(2, ADDED), (2, MEMBER_SITE)}
    assert found[2, ADDED].kinds == (ChangeKind.PURPOSE_ADDED,)
    assert found[2, MEMBER_SITE].categories == (WIDENED,)


def test_it_lists_people_acquired_earlier_through_a_channel_the_change_concerns(
    version_1: Policy, load_version_2: Callable[[], Policy]
) -> None:
    hanako, john = contract(HANAKO), contract(JOHN)
    guest = event_guest()
    load_version_2()
    assert refs(ADDED) == {hanako, john}
    assert refs(MEMBER_SITE) == {hanako, john}
    assert guest not in refs(ADDED) | refs(MEMBER_SITE)


def test_it_leaves_out_people_acquired_under_the_new_version(
    version_1: Policy, load_version_2: Callable[[], Policy]
) -> None:
    load_version_2()
    newcomer = contract(HANAKO, purposes=("contract-performance", MEMBER_SITE, ADDED))
    assert newcomer not in refs(ADDED)
    assert newcomer not in refs(MEMBER_SITE)


def test_it_widens_only_for_people_whose_purpose_holds_values_in_the_new_categories(
    version_1: Policy, load_version_2: Callable[[], Policy]
) -> None:
    only_contract = contract(HANAKO, purposes=("contract-performance",))
    load_version_2()
    assert only_contract not in refs(MEMBER_SITE)  # the member site never had their data
    assert only_contract in refs(ADDED)  # their channel now lists the added purpose


def test_it_leaves_out_erased_people_and_counts_the_rest(
    version_1: Policy, load_version_2: Callable[[], Policy]
) -> None:
    hanako, john = contract(HANAKO), contract(JOHN)
    subject_erase(actor="system:test", subject_id=john)
    load_version_2()
    assert refs(ADDED) == {hanako}
    [campaign] = [c for c in campaigns() if c.purpose == ADDED]
    counts = campaign_counts(campaign)
    assert (counts.waiting, counts.asked, counts.sent) == (1, 0, 0)
