"""Every page loads only from this site: no CDN, no web fonts, nothing third-party,
every file it asks for is there, and nothing is logged as an error."""
from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .support import goto, settle


def _report(title: str, items: list[str]) -> str:
    return title + "\n" + "\n".join(f"  {item}" for item in items)


@pytest.mark.browser
def test_page_loads_only_from_this_site_without_errors(page, context, server, site_page):
    name, path = site_page
    goto(page, server, path, settled=True)
    watch = context.watch
    where = f"{name} ({server.url(path)})"
    problems = []
    if path == "search/":
        # Use the search too: Pagefind fetches its index, fragments and filters as it goes.
        page.fill(".pagefind-ui__search-input", "cuckooing")
        try:
            page.wait_for_selector(".pagefind-ui__result-link", state="visible", timeout=5_000)
        except PlaywrightTimeout:
            problems.append(f"searching for 'cuckooing' on {where} showed no result")
        settle(page)
    assert watch.requests, f"no request was recorded on {where}"
    if watch.foreign:
        problems.append(_report(f"requests to another host than 127.0.0.1 on {where}:", watch.foreign))
    outside = [url for url in watch.requests if not url.startswith(server.base)
               and not url.startswith(("data:", "blob:"))]
    if outside:
        problems.append(_report(f"requests outside the sub-path {server.base} on {where}:", outside))
    if watch.failed:
        problems.append(_report(f"files that did not load on {where}:", watch.failed))
    if watch.console_errors:
        problems.append(_report(f"console errors on {where}:", watch.console_errors))
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_exit_this_page_script_starts(page, context, server):
    """Page scripts besides search start GOV.UK Frontend's components: Exit this page must
    start from the sub-path (when it does, it adds its keyboard shortcut's indicator to the
    button). The Menu button has its own test (test_pages)."""
    goto(page, server, "themes/hate-crime/", settled=True)
    page.wait_for_selector(".govuk-exit-this-page__indicator", state="attached", timeout=5_000)
    assert not context.watch.console_errors, context.watch.console_errors


@pytest.mark.browser
def test_the_guard_keeps_requests_on_this_machine(page, context, server):
    """The suite's own safety net: a request to another host is answered inside the
    browser (503) and recorded, so no test can reach the internet."""
    goto(page, server, "")
    status = page.evaluate("() => fetch('https://cdn.example.invalid/x.js', {mode: 'cors'})"
                           ".then(r => r.status, e => 'error: ' + e)")
    assert status in (503, "error: TypeError: Failed to fetch"), status
    assert context.watch.foreign == ["fetch https://cdn.example.invalid/x.js"], context.watch.foreign
