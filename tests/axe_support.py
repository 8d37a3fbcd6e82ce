"""axe-core (extension/node_modules/axe-core, a devDependency of the extension) run in a Playwright page: the
accessibility checks of tests/test_*_axe_browser.py."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "extension" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")   # the impacts no page of TrialLens may have


def axe_problems(page, context="document") -> list[str]:
    """axe-core's serious and critical violations in `context` ("document", or a context axe takes, as JSON-ready
    data), one line each: the rule, its impact, and the first few elements it found."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # (evaluated, not a <script> tag: the service's pages and the options page have a Content-Security-Policy)
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("ctx => axe.run(ctx === 'document' ? document : ctx, {resultTypes: ['violations']})", context)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"] if v["impact"] in BLOCKING]


def open_details(page, root: str = "document") -> None:
    """Every disclosure open (`root`: a script expression for where to look), so that axe checks what is in them."""
    page.evaluate(f"() => ({root}).querySelectorAll('details').forEach((d) => {{ d.open = true; }})")
