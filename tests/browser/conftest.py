"""Browser tests: the shipped site, served from a sub-path, driven by Debian's Chromium.

One build (`shipped_site`, tests/conftest.py), one HTTP server, one browser
and two browser contexts (with and without JavaScript) serve the whole
session; each test gets new pages and a clean record of what they did.
Tests that need another viewport open their own context. Nothing reaches
beyond 127.0.0.1: every context answers a request to another host itself
and records it (support.open_context).
"""
from __future__ import annotations

import contextlib
import functools
import threading
from pathlib import Path

import pytest

from .support import ALL_PAGES, CHROMIUM, CHROMIUM_ARGS, PAGE_IDS, QuietServer, Server, SubPathHandler, open_context

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HERE) and not item.get_closest_marker("browser"):
            raise pytest.UsageError(f"{item.nodeid} must be marked @pytest.mark.browser")


def pytest_generate_tests(metafunc):
    """A test that takes `site_page` runs once for every page: (id, path under the sub-path)."""
    if "site_page" in metafunc.fixturenames:
        metafunc.parametrize("site_page", ALL_PAGES, ids=PAGE_IDS)


@pytest.fixture(scope="session")
def server(shipped_site: Path):
    """The shipped site at http://127.0.0.1:PORT/bulletin/; unknown paths get 404.html with 404."""
    with serving(shipped_site) as running:
        yield running


@pytest.fixture(scope="session")
def long_history_server(long_history: Path):
    """The minimal site with a page per year for each theme (tests/conftest.py), served
    as the shipped site is."""
    with serving(long_history) as running:
        yield running


@contextlib.contextmanager
def serving(site: Path):
    handler = functools.partial(SubPathHandler, site_root=site)
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="bulletin-test-server", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", site)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(playwright_driver):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


def _fresh(context):
    """The session's shared context, as new to a test: a clean record, no pages open."""
    context.watch.reset()
    yield context
    for page in context.pages:
        page.close()
    context.clear_cookies()


@pytest.fixture(scope="session")
def _shared_js_context(browser):
    context = open_context(browser)
    yield context
    context.close()


@pytest.fixture(scope="session")
def _shared_no_js_context(browser):
    context = open_context(browser, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def context(_shared_js_context, server):
    """A context with JavaScript (shared by the session, emptied for each test);
    context.watch records its requests and console errors."""
    yield from _fresh(_shared_js_context)


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def no_js_context(_shared_no_js_context, server):
    """A context with JavaScript turned off, like `context`."""
    yield from _fresh(_shared_no_js_context)
