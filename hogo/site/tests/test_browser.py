"""The consent script in Chromium, embedded in a sample shop on another origin under a strict
Content-Security-Policy, with every request to a third-party host intercepted and aborted."""

import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from hogo.policy.schema import Policy
from hogo.policy.services import policy_file_read, policy_load
from hogo.site.models import CookieConsent

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route

GA_ID = "G-TEST12345"
GOOGLE = re.compile(r"(^|\.)(google|googletagmanager|google-analytics|doubleclick)\.[a-z.]+$")
# Counts every script run and sets a cookie as an analytics tag would.
ANALYTICS_JS = (
    "window.analyticsRuns = (window.analyticsRuns || 0) + 1;"
    "document.cookie = '_ga=GA1.1.123.456; Path=/';"
)
# Collects CSP violations, so a test can prove the script needs no inline script or style.
WATCH_CSP = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)
STUB_GPC = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"


@dataclass
class Visit:
    context: "BrowserContext"
    page: "Page"
    shop: str
    outside: list[str] = field(default_factory=list)

    def google(self) -> list[str]:
        return [url for url in self.outside if GOOGLE.search(urlsplit(url).hostname or "")]

    def banner(self, name: str = "Cookieの設定") -> "Locator":
        return self.page.get_by_role("dialog", name=name)

    def button(self, name: str) -> "Locator":
        return self.page.get_by_role("button", name=name, exact=True)

    def analytics_runs(self) -> int:
        return int(self.page.evaluate("window.analyticsRuns || 0"))

    def wait_for_record(self, n: int = 1) -> None:
        """The cookie carries the consent id once hogo has stored the choice."""
        self.page.wait_for_function("() => document.cookie.includes('hogo_consent=1|')")
        self.expect_records(n)

    def expect_records(self, n: int) -> None:
        """Waits (up to 10 s: a slow machine took more than 2.5) for the page's post to be stored.

        It waits inside Playwright, never in `time.sleep`: the sync API runs the route handler
        that lets the post through only while the test is in one of its calls, so a post sent
        after the last call would otherwise wait for ever (a flaky CI failure).
        """
        deadline = time.monotonic() + 10
        while CookieConsent.objects.count() < n and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
        assert CookieConsent.objects.count() == n


