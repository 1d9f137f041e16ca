"""The pieces of the end-to-end setup, shared by the browser tests and the benchmark: a real
Sourcemark server (gunicorn) and the test pages, both on 127.0.0.1, and a headless Chromium with
the unpacked extension loaded, every other host blocked."""

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
ALL_FINDINGS = {"kinds": ["place", "quote"], "severities": ["warning", "caution", "info"]}


class SetupError(RuntimeError):
    pass


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_extension() -> Path:
    """Build the unpacked extension (needs `npm ci` in extension/ first)."""
    if not (EXTENSION / "node_modules").is_dir():
        raise SetupError("extension/node_modules is missing: run `npm ci --ignore-scripts --prefix extension` first")
    subprocess.run(["node", "build.mjs"], cwd=EXTENSION, check=True, capture_output=True)
    return DIST


def seed_html() -> str:
    """The seed article as a news page: one <p> a line, with a headline and some page chrome."""
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


def make_site(root: Path) -> Path:
    """Fill `root` with the pages to serve: the real pages, the test pages, the seed article."""
    root.mkdir(parents=True, exist_ok=True)
    for page in (FIXTURES / "pages").glob("*.html"):
        shutil.copy(page, root / page.name)
    for page in (FIXTURES / "browser").glob("*.html"):
        shutil.copy(page, root / page.name)
    (root / "seed.html").write_text(seed_html(), encoding="utf-8")
    shutil.copy(build_extension() / "test" / "readability.js", root / "readability.js")
    return root


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path):
    """Serve `root` on 127.0.0.1; returns (base URL, shutdown function)."""
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd.shutdown


class Server:
    """A real Sourcemark server run by gunicorn, with an access log to see what it received."""

    def __init__(self, logdir: Path):
        self.logdir = Path(logdir)
        self.logdir.mkdir(parents=True, exist_ok=True)
        self.access_log = self.logdir / "access.log"
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", "1", "--timeout", "120",
             "--access-logfile", str(self.access_log),
             "--access-logformat", "%(m)s %(U)s %(q)s %(s)s origin=%({origin}i)s",
             "server.wsgi:app"],
            cwd=ROOT, stdout=open(self.logdir / "out.log", "wb"), stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2):
                    break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.stop()
                    raise SetupError("Sourcemark server did not start: "
                                     + (self.logdir / "out.log").read_text()[-2000:])
                time.sleep(0.3)
        self.analyze("Warm-up text from Kyiv.")  # load the model before the first page

    def analyze_requests(self) -> list[str]:
        """Access-log lines of every analysis request a browser extension sent so far (the tests'
        own calls to `analyze` carry no Origin and are left out)."""
        if not self.access_log.exists():
            return []
        return [line for line in self.access_log.read_text().splitlines()
                if "/api/v1/analyze" in line and "-extension://" in line]

    def analyze(self, text: str) -> dict:
        req = urllib.request.Request(
            self.url + "/api/v1/analyze",
            data=json.dumps({"text": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def block_foreign(route):
    """Let requests to 127.0.0.1 (and extension URLs) through; abort everything else."""
    url = route.request.url
    if url.startswith(("http://", "https://", "ws://", "wss://")):
        host = url.split("/")[2].rsplit("@", 1)[-1].split(":")[0]
        if host != "127.0.0.1":
            return route.abort()
    return route.continue_()


class Browser:
    """A headless Chromium with the extension; helpers talk to it through its service worker."""

    def __init__(self, context, worker):
        self.context, self.worker = context, worker
        self.extension_id = worker.url.split("/")[2]

    @classmethod
    def launch(cls, playwright, profile: Path, extension: Path = DIST / "chromium"):
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=[*CHROMIUM_FLAGS, f"--disable-extensions-except={extension}", f"--load-extension={extension}"],
            ignore_default_args=["--disable-extensions", "--headless"],
            viewport={"width": 1100, "height": 900},
        )
        context.route("**/*", block_foreign)
        worker = context.service_workers[0] if context.service_workers else context.wait_for_event(
            "serviceworker", timeout=20000)
        return cls(context, worker)

    def set_storage(self, values: dict) -> None:
        self.worker.evaluate("v => chrome.storage.local.set(v)", values)

    def tab_message(self, url: str, message: dict):
        return self.worker.evaluate(
            """async ([url, message]) => {
                const tabs = await chrome.tabs.query({});
                const tab = tabs.find(t => t.url === url);
                if (!tab) throw new Error('no tab for ' + url);
                return await chrome.tabs.sendMessage(tab.id, message);
            }""",
            [url, message],
        )

    def state(self, page) -> dict:
        return self.tab_message(page.url, {"type": "getState"})

    def wait_state(self, page, done=("drawn", "error", "no-article"), timeout=60.0, where=None) -> dict:
        """Poll the content script's state until its status is one of `done`."""
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                last = self.state(page)
            except Exception as exc:  # the content script is not there yet
                last = {"status": f"unreachable: {exc}"}
            if last and last.get("status") in done and (where is None or where(last)):
                return last
            time.sleep(0.05)
        raise AssertionError(f"extension did not reach {done} on {page.url}: {str(last)[:500]}")
