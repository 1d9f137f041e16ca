"""Firefox: the Firefox build is `web-ext lint` clean, and a headless smoke run in Debian's
firefox-esr analyses and draws the seed article.

No test driver can read a Firefox extension's state here (Playwright needs its own patched
Firefox; geckodriver is not packaged), so the smoke run uses a build with the test server and site
preset, whose background reports what the page drew to the server (`/healthz?sourcemark-smoke=`),
and the test reads the server's access log."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from urllib.parse import unquote

import pytest

from .harness import EXTENSION

pytestmark = pytest.mark.browser

FIREFOX = os.environ.get("SOURCEMARK_FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")
WEB_EXT = EXTENSION / "node_modules" / ".bin" / "web-ext"


def test_web_ext_lint_clean(site_root):  # site_root builds the extension
    out = subprocess.run(
        [str(WEB_EXT), "lint", "--source-dir", str(EXTENSION / "dist" / "firefox"), "--output", "json", "--no-input"],
        cwd=EXTENSION, capture_output=True, text=True, timeout=300,
    )
    report = json.loads(out.stdout[out.stdout.index("{"):])
    problems = [(m["code"], m.get("file"), m["message"]) for k in ("errors", "warnings", "notices") for m in report[k]]
    assert problems == []


@pytest.mark.skipif(
    not FIREFOX and not os.environ.get("SOURCEMARK_REQUIRE_BROWSERS"),
    reason="firefox-esr is not installed (Debian package `firefox-esr`)",
)
def test_firefox_headless_smoke(server, pages_url, tmp_path):
    subprocess.run(
        ["node", "build.mjs", "--smoke-sites=127.0.0.1", f"--smoke-server={server.url}"],
        cwd=EXTENSION, check=True, capture_output=True,
    )
    before = len(server.analyze_requests())
    env = {**os.environ, "MOZ_HEADLESS": "1", "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [str(WEB_EXT), "run", "--source-dir", str(EXTENSION / "dist" / "firefox-smoke"),
         f"--firefox={FIREFOX}", "--arg=-headless", "--start-url", pages_url + "/seed.html",
         "--no-input", "--no-reload"],
        cwd=EXTENSION, env=env, stdout=open(tmp_path / "web-ext.log", "wb"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    report = None
    try:
        deadline = time.time() + 90
        while time.time() < deadline and report is None:
            log = server.access_log.read_text() if server.access_log.exists() else ""
            found = re.findall(r"sourcemark-smoke=(\S+)", log)
            if found:
                report = unquote(found[-1])
            elif proc.poll() is not None:
                break
            time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    assert report, "Firefox did not report: " + (tmp_path / "web-ext.log").read_text()[-2000:]
    status, counts, api, ranges_ok = report.split(":")
    drawn, total = map(int, counts.split("/"))
    assert status == "drawn"
    assert total > 0 and drawn == total, report
    assert api == "highlight-api"
    assert ranges_ok == "true", "a highlight's text differs from its finding's text"
    sent = server.analyze_requests()[before:]
    assert sent and all("origin=moz-extension://" in line for line in sent)
