"""The API documentation page in Chromium: Swagger UI comes from hogo's own static files under
hogo's strict Content-Security-Policy, lists the operations, and nothing leaves the machine."""

from typing import TYPE_CHECKING, Any

from playwright.sync_api import expect

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page

WATCH_CSP = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def test_the_docs_page_lists_the_operations_with_nothing_from_outside(
    page: "Page", live_server: Any
) -> None:
    errors: list[str] = []

    def on_console(message: "ConsoleMessage") -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.add_init_script(WATCH_CSP)
    response = page.goto(f"{live_server.url}/api/v1/docs")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-inline" not in response.headers["content-security-policy"]

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("hogo")
    search = page.locator(".opblock-summary-path", has_text="/api/v1/subjects/search")
    expect(search).to_be_visible()
    assert page.locator(".opblock").count() > 20
    expect(page.locator(".opblock-tag-section").first).to_be_visible()

    assert page.evaluate("window.cspViolations") == []
    assert errors == []
    assert page.outside_requests == []  # type: ignore[attr-defined]
