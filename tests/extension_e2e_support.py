"""What the extension's end-to-end tests share (tests/test_extension_e2e*.py): the real service on 127.0.0.1, Debian's
Chromium with the unpacked Chrome package and saved pages served at their real URLs through Playwright routing (no
network), the Firefox runner, and the card's readers and pages the tests have in common.

Fixtures are imported by name into each test file (module scope: each file gets its own service and browser, so no
file's storage or tabs reach another's). Screenshots go to test-artifacts/; content-script and answer-to-visible times
to test-artifacts/extension-timings.json (figures only, never asserted: see bench notes in docs/benchmarks.md).
"""

from __future__ import annotations

from conftest import SAVED_COPIES  # (the demo records as saved copies: conftest.py)
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

requests = pytest.importorskip("requests")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is a test extra")

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "extension"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SEED = "NCT07232563"  # the trial whose official record ships in fixtures/ctgov
SEED_PAGE = ROOT / "fixtures" / "html" / "meddatax.com" / "nct07232563_bare_values.html"
IN_DATE = "NCT06495437"  # a bundled record with no planned dates to be past (on ClinicalTrials.gov: no finding)
HOSTILE = '<img src=x onerror="window.__tlPwned=1"><script>window.__tlPwned=2</script>'

sys.path.insert(0, str(ROOT / "tests"))
from conftest import FIXTURES, ctgov_study_page, fixture_url  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _service_command() -> list[str]:
    # `python -m` from ROOT (the service's cwd) runs this checkout's service; the `triallens` script runs
    # whichever checkout the virtualenv was installed from, which in a git worktree is another one
    return [sys.executable, "-m", "server.cli"]


@dataclass
class Service:
    url: str
    log: Path
    proc: subprocess.Popen

    def annotate(self, url: str, html: str) -> requests.Response:
        return requests.post(f"{self.url}/api/v1/annotate", json={"url": url, "html": html}, timeout=30)

    def requests_logged(self, needle: str) -> int:
        return self.log.read_text(encoding="utf-8", errors="replace").count(needle)


_WIPED: list = []   # one entry once this run has cleared test-artifacts/ (see fresh_artifacts)


@pytest.fixture(scope="session", autouse=True)
def fresh_artifacts(request):
    """Every screenshot in test-artifacts/ comes from this run (a review read some left from an older build); a
    partial run (-k, or a test named) keeps the others (one wiped them all in the middle of a review). Each test file
    imports this fixture, so it wipes once per run (_WIPED), not at each file's start."""
    ARTIFACTS.mkdir(exist_ok=True)
    partial = request.config.getoption("keyword") or any("::" in a for a in request.config.args)
    if partial or _WIPED:
        return
    _WIPED.append(True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    yield from _serve(tmp_path_factory.mktemp("service"), TRIALLENS_OFFLINE="1")


@pytest.fixture(scope="module")
def online_service(tmp_path_factory):
    """The service online, its registry a fake ClinicalTrials.gov on 127.0.0.1 holding the
    bundled records: a trial the registry does not have is a real 404 from it."""
    from fake_ctgov import FakeCtgov

    studies = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SAVED_COPIES.glob("NCT*.json"))]
    fake = FakeCtgov(studies).start()
    try:
        yield from _serve(tmp_path_factory.mktemp("online"), TRIALLENS_CTGOV_URL=fake.base_url)
    finally:
        fake.stop()


