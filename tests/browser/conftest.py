"""Fixtures for the end-to-end tests (see harness.py): one server and one page server per session,
one Chromium per test module."""

from __future__ import annotations

import os

import pytest

REQUIRE_BROWSERS = bool(os.environ.get("SOURCEMARK_REQUIRE_BROWSERS"))

from .harness import CHROMIUM, Browser, Server, SetupError, chromium_available, make_site, serve


@pytest.fixture(scope="session")
def site_root(tmp_path_factory):
    try:
        return make_site(tmp_path_factory.mktemp("site"))
    except SetupError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def pages_url(site_root):
    url, shutdown = serve(site_root)
    yield url
    shutdown()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    try:
        srv = Server(tmp_path_factory.mktemp("server"))
    except SetupError as exc:
        pytest.fail(str(exc))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory, site_root):
    if not chromium_available():
        missing = f"Chromium not found at {CHROMIUM} (install Debian's `chromium` package)"
        if REQUIRE_BROWSERS:  # make test installs it: its absence there is a failure
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = Browser.launch(pw, tmp_path_factory.mktemp("chromium-profile"))
        yield b
        b.context.close()
