"""End-to-end fixtures: a real Sourcemark server (gunicorn) and the test pages, both on 127.0.0.1,
and a headless Chromium with the unpacked extension loaded. Every other host is blocked."""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
DIST = EXTENSION / "dist"
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed" / "sevsk-article.txt"
CHROMIUM = os.environ.get("SOURCEMARK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
]
REAL_PAGES = sorted(p.name for p in (FIXTURES / "pages").glob("*.html"))


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_built() -> Path:
    """The unpacked extension; built here if `npm ci` was run but the build was not."""
    if not (EXTENSION / "node_modules").is_dir():
        pytest.fail("extension/node_modules is missing: run `npm ci --prefix extension` first")
    subprocess.run(["node", "build.mjs"], cwd=EXTENSION, check=True, capture_output=True)
    return DIST


def seed_html() -> str:
    paragraphs = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Ukraine’s withdrawal from SevSk — Sourcemark seed article</title>"
        "<style>body{font:17px/1.55 Georgia,serif;max-width:700px;margin:24px auto;padding:0 16px;color:#222}"
        "nav,footer{font:13px system-ui;color:#666}h1{font-size:28px}</style></head>\n<body>\n"
        '<nav><a href="/">Home</a> · World · Europe</nav>\n<main><article>\n'
        "<h1>Ukraine’s withdrawal from SevSk shifts the balance in the east</h1>\n"
        f"{body}\n</article></main>\n<footer>Sourcemark seed article, served for tests.</footer>\n</body></html>\n"
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def site_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    for page in (FIXTURES / "pages").glob("*.html"):
        shutil.copy(page, root / page.name)
    for page in (FIXTURES / "browser").glob("*.html"):
        shutil.copy(page, root / page.name)
    (root / "seed.html").write_text(seed_html(), encoding="utf-8")
    shutil.copy(ensure_built() / "test" / "readability.js", root / "readability.js")
    return root


@pytest.fixture(scope="session")
def pages_url(site_root):
    """Base URL of a static server for the test pages on 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(site_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class Server:
    def __init__(self, url: str, access_log: Path):
        self.url, self.access_log = url, access_log

    def analyze_requests(self) -> list[str]:
        """Access-log lines of every analysis request the server received so far."""
        if not self.access_log.exists():
            return []
        return [line for line in self.access_log.read_text().splitlines() if "/api/v1/analyze" in line]

    def analyze(self, text: str) -> dict:
        req = urllib.request.Request(
            self.url + "/api/v1/analyze",
            data=json.dumps({"text": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real Sourcemark server (gunicorn) on a free 127.0.0.1 port, with an access log."""
    logdir = tmp_path_factory.mktemp("server")
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    access_log = logdir / "access.log"
    proc = subprocess.Popen(
        [str(gunicorn), "-b", f"127.0.0.1:{port}", "-w", "1", "--timeout", "120",
         "--access-logfile", str(access_log), "--access-logformat", '%(m)s %(U)s %(s)s origin=%({origin}i)s',
         "server.wsgi:app"],
        cwd=ROOT, stdout=open(logdir / "out.log", "wb"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail(f"Sourcemark server did not start: {(logdir / 'out.log').read_text()[-2000:]}")
            time.sleep(0.3)
    # warm up (model load) so that the first page does not pay for it
    Server(url, access_log).analyze("Warm-up text from Kyiv.")
    yield Server(url, access_log)
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def block_foreign(route):
    host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
    if route.request.url.startswith(("http://", "https://", "ws://", "wss://")) and host != "127.0.0.1":
        return route.abort()
    return route.continue_()


class Browser:
    """A headless Chromium with the extension, and helpers that talk to it through its worker."""

    def __init__(self, context, worker):
        self.context, self.worker = context, worker

    def set_storage(self, values: dict) -> None:
        self.worker.evaluate("v => chrome.storage.local.set(v)", values)

    def clear_storage(self) -> None:
        self.worker.evaluate("() => chrome.storage.local.clear()")

    def tab_message(self, url: str, message: dict):
        return self.worker.evaluate(
            """async ([url, message]) => {
                const tabs = await chrome.tabs.query({});
                const tab = tabs.find(t => t.url === url);
                if (!tab) throw new Error('no tab for ' + url + ' among ' + tabs.map(t => t.url));
                return await chrome.tabs.sendMessage(tab.id, message);
            }""",
            [url, message],
        )

    def state(self, page) -> dict:
        return self.tab_message(page.url, {"type": "getState"})

    def wait_state(self, page, done=("drawn", "error", "no-article"), timeout=60.0, where=None) -> dict:
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                last = self.state(page)
            except Exception as exc:  # content script not ready yet
                last = {"status": f"unreachable: {exc}"}
            if last and last.get("status") in done and (where is None or where(last)):
                return last
            time.sleep(0.1)
        raise AssertionError(f"extension did not reach {done} on {page.url}: {str(last)[:500]}")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, site_root):
    if not chromium_available():
        pytest.skip(f"Chromium not found at {CHROMIUM} (install Debian's `chromium` package)")
    from playwright.sync_api import sync_playwright

    ext = str(DIST / "chromium")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=[*CHROMIUM_FLAGS, f"--disable-extensions-except={ext}", f"--load-extension={ext}"],
            ignore_default_args=["--disable-extensions", "--headless"],
            viewport={"width": 1100, "height": 900},
        )
        context.route("**/*", block_foreign)
        worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker", timeout=20000)
        yield Browser(context, worker)
        context.close()
