"""GET /site/consent.js and /site/config.json: what every embedding page downloads."""

import gzip
from pathlib import Path

from django.test import Client

from hogo.policy.schema import Policy
from hogo.tests.site import SITE

SCRIPT = Path(__file__).resolve().parents[1] / "assets" / "consent.js"


def test_the_script_is_small_enough_gzipped_with_its_css() -> None:
    """The CSS lives inside the script (a constructed stylesheet), so this is the whole cost."""
    assert len(gzip.compress(SCRIPT.read_bytes(), compresslevel=9)) < 15 * 1024


def test_it_serves_the_script_with_a_long_cache_and_an_etag(db: None) -> None:
    response = Client().get("/site/consent.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response.content == SCRIPT.read_bytes()
    assert "max-age=86400" in response["Cache-Control"]
    assert response["ETag"].startswith('"')
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "Set-Cookie" not in response


def test_an_unchanged_script_is_not_sent_again(db: None) -> None:
    etag = Client().get("/site/consent.js")["ETag"]
    again = Client().get("/site/consent.js", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_it_sends_the_script_gzipped_to_browsers_that_accept_it(db: None) -> None:
    response = Client().get("/site/consent.js", headers={"Accept-Encoding": "gzip, br"})
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == SCRIPT.read_bytes()
    assert "Accept-Encoding" in response["Vary"]
    plain = Client().get("/site/consent.js")
    assert plain["ETag"] != response["ETag"]


def test_the_config_carries_the_policys_cookie_categories_in_both_languages(
    active_policy: Policy, site_origins: list[str]
) -> None:
    response = Client().get("/site/config.json", headers={"Origin": SITE})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == SITE
    config = response.json()
    assert config["version"] == active_policy.cookies.version
    assert config["gpc"] is False
    assert [(c["id"], c["required"]) for c in config["categories"]] == [
        ("necessary", True),
        ("preferences", False),
        ("analytics", False),
    ]
    assert config["categories"][2]["title"] == {"ja": "解析Cookie", "en": "Analytics cookies"}
    assert config["analytics"]["provider"] == "Google Analytics"
    assert config["analytics"]["category"] == "analytics"
    assert config["notice"] == {
        "ja": "http://testserver/ja/privacy/#cookies",
        "en": "http://testserver/en/privacy/#cookies",
    }
    assert config["links"]["en"] == active_policy.website.links.en
    assert "max-age=300" in response["Cache-Control"]


def test_the_config_tells_the_script_about_the_gpc_header(
    active_policy: Policy, site_origins: list[str]
) -> None:
    response = Client().get("/site/config.json", headers={"Sec-GPC": "1"})
    assert response.json()["gpc"] is True
    assert "Sec-GPC" in response["Vary"]


def test_other_websites_cannot_read_the_config(
    active_policy: Policy, site_origins: list[str]
) -> None:
    response = Client().get("/site/config.json", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response


def test_an_unchanged_config_is_not_sent_again(
    active_policy: Policy, site_origins: list[str]
) -> None:
    etag = Client().get("/site/config.json")["ETag"]
    assert Client().get("/site/config.json", headers={"If-None-Match": etag}).status_code == 304


def test_the_config_says_when_no_policy_is_loaded(db: None) -> None:
    response = Client().get("/site/config.json")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "policy_not_loaded"
