"""Accessibility checks in the browser tests with axe-core, from the test environment rather
than a CDN: the `axe.min.js` that the dev dependency `axe-playwright-python` bundles (axe-core,
Mozilla Public License 2.0). It is injected with Playwright's `evaluate`, which the page's
strict CSP does not apply to, so the page itself is checked exactly as served."""

from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE = files("axe_playwright_python") / "axe.min.js"
BLOCKING = ("serious", "critical")

RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""


def axe_violations(page: "Page", impacts: tuple[str, ...] = BLOCKING) -> list[dict[str, Any]]:
    """The page's accessibility violations of these impacts (serious and critical by default),
    each with its rule id, impact, help text and the first few elements concerned."""
    if page.evaluate("typeof axe") == "undefined":
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = page.evaluate(RUN)
    return [v for v in found if v["impact"] in impacts]