def _serve(tmp: Path, **settings: str):
    """A `triallens serve` process on a free port with `settings` in its environment."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "TRIALLENS_OFFLINE"}
    env.update(TRIALLENS_DB=str(tmp / "store.sqlite3"), TRIALLENS_RATE_LIMIT="off", PYTHONUNBUFFERED="1", **settings)
    log = tmp / "service.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(_service_command() + ["serve", "--host", "127.0.0.1", "--port", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{url}/healthz", timeout=2).status_code == 200:   # (open even with API keys)
                break
        except requests.ConnectionError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"service did not start: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    yield Service(url, log, proc)
    proc.terminate()
    proc.wait(timeout=10)


@dataclass
class Browser:
    context: object
    worker: object
    service: Service
    pages: dict = field(default_factory=dict)  # URL -> HTML served for it
    timings: list = field(default_factory=list)
    install_tab: str = ""  # the address of the tab the extension opened at its install (_leave_install_tab)

    def set_service_url(self, url: str) -> None:
        self.worker.evaluate("url => chrome.storage.local.set({serviceUrl: url})", url)

    def forget_choices(self) -> None:
        """Forgets the reader's Hide/Show for every trial (the extension remembers it per trial)."""
        self.worker.evaluate("() => chrome.storage.local.remove('cardMemory')")

    def card_memory(self) -> dict:
        return self.worker.evaluate("() => chrome.storage.local.get('cardMemory').then(s => s.cardMemory || {})")

    def open(self, url: str, html: str, *, remembered: bool = False, viewport: tuple[int, int] | None = None):
        """A fresh tab on `url` (served `html`), once the content script has settled. Unless `remembered`,
        the card opens as for a reader who has not hidden or shown a card before. `viewport`: (width, height)."""
        if not remembered:
            self.forget_choices()
        self.pages[url] = html
        page = self.context.new_page()
        if viewport:
            page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        page.goto(url)
        wait_settled(page)
        return page


def wait_settled(page, timeout: float = 20000) -> str:
    page.wait_for_function(
        "() => { const s = document.documentElement.dataset.triallensState; return s && s !== 'loading'; }",
        timeout=timeout)
    return page.evaluate("() => document.documentElement.dataset.triallensState")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, service):
    build = _load_build()
    tmp = tmp_path_factory.mktemp("chromium")
    build.build("chrome", tmp)  # test what ships: the Chrome package's unpacked copy
    ext_dir = tmp / "chrome"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp / "profile"), executable_path=CHROMIUM, headless=True,
            viewport={"width": 1280, "height": 860},
            args=[f"--disable-extensions-except={ext_dir}", f"--load-extension={ext_dir}", "--no-sandbox",
                  "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        b = Browser(context, None, service)

        def route(r):
            url = r.request.url
            if url.startswith("http://127.0.0.1:") or not url.startswith(("http:", "https:")):
                return r.continue_()  # the service (and the closed port of the unreachable test), extension pages
            html = b.pages.get(url.split("#")[0])
            if html is None:
                return r.fulfill(status=404, content_type="text/plain", body="not served by the test")
            return r.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        context.route("**/*", route)
        workers = context.service_workers
        b.worker = workers[0] if workers else context.wait_for_event("serviceworker", timeout=20000)
        b.set_service_url(service.url)
        b.install_tab = _leave_install_tab(context, b.worker.url.split("/")[2])
        yield b
        if b.timings:   # (only the file whose tests time the card writes them; another file's browser has none)
            (ARTIFACTS / "extension-timings.json").write_text(json.dumps(b.timings, indent=2) + "\n", encoding="utf-8")
        context.close()


def options_url(ext_id: str) -> str:
    """The extension's options page, by the extension's id (the host of its worker's address)."""
    return f"chrome-extension://{ext_id}/options/options.html"


def _leave_install_tab(context, ext_id: str, timeout_s: float = 20) -> str:
    """Waits for the tab the extension opens at its first install (runtime.onInstalled: its options, which say how to
    test the connection) and sends it to about:blank, so no test finds a tab of the extension's among its own; returns
    the address it had. (Chromium may open it in the profile's first, blank tab, after the worker is up.)"""
    wanted = options_url(ext_id)
    deadline = time.monotonic() + timeout_s
    while True:
        for tab in context.pages:
            if tab.url == wanted:
                tab.goto("about:blank")
                return wanted
        if time.monotonic() > deadline:
            pytest.fail(f"the extension opened no options tab at install: {[t.url for t in context.pages]}")
        # (a sync Playwright call lets it see the tabs' navigations in the meantime)
        (context.pages[0] if context.pages else context.new_page()).wait_for_timeout(100)


def _load_build():
    import importlib.util

    spec = importlib.util.spec_from_file_location("triallens_ext_build", EXT / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def card_text(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(f"triallens-card {selector}").all_text_contents()]


def icon(page) -> str:
    """The card's icon: "?" not checked, "!" a problem with the page, "✕" an alert, "✓" in sync."""
    return page.locator("triallens-card header .icon").text_content()


def expanded(page) -> bool:
    return page.locator("triallens-card button.toggle").get_attribute("aria-expanded") == "true"


def show_card(page) -> None:
    """Opens a card that opened as its headline ("?" and in-sync cards do), as a reader would: "Show"."""
    if not expanded(page):
        page.locator("triallens-card button.toggle").click()
    assert expanded(page)


def headline(page) -> str:
    text = page.locator("triallens-card .headline").text_content()
    return text.removeprefix("TrialLens").strip()


def record_timing(b: Browser, page, name: str) -> None:
    data = page.evaluate("""() => { const d = document.documentElement.dataset;
        return {scan: d.triallensScanMs, render: d.triallensRenderMs, visible: d.triallensAnswerToVisibleMs}; }""")
    b.timings.append({"page": name, "content_script_ms": float(data["scan"]) if data["scan"] else None,
                      "render_ms": float(data["render"]) if data["render"] else None,
                      "answer_to_visible_ms": float(data["visible"]) if data["visible"] else None})


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"chromium-{name}.png"))


