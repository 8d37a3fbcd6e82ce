"""The extension's manifest and packages: host list in step with the service, permissions, builds."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from scrapers.sites import supported_hosts

EXT = Path(__file__).resolve().parents[1] / "extension"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"triallens_ext_{name}", EXT / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


sync_hosts = _load("sync_hosts")
build = _load("build")
MANIFEST = json.loads((EXT / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_hosts_are_the_supported_hosts():
    """Fails when a site module was added without `python extension/sync_hosts.py`."""
    assert sync_hosts.hosts_in_manifest(MANIFEST) == sorted(set(supported_hosts()) | {"clinicaltrials.gov"})
    assert sync_hosts.main(["--check"]) == 0


def test_sync_hosts_without_the_dependencies_says_how_to_run_it():
    """`python extension/sync_hosts.py` with a Python lacking lxml ended in a traceback (review r15, item 12)."""
    import subprocess
    import sys

    code = ("import runpy, sys; sys.modules['lxml'] = None; sys.argv = ['sync_hosts.py', '--check']; "
            f"runpy.run_path({str(EXT / 'sync_hosts.py')!r}, run_name='__main__')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "lacks lxml" in out.stderr and ".venv/bin/python extension/sync_hosts.py" in out.stderr


def test_manifest_hosts_match_the_service_sites_endpoint(tmp_path):
    """The extension runs exactly where the service can read pages: GET /api/v1/sites."""
    server = pytest.importorskip("server")
    if not hasattr(server, "create_app"):
        pytest.skip("the service (server.create_app) has not landed on this branch yet")
    app = server.create_app({"TRIALLENS_OFFLINE": "1", "TRIALLENS_DB": str(tmp_path / "store.sqlite3")})
    client = app.test_client()
    res = client.get("/api/v1/sites")
    assert res.status_code == 200
    assert sorted(res.get_json()["hosts"]) == sync_hosts.hosts_in_manifest(MANIFEST)


def test_clinicaltrials_gov_only_on_study_pages():
    """Only in the content script's matches, whose path Chrome keeps: a host permission's path is ignored, so
    ".../study/*" there granted every page of the site (tests/test_extension_e2e.py shows what the extension reaches)."""
    ctgov = [m for c in MANIFEST["content_scripts"] for m in c["matches"] if "clinicaltrials.gov" in m]
    assert ctgov == ["https://*.clinicaltrials.gov/study/*"]
    assert [m for m in MANIFEST["host_permissions"] if "clinicaltrials.gov" in m] == []


def test_matches_for_covers_subdomains_of_each_host():
    assert sync_hosts.matches_for(["meddatax.com", "clinicaltrials.gov", "ctv.veeva.com"]) == [
        "*://*.ctv.veeva.com/*", "*://*.meddatax.com/*", "https://*.clinicaltrials.gov/study/*"]


def test_packages_for_both_browsers(tmp_path):
    chrome = build.build("chrome", tmp_path)
    firefox = build.build("firefox", tmp_path)
    with zipfile.ZipFile(chrome) as zc, zipfile.ZipFile(firefox) as zf:
        names = set(zc.namelist())
        assert names == set(zf.namelist())
        assert {"manifest.json", "background.js", "content/content.js", "options/options.html"} <= names
        assert not [n for n in names if n.startswith(("test/", "e2e/", "node_modules/")) or n.endswith(".py")]
        mc = json.loads(zc.read("manifest.json"))
        mf = json.loads(zf.read("manifest.json"))
    assert mc["background"] == {"service_worker": "background.js"}
    assert "browser_specific_settings" not in mc
    assert mf["background"]["scripts"][-1] == "background.js" and "service_worker" not in mf["background"]
    assert mf["browser_specific_settings"]["gecko"]["id"]
    assert mc["content_scripts"] == mf["content_scripts"] == MANIFEST["content_scripts"]


def test_build_can_change_the_default_service_address():
    source = (EXT / "lib" / "protocol.js").read_text(encoding="utf-8")
    assert 'const DEFAULT_SERVICE_URL = "http://127.0.0.1:5000";' in source
    changed = build.with_default_service(source, "https://triallens.example.org/")
    assert 'const DEFAULT_SERVICE_URL = "https://triallens.example.org";' in changed
    assert changed.count("DEFAULT_SERVICE_URL") == source.count("DEFAULT_SERVICE_URL")
    for bad in ("javascript:alert(1)", "ftp://x", "http://u:p@x", "https://x/?q=1", 'http://x/";alert(1);"'):
        with pytest.raises(ValueError):
            build.with_default_service(source, bad)


def test_both_packages_have_the_shortcut_and_firefox_s_says_what_is_sent(tmp_path):
    """The card's keyboard shortcut ships to both browsers; Firefox's data-collection consent names what goes to the
    service: the trial page's address (browsingActivity) and its HTML (websiteContent). Chrome's package has no
    Firefox-only keys."""
    packages = {}
    for target in ("chrome", "firefox"):
        with zipfile.ZipFile(build.build(target, tmp_path)) as z:
            packages[target] = json.loads(z.read("manifest.json"))
    for manifest in packages.values():
        assert manifest["commands"]["toggle-card"]["suggested_key"] == {"default": "Alt+Shift+K"}
    consent = packages["firefox"]["browser_specific_settings"]["gecko"]["data_collection_permissions"]
    assert consent == {"required": ["browsingActivity", "websiteContent"]}
    assert "browser_specific_settings" not in packages["chrome"]
    assert packages["firefox"]["background"]["scripts"] == ["lib/nct.js", "lib/failures.js", "lib/protocol.js",
                                                            "lib/commands.js", "background.js"]
