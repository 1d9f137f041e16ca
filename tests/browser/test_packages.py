"""The installable builds: `make package` (extension/package.mjs) writes a Chromium zip and a
Firefox .xpi from the same sources, both carrying the one version (server/__init__.py) that the
server's /api/v1/info reports too; the Firefox build is `web-ext lint` clean."""

from __future__ import annotations

import json
import subprocess
import zipfile

import pytest

from server import __version__

from .harness import DIST, EXTENSION

pytestmark = pytest.mark.browser

WEB_EXT = EXTENSION / "node_modules" / ".bin" / "web-ext"


def test_web_ext_lint_clean(site_root):  # site_root builds the extension
    out = subprocess.run(
        [str(WEB_EXT), "lint", "--source-dir", str(DIST / "firefox"), "--output", "json", "--no-input"],
        cwd=EXTENSION, capture_output=True, text=True, timeout=300,
    )
    report = json.loads(out.stdout[out.stdout.index("{"):])
    problems = [(m["code"], m.get("file"), m["message"]) for k in ("errors", "warnings", "notices") for m in report[k]]
    assert problems == []


def test_packages_carry_the_one_version(site_root):
    subprocess.run(["node", "package.mjs"], cwd=EXTENSION, check=True, capture_output=True, timeout=300)
    packages = DIST / "packages"
    chromium = packages / f"sourcemark-chromium-{__version__}.zip"
    firefox = packages / f"sourcemark-firefox-{__version__}.xpi"
    assert sorted(p.name for p in packages.iterdir()) == sorted([chromium.name, firefox.name])
    for package, background in ((chromium, "service_worker"), (firefox, "scripts")):
        with zipfile.ZipFile(package) as z:
            names = set(z.namelist())
            manifest = json.loads(z.read("manifest.json"))
        assert manifest["version"] == __version__
        assert background in manifest["background"]
        assert {"content.js", "background.js", "popup/popup.html", "welcome/welcome.html", "welcome/welcome.js"} <= names
        assert not [n for n in names if n.startswith(("test/", "node_modules/"))]


def test_server_reports_the_same_version(server):
    import urllib.request

    with urllib.request.urlopen(server.url + "/api/v1/info", timeout=10) as r:
        assert json.load(r)["version"] == __version__
    manifest = json.loads((DIST / "chromium" / "manifest.json").read_text())
    assert manifest["version"] == __version__
