"""Builds the installable packages: dist/triallens-chrome.zip and dist/triallens-firefox.zip.

Why a script and not a bundler: the extension ships its source as is. The two packages differ only
in the manifest: Chrome's drops the Firefox-only keys (background.scripts, browser_specific_settings)
so Chrome shows no warnings; Firefox's keeps the manifest whole. Unpacked copies are left in
dist/chrome and dist/firefox for loading by hand and for `web-ext lint`.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SHIPPED = ["manifest.json", "background.js", "lib", "content", "options", "icons"]
ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # fixed timestamps so the same source gives the same zip
DEFAULT_LINE = re.compile(r'const DEFAULT_SERVICE_URL = "[^"]*";')


def with_default_service(source: str, service_url: str) -> str:
    """lib/protocol.js with another default service address (an organisation's own service, or a test's)."""
    parts = urlsplit(service_url)
    if (parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment
            or "@" in parts.netloc or not re.fullmatch(r"[A-Za-z0-9._~/-]*", parts.path)):
        raise ValueError(f"not a service address: {service_url!r}")
    new, n = DEFAULT_LINE.subn(f"const DEFAULT_SERVICE_URL = {json.dumps(service_url.rstrip('/'))};", source)
    if n != 1:
        raise ValueError("lib/protocol.js has no DEFAULT_SERVICE_URL line to replace")
    return new


def shipped_files() -> list[Path]:
    out: list[Path] = []
    for name in SHIPPED:
        p = HERE / name
        out.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    return [f for f in out if not f.name.startswith(".")]


def manifest_for(target: str) -> dict:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    if target == "chrome":
        manifest["background"] = {"service_worker": manifest["background"]["service_worker"]}
        manifest.pop("browser_specific_settings", None)
    else:   # Firefox ignores "service_worker" (web-ext lint warns): its package names only the scripts
        manifest["background"] = {k: v for k, v in manifest["background"].items() if k != "service_worker"}
    return manifest


def build(target: str, dist: Path, service_url: str | None = None) -> Path:
    """Writes dist/<target>/ (unpacked) and dist/triallens-<target>.zip; returns the zip path.
    `service_url` changes the built-in default service (users can still change it in the options)."""
    unpacked = dist / target
    if unpacked.exists():
        shutil.rmtree(unpacked)
    zpath = dist / f"triallens-{target}.zip"
    manifest = json.dumps(manifest_for(target), indent=2) + "\n"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in shipped_files():
            rel = f.relative_to(HERE).as_posix()
            data = manifest.encode() if rel == "manifest.json" else f.read_bytes()
            if rel == "lib/protocol.js" and service_url:
                data = with_default_service(data.decode("utf-8"), service_url).encode("utf-8")
            info = zipfile.ZipInfo(rel, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
            out = unpacked / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
    return zpath


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=HERE.parent / "dist")
    ap.add_argument("--service-url", help="built-in default service address (default http://127.0.0.1:5000)")
    args = ap.parse_args(argv)
    args.dist.mkdir(parents=True, exist_ok=True)
    for target in ("chrome", "firefox"):
        z = build(target, args.dist, args.service_url)
        print(f"{z} ({z.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
