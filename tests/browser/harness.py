"""The pieces of the end-to-end setup, shared by the browser tests and the benchmark: a real
Sourcemark server (gunicorn) and the test pages, both on 127.0.0.1, and a headless browser with
the unpacked extension loaded, every other host blocked: Chromium driven by Playwright, Debian's
firefox-esr by WebDriver BiDi (bidi.py). Both are seen through one interface (`ExtensionBrowser`,
`Tab`), so that every behaviour test runs in both."""

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
FIREFOX = os.environ.get("SOURCEMARK_FIREFOX") or shutil.which("firefox-esr") or "/usr/bin/firefox-esr"
BROWSERS = ("chromium", "firefox")
REAL_PAGES = sorted(p.name for p in (FIXTURES / "pages").glob("*.html"))
# real news pages in other languages (tests/fixtures/pages/NOTICE.md), served under other-languages/
OTHER_LANGUAGE_PAGES = {"lemonde-1": "fr", "liberation-1": "fr", "heise": "de", "la-nacion": "es",
                        "folha": "pt", "aktualne": "cs"}
ALL_FINDINGS = {"kinds": ["place", "quote"], "severities": ["warning", "caution", "info"]}


class SetupError(RuntimeError):
    pass


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def firefox_available() -> bool:
    return Path(FIREFOX).is_file() and os.access(FIREFOX, os.X_OK)


def browser_binary(name: str) -> str | None:
    """The browser's executable, or None when it is not installed."""
    available = {"chromium": chromium_available, "firefox": firefox_available}[name]()
    return {"chromium": CHROMIUM, "firefox": FIREFOX}[name] if available else None


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
    (root / "other-languages").mkdir(exist_ok=True)
    for page in (FIXTURES / "pages" / "other-languages").glob("*.html"):
        shutil.copy(page, root / "other-languages" / page.name)
    for page in (FIXTURES / "browser").glob("*.html"):
        shutil.copy(page, root / page.name)
    (root / "seed.html").write_text(seed_html(), encoding="utf-8")
    # the same English article on a page that declares itself French (sites get `lang` wrong)
    (root / "seed-lang-fr.html").write_text(seed_html().replace('<html lang="en">', '<html lang="fr">'), encoding="utf-8")
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



# -- the browsers ---------------------------------------------------------------------------------

# The extension's API object in an extension page or worker, for the helpers' scripts.
API = "(globalThis.browser ?? globalThis.chrome)"


def block_foreign(route):
    """Let requests to 127.0.0.1 (and extension URLs) through; abort everything else."""
    url = route.request.url
    if url.startswith(("http://", "https://", "ws://", "wss://")):
        host = url.split("/")[2].rsplit("@", 1)[-1].split(":")[0]
        if host != "127.0.0.1":
            return route.abort()
    return route.continue_()


class Tab:
    """One browser tab, whichever the browser: what the tests do with a page."""

    errors: list[str]

    @property
    def url(self) -> str:
        raise NotImplementedError

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def evaluate(self, js: str, arg=None):
        """Run the JS function `js` with `arg` in the page's own world; return its JSON value."""
        raise NotImplementedError

    def mouse_move(self, x: float, y: float) -> None:
        raise NotImplementedError

    def press(self, key: str) -> None:
        """Press one key: "Tab", "Enter", "Escape"."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def wait_for(self, js: str, arg=None, timeout: float = 5.0):
        """Poll the JS function `js` until it returns something truthy; return that."""
        deadline = time.time() + timeout
        while True:
            value = self.evaluate(js, arg)
            if value:
                return value
            if time.time() > deadline:
                body = self.evaluate("() => document.body ? document.body.textContent.replace(/\\s+/g, ' ').slice(-300) : ''")
                raise AssertionError(f"timed out waiting for {js[:120]} on {self.url}; the page reads: {body}")
            time.sleep(0.05)

    def wait(self, seconds: float) -> None:
        time.sleep(seconds)


class ChromiumTab(Tab):
    def __init__(self, page):
        self.page = page
        self.errors = []
        page.on("pageerror", lambda e: self.errors.append(f"{e}\n{e.stack or ''}"))

    @property
    def url(self):
        return self.page.url

    def goto(self, url):
        self.page.goto(url, wait_until="load")

    def evaluate(self, js, arg=None):
        return self.page.evaluate(js, arg)

    def mouse_move(self, x, y):
        self.page.mouse.move(x, y)

    def press(self, key):
        self.page.keyboard.press(key)

    def close(self):
        self.page.close()


BIDI_KEYS = {"Tab": "\ue004", "Enter": "\ue007", "Escape": "\ue00c"}


class FirefoxTab(Tab):
    def __init__(self, ff, context: str):
        self.ff, self.context = ff, context
        self.errors = []

    @property
    def url(self):
        return self.ff.url(self.context)

    def goto(self, url):
        from .bidi import BidiError

        try:
            self.ff.navigate(self.context, url)
        except BidiError:
            # a real page's own scripts may abort their requests to the (blocked) publishers' hosts,
            # which Firefox reports as a failed navigation although the page itself loaded
            if self.url != url:
                raise
            self.wait_for("() => document.readyState === 'complete'", timeout=30)

    def evaluate(self, js, arg=None):
        return self.ff.call(self.context, js, arg)

    def mouse_move(self, x, y):
        self.ff.mouse_move(self.context, x, y)

    def press(self, key):
        self.ff.press(self.context, BIDI_KEYS.get(key, key))

    def close(self):
        self.ff.close_tab(self.context)


class ExtensionBrowser:
    """A headless browser with the extension loaded; the helpers talk to the extension through
    one of its own realms (Chromium: the service worker; Firefox: the first-run page, which the
    extension opens itself on install)."""

    name: str
    origin: str  # chrome-extension://ID or moz-extension://UUID

    def new_tab(self) -> Tab:
        raise NotImplementedError

    def ext(self, js: str, arg=None):
        """Run `js`, a function `(api, arg) => …`, in the extension; return its JSON value."""
        raise NotImplementedError

    def open_extension_page(self, path: str) -> Tab:
        raise NotImplementedError


    def close(self) -> None:
        raise NotImplementedError

    # -- shared helpers ---------------------------------------------------------------------

    def set_storage(self, values: dict) -> None:
        self.ext("(api, v) => api.storage.local.set(v)", values)

    def storage(self) -> dict:
        return self.ext("(api) => api.storage.local.get(null)")

    def tab_id(self, url: str) -> int:
        return self.ext("async (api, url) => (await api.tabs.query({})).find(t => t.url === url).id", url)

    def tab_message(self, url: str, message: dict):
        return self.ext(
            """async (api, [url, message]) => {
                const tabs = await api.tabs.query({});
                const tab = tabs.find(t => t.url === url);
                if (!tab) throw new Error('no tab for ' + url);
                return await api.tabs.sendMessage(tab.id, message);
            }""",
            [url, message],
        )

    def badge(self, tab: Tab) -> str:
        return self.ext("async (api, url) => api.action.getBadgeText({tabId: (await api.tabs.query({})).find(t => t.url === url).id})",
                        tab.url)

    def state(self, tab: Tab) -> dict:
        return self.tab_message(tab.url, {"type": "getState"})

    def wait_state(self, tab: Tab, done=("drawn", "error", "no-article", "language"), timeout=60.0, where=None) -> dict:
        """Poll the content script's state until its status is one of `done`."""
        deadline = time.time() + timeout
        last = None
        url = tab.url
        while time.time() < deadline:
            try:
                last = self.tab_message(url, {"type": "getState"})
            except Exception as exc:  # the content script is not there yet
                last = {"status": f"unreachable: {exc}"}
                url = tab.url
            if last and last.get("status") in done and (where is None or where(last)):
                return last
            time.sleep(0.05)
        raise AssertionError(f"extension did not reach {done} on {url}: {str(last)[:500]}")


