"""The published notice says what the website does (policy 6.4 (c), (d), (e))."""

from django.test import Client

from hogo.policy.schema import Policy


def test_the_notice_says_what_google_analytics_receives(active_policy: Policy) -> None:
    page = Client().get("/en/privacy/", secure=True).content.decode()
    assert "Only if you consent to analytics cookies" in page
    assert "the pages you view and when" in page
    assert "Google signals and ad personalization are turned off" in page


def test_the_notice_explains_how_ip_addresses_are_kept(active_policy: Policy) -> None:
    english = Client().get("/en/privacy/", secure=True).content.decode()
    assert "keep only a shortened IP address (the first 24 bits for IPv4" in english
    assert "A full IP address is recorded only when needed to investigate a security" in english
    japanese = Client().get("/ja/privacy/", secure=True).content.decode()
    assert "IPアドレスの末尾を切り捨てたもの" in japanese


def test_the_notice_says_linked_sites_follow_their_own_policies(active_policy: Policy) -> None:
    page = Client().get("/en/privacy/", secure=True).content.decode()
    assert "Those sites handle information under their own privacy policies" in page
