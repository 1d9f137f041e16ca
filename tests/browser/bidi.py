"""A small WebDriver BiDi client for Debian's firefox-esr: Firefox speaks BiDi natively (including
`webExtension.install` of a temporary extension), so the tests need no driver binary and no
browser download. Only what the tests use is here: contexts, navigation, script evaluation, input
actions, events."""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect


class BidiError(RuntimeError):
    pass


# Preferences of the test profile: no first-run pages, no updates or telemetry, no prefetching;
# and every host but 127.0.0.1 goes to a proxy that does not exist, so nothing leaves the machine
# (Firefox never proxies 127.0.0.1 itself).
def profile_prefs() -> dict:
    return {
        "browser.shell.checkDefaultBrowser": False,
        "browser.startup.homepage_override.mstone": "ignore",
        "browser.startup.page": 0,
        "browser.newtabpage.enabled": False,
        "browser.aboutwelcome.enabled": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.reportingpolicy.firstRun": False,
        "app.update.disabledForTesting": True,
        "app.normandy.enabled": False,
        "extensions.update.enabled": False,
        "extensions.getAddons.cache.enabled": False,
        "network.dns.disablePrefetch": True,
        "network.prefetch-next": False,
        "network.http.speculative-parallel-limit": 0,
        "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False,
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": 9,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": 9,
        "network.proxy.share_proxy_settings": True,
        "network.proxy.no_proxies_on": "",
        "network.proxy.allow_hijacking_localhost": False,
        "network.proxy.failover_direct": False,
        "security.OCSP.enabled": 0,
        "services.settings.server": "http://127.0.0.1:9/",
        "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False,
        "browser.safebrowsing.downloads.enabled": False,
    }


class Firefox:
    """firefox-esr --headless with the BiDi remote agent on `port`, and one BiDi session."""

    def __init__(self, binary: str, profile: Path, port: int, prefs: dict, log: Path):
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()), encoding="utf-8")
        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-remote", "--profile", str(profile), f"--remote-debugging-port={port}",
             "--width", "1100", "--height", "900", "about:blank"],
            stdout=open(log, "wb"), stderr=subprocess.STDOUT,
        )
        url = f"ws://127.0.0.1:{port}/session"
        deadline = time.time() + 60
        while True:
            try:
                self.ws = connect(url, max_size=None, open_timeout=5, proxy=None, legacy=True)
                break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.close()
                    raise BidiError("firefox did not start: " + log.read_text(errors="replace")[-2000:])
                time.sleep(0.3)
        self._ids = itertools.count(1)
        self._answers: dict[int, queue.Queue] = {}
        self._lock = threading.Lock()
        self.events: list[dict] = []
        self._listeners: list = []
        threading.Thread(target=self._read, daemon=True).start()
        self.send("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True, "unhandledPromptBehavior": {"default": "ignore"}}}})

    def _read(self):
        try:
            for raw in self.ws:
                msg = json.loads(raw)
                if "id" in msg and msg.get("id") in self._answers:
                    self._answers[msg["id"]].put(msg)
                elif msg.get("type") == "event":
                    self.events.append(msg)
                    for listener in list(self._listeners):
                        listener(msg)
        except Exception:  # the connection closed
            for q in list(self._answers.values()):
                q.put({"type": "error", "error": "closed", "message": "connection closed"})

    def send(self, method: str, params: dict, timeout: float = 60) -> dict:
        with self._lock:
            cid = next(self._ids)
            q = self._answers[cid] = queue.Queue()
        self.ws.send(json.dumps({"id": cid, "method": method, "params": params}))
        try:
            msg = q.get(timeout=timeout)
        except queue.Empty:
            raise BidiError(f"{method}: no answer within {timeout} s") from None
        finally:
            self._answers.pop(cid, None)
        if msg.get("type") == "error":
            raise BidiError(f"{method}: {msg.get('error')}: {msg.get('message')}")
        return msg["result"]

    # -- browsing contexts ---------------------------------------------------------------------

    def new_tab(self) -> str:
        return self.send("browsingContext.create", {"type": "tab"})["context"]

    def navigate(self, context: str, url: str, wait: str = "complete") -> None:
        self.send("browsingContext.navigate", {"context": context, "url": url, "wait": wait})

    def close_tab(self, context: str) -> None:
        self.send("browsingContext.close", {"context": context})

    def url(self, context: str) -> str:
        tree = self.send("browsingContext.getTree", {"root": context, "maxDepth": 0})
        return tree["contexts"][0]["url"]

    def call(self, context: str, function: str, *args, timeout: float = 60):
        """Run `function` (JS source) with JSON `args` in the context's page; return its JSON value."""
        result = self.send("script.callFunction", {
            "functionDeclaration": f"(...args) => Promise.resolve(({function})(...args.map(a => JSON.parse(a)))).then(v => JSON.stringify(v === undefined ? null : v))",
            "arguments": [{"type": "string", "value": json.dumps(a)} for a in args],
            "target": {"context": context},
            "awaitPromise": True,
            "resultOwnership": "none",
        }, timeout=timeout)
        if result.get("type") == "exception":
            details = result.get("exceptionDetails", {})
            raise BidiError(f"script error: {details.get('text')}")
        return json.loads(result["result"]["value"])

    def actions(self, context: str, actions: list[dict]) -> None:
        self.send("input.performActions", {"context": context, "actions": actions})

    def mouse_move(self, context: str, x: float, y: float) -> None:
        self.actions(context, [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                                "actions": [{"type": "pointerMove", "x": int(x), "y": int(y), "duration": 0}]}])

    def press(self, context: str, key: str) -> None:
        self.actions(context, [{"type": "key", "id": "keyboard",
                                "actions": [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}])

    def install_extension(self, path: Path) -> str:
        return self.send("webExtension.install", {"extensionData": {"type": "path", "path": str(path)}})["extension"]

    def close(self) -> None:
        try:
            if getattr(self, "ws", None):
                try:
                    self.send("browser.close", {}, timeout=10)
                except Exception:
                    pass
                self.ws.close()
        finally:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