class Chromium(ExtensionBrowser):
    name = "chromium"

    def __init__(self, pw, context, worker):
        self.pw, self.context, self.worker = pw, context, worker
        self.extension_id = worker.url.split("/")[2]
        self.origin = f"chrome-extension://{self.extension_id}"

    @classmethod
    def launch(cls, profile: Path, extension: Path = DIST / "chromium") -> "Chromium":
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        context = pw.chromium.launch_persistent_context(
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
        return cls(pw, context, worker)

    def new_tab(self) -> ChromiumTab:
        return ChromiumTab(self.context.new_page())

    def ext(self, js, arg=None):
        return self.worker.evaluate(f"([a]) => ({js})(chrome, a)", [arg])

    def open_extension_page(self, path):
        tab = self.new_tab()
        tab.goto(f"{self.origin}/{path}")
        return tab

    def close(self):
        try:
            self.context.close()
        finally:
            self.pw.stop()


class Firefox(ExtensionBrowser):
    name = "firefox"

    def __init__(self, ff, realm: str, origin: str):
        self.ff, self.realm, self.origin = ff, realm, origin

    @classmethod
    def launch(cls, profile: Path, extension: Path = DIST / "firefox") -> "Firefox":
        from . import bidi

        ff = bidi.Firefox(FIREFOX, profile, free_port(), bidi.profile_prefs(),
                          profile.parent / f"{profile.name}.log")
        try:
            ff.install_extension(extension)
            deadline = time.time() + 20
            while True:  # the extension opens its first-run page on install: that is our realm
                contexts = ff.send("browsingContext.getTree", {})["contexts"]
                welcome = [c for c in contexts if c["url"].startswith("moz-extension://") and "/welcome/" in c["url"]]
                if welcome:
                    break
                if time.time() > deadline:
                    raise SetupError("Firefox: the extension did not open its first-run page")
                time.sleep(0.1)
            realm = welcome[0]["context"]
            origin = "/".join(welcome[0]["url"].split("/")[:3])
            FirefoxTab(ff, realm).wait_for("() => document.readyState === 'complete'", timeout=10)
        except BaseException:
            ff.close()
            raise
        return cls(ff, realm, origin)

    def new_tab(self) -> FirefoxTab:
        return FirefoxTab(self.ff, self.ff.new_tab())

    def ext(self, js, arg=None):
        return self.ff.call(self.realm, f"(a) => ({js})(browser, a)", arg)

    def open_extension_page(self, path):
        url = f"{self.origin}/{path}"
        self.ext("(api, url) => api.tabs.create({url})", url)
        deadline = time.time() + 10
        while True:
            contexts = self.ff.send("browsingContext.getTree", {})["contexts"]
            found = [c["context"] for c in contexts if c["url"] == url]
            if found:
                tab = FirefoxTab(self.ff, found[-1])
                tab.wait_for("() => document.readyState === 'complete'", timeout=10)
                return tab
            if time.time() > deadline:
                raise AssertionError(f"Firefox has no tab at {url}")
            time.sleep(0.05)

    def close(self):
        self.ff.close()


def launch(name: str, profile: Path) -> ExtensionBrowser:
    return {"chromium": Chromium, "firefox": Firefox}[name].launch(profile)