def shop_page(hogo: str, lang: str) -> str:
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Shop</title>
<script src="{hogo}/site/consent.js" data-ga-id="{GA_ID}" defer></script>
</head><body>
<h1>Shop</h1>
<p><a href="/about">About</a> · <a href="#" data-hogo-consent="open">Cookie settings</a></p>
<script type="text/plain" data-category="analytics" data-src="/analytics.js"></script>
<img data-category="analytics" data-src="https://www.google-analytics.com/pixel.gif" alt="">
<iframe title="Widget" data-category="preferences" data-src="/widget"></iframe>
</body></html>"""


def shop_csp(hogo: str) -> str:
    return (
        "default-src 'self'; "
        f"script-src 'self' {hogo} https://www.googletagmanager.com; "
        f"connect-src 'self' {hogo} https://*.google-analytics.com; "
        "style-src 'self'; img-src 'self' https://*.google-analytics.com; object-src 'none'; "
        "base-uri 'none'"
    )


class ShopHandler(BaseHTTPRequestHandler):
    """The organization's website: a page that embeds hogo's script, and an analytics tag."""

    server: "ShopServer"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        headers: dict[str, str] = {}
        if url.path == "/analytics.js":
            body, kind = ANALYTICS_JS, "text/javascript"
        elif url.path == "/widget":
            body, kind = "<p>widget</p>", "text/html; charset=utf-8"
        else:
            lang = parse_qs(url.query).get("lang", ["ja"])[0]
            body, kind = shop_page(self.server.hogo, lang), "text/html; charset=utf-8"
            headers = {"Content-Security-Policy": shop_csp(self.server.hogo)}
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class ShopServer(ThreadingHTTPServer):
    hogo = ""


@pytest.fixture(scope="module")
def shop_server() -> Iterator[ShopServer]:
    """On loopback like hogo's live server: Chromium lets a public page reach loopback only
    with the visitor's permission, which a real website and a real hogo never need."""
    server = ShopServer(("127.0.0.1", 0), ShopHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def visit(
    browser: "Browser",
    live_server: Any,
    shop_server: ShopServer,
    active_policy: Policy,
    settings: Any,
) -> Iterator[Callable[..., Visit]]:
    hogo = live_server.url
    shop_server.hogo = hogo
    shop = f"http://127.0.0.1:{shop_server.server_address[1]}"
    settings.SITE_ORIGINS = [shop]
    contexts: list[BrowserContext] = []

    def open_shop(
        *,
        lang: str = "ja",
        headers: dict[str, str] | None = None,
        init_script: str = "",
        storage_state: Any = None,
        path: str = "/",
    ) -> Visit:
        context = browser.new_context(extra_http_headers=headers, storage_state=storage_state)
        context.set_default_timeout(8000)
        contexts.append(context)
        context.add_init_script(WATCH_CSP + init_script)
        visit = Visit(context=context, page=context.new_page(), shop=shop)

        def route(route: "Route") -> None:
            url = route.request.url
            if url.startswith((shop + "/", hogo + "/")):
                route.continue_()
            else:
                visit.outside.append(url)
                route.abort()

        context.route("**/*", route)
        visit.page.goto(f"{shop}{path}?lang={lang}")
        return visit

    yield open_shop
    for context in contexts:
        context.close()


def test_nothing_reaches_google_before_consent(visit: Callable[..., Visit]) -> None:
    shop = visit()
    expect(shop.banner()).to_be_visible()
    shop.page.wait_for_load_state("networkidle")
    assert shop.google() == []
    assert shop.analytics_runs() == 0
    first = shop.page.evaluate("Array.from(window.dataLayer[0])")
    assert first[:2] == ["consent", "default"]
    assert set(first[2].values()) == {"denied", "granted"}
    assert first[2]["analytics_storage"] == first[2]["ad_storage"] == "denied"
    assert shop.page.evaluate("window.cspViolations") == []
    assert shop.page.locator("iframe[title=Widget]").get_attribute("src") is None
    assert CookieConsent.objects.count() == 0


def test_the_banner_works_under_a_strict_csp_without_inline_style(
    visit: Callable[..., Visit],
) -> None:
    shop = visit()
    banner = shop.banner()
    expect(banner).to_be_visible()
    assert banner.evaluate("(el) => getComputedStyle(el).position") == "fixed"
    accept, reject = shop.button("すべて同意"), shop.button("すべて拒否")
    # Accept and reject are equally prominent: the same size and the same colours.
    assert accept.evaluate("(b) => getComputedStyle(b).backgroundColor") == reject.evaluate(
        "(b) => getComputedStyle(b).backgroundColor"
    )
    assert abs(accept.bounding_box()["height"] - reject.bounding_box()["height"]) < 1  # type: ignore[index]
    assert shop.page.evaluate("window.cspViolations") == []


def test_accepting_runs_the_analytics_tag_and_google_analytics(
    visit: Callable[..., Visit],
) -> None:
    shop = visit()
    shop.button("すべて同意").click()
    shop.page.wait_for_function("() => window.analyticsRuns === 1")
    expect(shop.banner()).to_have_count(0)
    shop.wait_for_record()
    assert any(f"googletagmanager.com/gtag/js?id={GA_ID}" in url for url in shop.google())
    assert any("google-analytics.com/pixel.gif" in url for url in shop.google())
    widget = shop.page.locator("iframe[title=Widget]")
    expect(widget).to_have_attribute("src", "/widget")
    update = shop.page.evaluate(
        "Array.from(window.dataLayer).map((a) => Array.from(a))"
        ".filter((a) => a[0] === 'consent' && a[1] === 'update').pop()"
    )
    assert update[2]["analytics_storage"] == "granted"
    assert update[2]["ad_storage"] == "denied"
    record = CookieConsent.objects.get()
    assert record.method == "accept_all"
    assert record.accepted == ["analytics", "necessary", "preferences"]
    assert record.origin == shop.shop
    assert f"hogo_consent=1|{record.consent_id}|2|" in shop.page.evaluate("document.cookie")

    shop.page.goto(shop.shop + "/about")
    shop.page.wait_for_function("() => window.analyticsRuns === 1")
    expect(shop.banner()).to_have_count(0)
    assert CookieConsent.objects.count() == 1


def test_rejecting_never_runs_analytics(visit: Callable[..., Visit]) -> None:
    shop = visit()
    shop.button("すべて拒否").click()
    shop.wait_for_record()
    record = CookieConsent.objects.get()
    assert (record.method, record.accepted) == ("reject_all", ["necessary"])
    shop.page.goto(shop.shop + "/about")
    shop.page.wait_for_load_state("networkidle")
    expect(shop.banner()).to_have_count(0)
    assert shop.analytics_runs() == 0
    assert shop.google() == []
    assert shop.page.locator("iframe[title=Widget]").get_attribute("src") is None


def test_revoking_analytics_removes_its_cookies_and_stops_it(visit: Callable[..., Visit]) -> None:
    shop = visit()
    shop.button("すべて同意").click()
    shop.page.wait_for_function("() => window.analyticsRuns === 1")
    shop.wait_for_record()
    assert "_ga=" in shop.page.evaluate("document.cookie")
    shop.page.get_by_role("link", name="Cookie settings").click()
    prefs = shop.banner("Cookieの詳細設定")
    expect(prefs).to_be_visible()
    with shop.page.expect_navigation():  # code that ran cannot be unloaded: the page reloads
        prefs.get_by_role("button", name="すべて拒否", exact=True).click()
    shop.page.wait_for_load_state("networkidle")
    assert "_ga=" not in shop.page.evaluate("document.cookie")
    assert shop.analytics_runs() == 0
    shop.expect_records(2)
    first, second = CookieConsent.objects.order_by("id")
    assert second.consent_id == first.consent_id
    assert second.method == "reject_all"


def test_the_gpc_header_turns_analytics_off_and_the_record_says_so(
    visit: Callable[..., Visit],
) -> None:
    shop = visit(headers={"Sec-GPC": "1"})
    expect(shop.banner()).to_contain_text("グローバル・プライバシー・コントロール")
    shop.button("詳細設定").click()
    prefs = shop.banner("Cookieの詳細設定")
    expect(prefs.get_by_role("checkbox", name="解析Cookie")).not_to_be_checked()
    prefs.get_by_role("button", name="選択を保存").click()
    shop.wait_for_record()
    record = CookieConsent.objects.get()
    assert record.gpc is True
    assert record.rejected == ["analytics", "preferences"]
    assert shop.analytics_runs() == 0
    assert shop.google() == []


def test_an_explicit_choice_overrides_gpc_from_the_browser(visit: Callable[..., Visit]) -> None:
    shop = visit(init_script=STUB_GPC)
    expect(shop.banner()).to_contain_text("グローバル・プライバシー・コントロール")
    shop.button("詳細設定").click()
    prefs = shop.banner("Cookieの詳細設定")
    prefs.get_by_role("checkbox", name="解析Cookie").check()
    prefs.get_by_role("button", name="選択を保存").click()
    shop.page.wait_for_function("() => window.analyticsRuns === 1")
    shop.wait_for_record()
    record = CookieConsent.objects.get()
    assert (record.method, record.gpc) == ("custom", True)
    assert record.accepted == ["analytics", "necessary"]


def test_a_new_cookie_policy_version_asks_again(visit: Callable[..., Visit]) -> None:
    shop = visit()
    shop.button("すべて同意").click()
    shop.wait_for_record()
    text = policy_file_read(path=Path(django_settings.POLICY_FILE))
    policy_load(text=text.replace("[cookies]\nversion = 2", "[cookies]\nversion = 3"), note="v3")
    # A returning visitor: same cookies, and a browser cache that no longer holds the config.
    again = visit(storage_state=shop.context.storage_state(), path="/about")
    expect(again.banner()).to_be_visible()
    again.page.wait_for_load_state("networkidle")
    assert again.analytics_runs() == 0
    assert again.google() == []
    again.button("すべて拒否").click()
    again.expect_records(2)
    first, second = CookieConsent.objects.order_by("id")
    assert (second.consent_id, second.cookies_version) == (first.consent_id, 3)


def test_the_banner_and_preferences_work_with_the_keyboard_alone(
    visit: Callable[..., Visit],
) -> None:
    shop = visit()
    keyboard = shop.page.keyboard
    expect(shop.banner()).to_be_visible()
    preferences = shop.button("詳細設定")
    for _ in range(6):
        keyboard.press("Tab")
        if preferences.evaluate("(b) => b.getRootNode().activeElement === b"):
            break
    expect(preferences).to_be_focused()
    keyboard.press("Enter")
    prefs = shop.banner("Cookieの詳細設定")
    expect(prefs).to_be_visible()
    functional = prefs.get_by_role("checkbox", name="機能Cookie")
    expect(functional).to_be_focused()  # the first choice that can be changed
    keyboard.press("Space")
    expect(functional).to_be_checked()
    save = prefs.get_by_role("button", name="選択を保存")
    for _ in range(12):
        keyboard.press("Tab")
        if save.evaluate("(b) => b.getRootNode().activeElement === b"):
            break
    keyboard.press("Enter")
    shop.wait_for_record()
    record = CookieConsent.objects.get()
    assert (record.method, record.accepted) == ("custom", ["necessary", "preferences"])
    expect(shop.page.locator("iframe[title=Widget]")).to_have_attribute("src", "/widget")
    assert shop.google() == []


def test_escape_closes_the_preferences_and_focus_returns_to_the_link(
    visit: Callable[..., Visit],
) -> None:
    shop = visit()
    expect(shop.banner()).to_be_visible()
    link = shop.page.get_by_role("link", name="Cookie settings")
    link.focus()
    shop.page.keyboard.press("Enter")
    prefs = shop.banner("Cookieの詳細設定")
    expect(prefs).to_be_visible()
    shop.page.keyboard.press("Escape")
    expect(prefs).to_be_hidden()
    expect(link).to_be_focused()
    assert CookieConsent.objects.count() == 0


def test_aria_roles_and_names(visit: Callable[..., Visit]) -> None:
    shop = visit()
    banner = shop.banner()
    expect(banner).to_have_attribute("aria-modal", "false")
    expect(banner).to_have_accessible_description(re.compile("動作に必要なCookie"))
    shop.button("詳細設定").click()
    prefs = shop.banner("Cookieの詳細設定")
    assert prefs.evaluate("(d) => d.open && d.matches(':modal')")
    necessary = prefs.get_by_role("checkbox", name="必須Cookie")
    expect(necessary).to_be_checked()
    expect(necessary).to_be_disabled()
    expect(prefs.get_by_role("checkbox", name="解析Cookie")).to_have_accessible_description(
        re.compile("Google Analytics")
    )
    expect(prefs.get_by_role("link", name="Google プライバシーポリシー")).to_be_visible()


def test_the_banner_speaks_english_on_english_pages(visit: Callable[..., Visit]) -> None:
    shop = visit(lang="en")
    banner = shop.banner("Cookie settings")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Websites we link to handle information under their own")
    expect(banner.get_by_role("link", name="Handling of Personal Information")).to_have_attribute(
        "href", re.compile(r"/en/privacy/#cookies$")
    )
    shop.button("Reject all").click()
    shop.wait_for_record()
    assert CookieConsent.objects.get().language == "en"


def test_the_demo_page_holds_its_analytics_tag_until_consent(
    page: "Page", live_server: Any, active_policy: Policy
) -> None:
    page.add_init_script(WATCH_CSP)
    page.goto(live_server.url + "/site/demo/")
    status = page.locator("#demo-analytics-status")
    expect(page.get_by_role("dialog", name="Cookieの設定")).to_be_visible()
    expect(status).to_have_text("解析Cookieに同意されるまで保留中")
    page.get_by_role("button", name="すべて同意", exact=True).click()
    expect(status).to_have_text("読み込み済み（解析Cookieに同意済み）")
    # An inline held-back script runs too, with the page's CSP nonce carried over.
    page.wait_for_function("() => window.demoInlineRuns === 1")
    assert page.evaluate("window.cspViolations") == []
    assert page.outside_requests == []  # type: ignore[attr-defined]
