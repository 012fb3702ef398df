"""GET /site/demo/: the embed snippet and a sample site with an analytics tag held back."""

from django.test import Client

from hogo.policy.schema import Policy


def test_the_demo_shows_the_snippet_and_a_held_back_analytics_tag(active_policy: Policy) -> None:
    response = Client().get("/site/demo/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ja">' in page
    assert '<script src="/site/consent.js" defer></script>' in page
    assert '&lt;script src="http://testserver/site/consent.js" defer&gt;' in page
    assert 'type="text/plain" data-category="analytics" data-src="/site/demo/analytics.js"' in page
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_demo_speaks_english_when_asked(active_policy: Policy) -> None:
    page = Client().get("/site/demo/", {"lang": "en"}).content.decode()
    assert '<html lang="en">' in page
    assert "Cookie consent: embedding and demo" in page


def test_the_stand_in_analytics_tag_is_served(db: None) -> None:
    response = Client().get("/site/demo/analytics.js")
    assert response.status_code == 200
    assert b"demoAnalyticsRuns" in response.content
