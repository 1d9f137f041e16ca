"""Fixtures for the end-to-end tests (see harness.py): one server and one page server per session,
one browser per test module and browser; every browser test takes `browser` and so runs in
Chromium and in Firefox."""

from __future__ import annotations

import os

import pytest

from .harness import BROWSERS, Server, SetupError, browser_binary, launch, make_site, serve

REQUIRE_BROWSERS = bool(os.environ.get("SOURCEMARK_REQUIRE_BROWSERS"))
PACKAGES = {"chromium": "chromium", "firefox": "firefox-esr"}


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


@pytest.fixture(scope="module", params=BROWSERS)
def browser(request, tmp_path_factory, site_root):
    name = request.param
    if not browser_binary(name):
        missing = f"{name} not found (install Debian's `{PACKAGES[name]}` package)"
        if REQUIRE_BROWSERS:  # make test installs them: their absence there is a failure
            pytest.fail(missing)
        pytest.skip(missing)
    try:
        b = launch(name, tmp_path_factory.mktemp(f"{name}-profile"))
    except SetupError as exc:
        pytest.fail(str(exc))
    yield b
    b.close()


@pytest.fixture
def page(browser):
    tab = browser.new_tab()
    yield tab
    tab.close()
