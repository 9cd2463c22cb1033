"""Fixtures for deck tests: one Chromium (from the session's one Playwright) and a page."""
from __future__ import annotations

from pathlib import Path

import pytest

from .decksupport import CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser(playwright_driver):
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("the browser tests need Debian's Chromium at /usr/bin/chromium "
                    "(apt-get install chromium)")
    launched = playwright_driver.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    yield opened
    context.close()