def _drifted_page() -> str:
    """The seed page as an aggregator would show it months later: old date, a status it never had."""
    html = SEED_PAGE.read_text(encoding="utf-8")
    return html.replace("<div>NOT_YET_RECRUITING</div>", "<div>RECRUITING</div>").replace(
        "Last Updated: 2025-11-18", "Last Updated: 2025-06-01")


FOOTER_LINK = ('<footer style="text-align:right;padding:2px 6px;font:14px sans-serif">'
               '<a id="tl-last" href="/privacy">Privacy policy</a></footer>')


FILLER = "".join(f"<p>Paragraph {i} of the study description, long enough to need scrolling.</p>" for i in range(30))

SCROLL_TO_END_JS = """() => { const s = document.querySelector('.scroller');
    if (s) s.scrollTop = s.scrollHeight; else window.scrollTo(0, document.scrollingElement.scrollHeight); }"""

LAST_LINK_JS = """() => { const a = document.getElementById('tl-last'); const b = a.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return { hit: hit === a ? 'link' : (hit ? hit.tagName : null), top: b.top, bottom: b.bottom }; }"""


def _run_firefox(script: str, service: Service, tmp: Path, url: str, html: str, screenshot: str, **env: str) -> dict:
    """Runs extension/e2e/`script` in Debian's firefox-esr (puppeteer-core over WebDriver BiDi) with the Firefox
    package as it ships, `service`'s address saved in its options page (firefox_launch.mjs), `html` served at `url`;
    returns the JSON line it prints."""
    firefox = shutil.which("firefox-esr")
    node = shutil.which("node")
    if not firefox or not node:
        pytest.skip("firefox-esr or node is not installed (.ci/run installs firefox-esr)")
    if not (EXT / "node_modules" / "puppeteer-core").exists():
        pytest.skip("extension/node_modules is missing: run `make test` (npm ci in extension/)")
    build = _load_build()
    # (the service address is entered in the options page, as a reader does: WebDriver BiDi leaves moz-extension://
    # pages out, so the scripts reach that page through Firefox's debugging protocol on TL_RDP_PORT, firefox_rdp.mjs)
    build.build("firefox", tmp)
    ARTIFACTS.mkdir(exist_ok=True)
    (tmp / "page.html").write_text(html, encoding="utf-8")
    env = dict(os.environ, TL_EXT_DIR=str(tmp / "firefox"), TL_SERVICE_URL=service.url, TL_PAGE_URL=url,
               TL_PAGE_FILE=str(tmp / "page.html"), TL_FIREFOX=firefox, TL_SCREENSHOT=str(ARTIFACTS / screenshot),
               TL_PROFILE=str(tmp / "profile"), TL_RDP_PORT=str(_free_port()), **env)
    run = subprocess.run([node, str(EXT / "e2e" / script)], env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, f"firefox run failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    return json.loads(run.stdout.strip().splitlines()[-1])
