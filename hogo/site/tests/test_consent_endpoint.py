"""POST /site/consent: the proof of a visitor's cookie choice, and what it refuses."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hogo.errors import Refused
from hogo.site.models import CookieConsent
from hogo.site.selectors import cookie_consent_recent_count
from hogo.site.services import RATE_LIMIT
from hogo.tests.site import SITE, Post, choice


def test_it_records_a_choice_and_returns_a_new_consent_id(post_choice: Post) -> None:
    response = post_choice()
    assert response.status_code == 201
    body = response.json()
    assert len(body["consent_id"]) == 22
    assert body["accepted"] == ["analytics", "necessary", "preferences"]
    record = CookieConsent.objects.get()
    assert record.consent_id == body["consent_id"]
    assert record.method == "accept_all"
    assert record.rejected == []
    assert (record.policy_version, record.cookies_version) == (1, 2)
    assert record.origin == SITE
    assert record.language == "ja"
    assert response["Access-Control-Allow-Origin"] == SITE


@pytest.mark.parametrize(
    ("address", "stored"),
    [
        ("203.0.113.77", "203.0.113.0"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::"),
        ("::ffff:198.51.100.9", "198.51.100.0"),
    ],
)
def test_it_keeps_only_the_network_never_the_address(
    post_choice: Post, address: str, stored: str
) -> None:
    assert post_choice(remote_addr=address).status_code == 201
    assert CookieConsent.objects.get().network == stored


def test_it_takes_the_client_from_the_proxy_header_only_behind_a_local_proxy(
    post_choice: Post,
) -> None:
    post_choice(remote_addr="127.0.0.1", headers={"X-Forwarded-For": "192.0.2.200"})
    post_choice(remote_addr="198.51.100.7", headers={"X-Forwarded-For": "192.0.2.200"})
    networks = list(CookieConsent.objects.values_list("network", flat=True))
    assert networks == ["192.0.2.0", "198.51.100.0"]


def test_a_change_of_mind_is_a_new_record_under_the_same_id(post_choice: Post) -> None:
    consent_id = post_choice().json()["consent_id"]
    again = post_choice(
        choice(
            consent_id=consent_id,
            accepted=["necessary"],
            rejected=["analytics", "preferences"],
            method="reject_all",
        )
    )
    assert again.status_code == 201
    assert again.json()["consent_id"] == consent_id
    history = CookieConsent.objects.filter(consent_id=consent_id).order_by("recorded_at", "id")
    assert [r.method for r in history] == ["accept_all", "reject_all"]
    assert history[1].rejected == ["analytics", "preferences"]


def test_an_unknown_consent_id_gets_a_fresh_one(post_choice: Post) -> None:
    made_up = "A" * 22
    response = post_choice(choice(consent_id=made_up))
    assert response.status_code == 201
    assert response.json()["consent_id"] != made_up
    assert not CookieConsent.objects.filter(consent_id=made_up).exists()


def test_it_records_global_privacy_control_from_the_header_or_the_body(post_choice: Post) -> None:
    post_choice(headers={"Sec-GPC": "1"})
    post_choice(choice(gpc=True))
    post_choice()
    assert list(CookieConsent.objects.values_list("gpc", flat=True)) == [True, True, False]


def test_a_custom_choice_keeps_what_was_accepted_and_rejected(post_choice: Post) -> None:
    body = choice(accepted=["necessary", "preferences"], rejected=["analytics"], method="custom")
    assert post_choice(body).status_code == 201
    record = CookieConsent.objects.get()
    assert (record.accepted, record.rejected) == (["necessary", "preferences"], ["analytics"])


@pytest.mark.parametrize(
    ("origin", "code"),
    [
        (None, "origin_required"),
        ("https://evil.example", "origin_not_allowed"),
        ("null", "origin_not_allowed"),
    ],
)
def test_it_refuses_websites_not_listed(post_choice: Post, origin: str | None, code: str) -> None:
    response = post_choice(origin=origin)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == code
    assert "Access-Control-Allow-Origin" not in response
    assert not CookieConsent.objects.exists()


def test_any_origin_is_allowed_when_configured_with_a_star(post_choice: Post, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SITE_ORIGINS = ["*"]
    response = post_choice(origin="https://other.example.org")
    assert response.status_code == 201
    assert response["Access-Control-Allow-Origin"] == "https://other.example.org"
    assert post_choice(origin="null").status_code == 403


def test_hogos_own_pages_may_post_without_being_listed(post_choice: Post, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SITE_ORIGINS = []
    assert post_choice(origin="http://testserver").status_code == 201


def test_it_answers_the_preflight_for_a_listed_website(post_choice: Post) -> None:
    response = Client().options(
        "/site/consent",
        headers={
            "Origin": SITE,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == SITE
    assert response["Access-Control-Allow-Methods"] == "POST"
    assert response["Access-Control-Allow-Headers"] == "Content-Type"
    assert "Origin" in response["Vary"]


def test_it_refuses_the_preflight_for_other_websites(post_choice: Post) -> None:
    response = Client().options("/site/consent", headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "Invalid JSON"),
        ([], "Input should be an object"),
        (choice(extra="x"), "extra: Extra inputs are not permitted"),
        (choice(version="1"), "version: Input should be a valid integer"),
        (choice(version=0), "version: Input should be greater than or equal to 1"),
        (choice(method="maybe"), "method: Input should be 'accept_all', 'reject_all' or 'custom'"),
        (choice(accepted="analytics"), "accepted: Input should be a valid array"),
        (choice(accepted=["Analytics!"]), "accepted.0: String should match pattern"),
        (choice(consent_id="short"), "consent_id: String should match pattern"),
        (choice(language="fr"), "language: Input should be 'ja' or 'en'"),
        (choice(gpc="yes"), "gpc: Input should be a valid boolean"),
        ({"version": 1}, "accepted: Field required"),
    ],
)
def test_it_rejects_malformed_input_with_a_clear_error(
    post_choice: Post, body: object, message: str
) -> None:
    if isinstance(body, str):
        response = Client().post(
            "/site/consent", body, content_type="application/json", headers={"Origin": SITE}
        )
    else:
        response = post_choice(body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert message in error["message"]
    assert not CookieConsent.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (choice(accepted=["necessary", "tracking"]), "unknown cookie categories: tracking"),
        (
            choice(accepted=["necessary", "analytics", "preferences"], rejected=["analytics"]),
            "categories both accepted and rejected: analytics",
        ),
        (
            choice(accepted=["necessary"], method="custom"),
            "every category must be accepted or rejected; missing: analytics, preferences",
        ),
        (
            choice(
                accepted=[], rejected=["analytics", "necessary", "preferences"], method="custom"
            ),
            "necessary categories cannot be rejected: necessary",
        ),
        (
            choice(accepted=["necessary"], rejected=["analytics", "preferences"]),
            "accept_all must accept every category",
        ),
        (
            choice(method="reject_all"),
            "reject_all must accept only the necessary categories",
        ),
    ],
)
def test_it_refuses_choices_the_policy_does_not_allow(
    post_choice: Post, body: object, message: str
) -> None:
    response = post_choice(body)
    assert response.status_code == 400
    assert response.json()["error"]["message"] == message
    assert not CookieConsent.objects.exists()


def test_it_refuses_a_choice_made_under_an_old_cookie_version(post_choice: Post) -> None:
    response = post_choice(choice(version=1))
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "stale_version"
    assert "version 2 is in force" in error["message"]


def test_it_refuses_oversized_bodies_before_reading_them(post_choice: Post) -> None:
    response = post_choice(choice(padding="x" * 5000))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_it_wants_json(post_choice: Post) -> None:
    response = Client().post(
        "/site/consent", {"version": "1"}, headers={"Origin": SITE}
    )  # a form post
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


def test_other_methods_are_not_allowed(post_choice: Post) -> None:
    assert Client().get("/site/consent", headers={"Origin": SITE}).status_code == 405


def test_it_rate_limits_one_network_but_not_the_next(post_choice: Post) -> None:
    now = timezone.now()
    CookieConsent.objects.bulk_create(
        CookieConsent(
            consent_id=f"{i:022d}",
            recorded_at=now - timedelta(seconds=30),
            method="accept_all",
            accepted=["analytics", "necessary", "preferences"],
            rejected=[],
            policy_version=1,
            cookies_version=1,
            gpc=False,
            network="203.0.113.0",
            origin=SITE,
            language="ja",
        )
        for i in range(RATE_LIMIT)
    )
    limited = post_choice(remote_addr="203.0.113.5")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert limited.json()["error"]["code"] == "rate_limited"
    assert post_choice(remote_addr="198.51.100.5").status_code == 201


def test_records_are_append_only(post_choice: Post) -> None:
    post_choice()
    record = CookieConsent.objects.get()
    record.gpc = True
    with pytest.raises(Refused):
        record.save()
    with pytest.raises(Refused):
        record.delete()


def test_it_says_when_no_policy_is_loaded(db: None, site_origins: list[str]) -> None:
    response = Client().post(
        "/site/consent",
        json.dumps(choice()),
        content_type="application/json",
        headers={"Origin": SITE},
    )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "policy_not_loaded"


def test_the_rate_limit_counts_only_that_networks_recent_choices(post_choice: Post) -> None:
    now = timezone.now()

    def record(network: str | None, seconds_ago: int) -> CookieConsent:
        return CookieConsent(
            consent_id="D" * 22,
            recorded_at=now - timedelta(seconds=seconds_ago),
            method="accept_all",
            accepted=["analytics", "necessary", "preferences"],
            rejected=[],
            policy_version=1,
            cookies_version=1,
            gpc=False,
            network=network,
            origin=SITE,
            language="ja",
        )

    CookieConsent.objects.bulk_create(
        [
            record("203.0.113.0", 10),
            record("203.0.113.0", 50),
            record("203.0.113.0", 90),  # before the window
            record("2001:db8:1234::", 10),
            record(None, 10),
            record(None, 20),
        ]
    )
    since = now - timedelta(minutes=1)
    assert cookie_consent_recent_count(network="203.0.113.0", since=since) == 2
    assert cookie_consent_recent_count(network="2001:db8:1234::", since=since) == 1
    assert cookie_consent_recent_count(network=None, since=since) == 2
    assert cookie_consent_recent_count(network="198.51.100.0", since=since) == 0
