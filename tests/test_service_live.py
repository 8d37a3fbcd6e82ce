"""The service as people run it: `triallens serve` and gunicorn as real processes on
127.0.0.1, spoken to over real HTTP, on a fresh store with no network (offline)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from service_support import MEDDATAX_HTML, MEDDATAX_URL

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd: list[str], env: dict, port: int, log: Path) -> subprocess.Popen:
    out = log.open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except requests.ConnectionError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"server did not answer /healthz in 30 s: {log.read_text()[-2000:]}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def env(tmp_path):
    e = {k: v for k, v in os.environ.items() if not k.startswith("TRIALLENS_")}
    e.update({"TRIALLENS_DB": str(tmp_path / "store.sqlite3"), "TRIALLENS_OFFLINE": "1",
              "TRIALLENS_MAX_BODY": "300000", "XDG_DATA_HOME": str(tmp_path / "xdg")})
    return e


def triallens_cmd() -> list[str]:
    exe = BIN / "triallens"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "server.cli"]


def test_triallens_serve_over_real_http(env, tmp_path):
    """A fresh machine with no network: nothing listens at the registry URL. The store is
    seeded from the bundled records and answers, marked stale, without waiting long."""
    port = free_port()
    env = {**env, "TRIALLENS_CTGOV_URL": f"http://127.0.0.1:{free_port()}/api/v2"}
    env.pop("TRIALLENS_OFFLINE")
    proc = start([*triallens_cmd(), "serve", "--host", "127.0.0.1", "--port", str(port)], env, port,
                 tmp_path / "serve.log")
    base = f"http://127.0.0.1:{port}"
    try:
        resp = requests.post(f"{base}/api/v1/annotate", json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML}, timeout=10)
        assert resp.status_code == 200, resp.text[:500]
        ann = resp.json()
        assert ann["nct_id"] == "NCT07232563" and ann["official"]["status"] == "NOT_YET_RECRUITING"
        assert ann["official"]["stale"] is True and ann["official"]["note"]   # could not refresh: says so
        assert ann["drift"]["verdict"] in ("in_sync", "out_of_date", "differs", "not_recruiting", "could_not_check")

        st = requests.get(f"{base}/api/v1/status", params={"ids": "NCT07232563,NCT01234567"}, timeout=10).json()
        assert st["statuses"]["NCT07232563"]["status"] == "NOT_YET_RECRUITING"
        assert st["statuses"]["NCT01234567"] is None
        assert st["missing"] == {"NCT01234567": "not_checked"}   # registry unreachable: not "not found"

        origin = "chrome-extension://" + "b" * 32
        pre = requests.options(f"{base}/api/v1/annotate", timeout=10, headers={
            "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
        assert pre.headers.get("Access-Control-Allow-Origin") == origin

        big = requests.post(f"{base}/api/v1/annotate", json={"html": "<p>" + "x" * 400_000 + "</p>"}, timeout=10)
        assert big.status_code == 413 and big.headers["Content-Type"] == "application/problem+json"

        bad = requests.post(f"{base}/api/v1/annotate", data=b"{oops", timeout=10,
                            headers={"Content-Type": "application/json"})
        assert bad.status_code == 400 and bad.json()["title"]

        page = requests.get(f"{base}/trials/NCT07232563", timeout=10)
        assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
        assert "not yet recruiting" in page.text
        assert "script-src" not in page.headers["Content-Security-Policy"]  # default-src 'none' covers scripts
    finally:
        stop(proc)
    assert "x" * 1000 not in (tmp_path / "serve.log").read_text()   # page content never logged


@pytest.mark.skipif(shutil.which("gunicorn", path=str(BIN)) is None, reason="gunicorn not installed")
def test_gunicorn_workers_share_one_store(env, tmp_path):
    """The documented production command: several workers, one store file."""
    port = free_port()
    cmd = [str(BIN / "gunicorn"), "--workers", "3", "--preload", "--bind", f"127.0.0.1:{port}", "server:create_app()"]
    proc = start(cmd, env, port, tmp_path / "gunicorn.log")
    try:
        def one(i):
            r = requests.post(f"http://127.0.0.1:{port}/api/v1/annotate", timeout=20,
                              json={"url": MEDDATAX_URL, "html": MEDDATAX_HTML + f"<!-- {i} -->"})
            return r.status_code, r.json().get("official", {}).get("nct_id")

        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(one, range(24)))
        assert results == [(200, "NCT07232563")] * 24
    finally:
        stop(proc)
    assert Path(env["TRIALLENS_DB"]).stat().st_size > 0      # the one store file all workers used
