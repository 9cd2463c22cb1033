"""The README says site/ can be opened straight from disk: links and styles work over file://."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def disk_page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def _styled(page) -> bool:
    """GOV.UK Frontend's stylesheet loaded: the header is dark, not the browser's default.
    Waits for the page's load event: a click's navigation commits (and page.url changes)
    before the new document has its header."""
    page.wait_for_load_state("load")
    colour = page.evaluate("getComputedStyle(document.querySelector('.govuk-generic-header'))"
                           ".backgroundColor")
    return colour not in ("", "rgba(0, 0, 0, 0)", "transparent")


def test_the_site_opened_from_disk_is_styled_and_its_links_lead_to_pages(disk_page, shipped_site):
    page = disk_page
    page.goto((shipped_site / "index.html").as_uri())
    assert _styled(page)
    page.get_by_role("link", name="All issues", exact=True).first.click()
    assert page.url.endswith("/bulletins/index.html")
    page.get_by_role("link", name="CCSU Monthly RAG Update: February 2026").click()
    assert page.url.endswith("/bulletins/2026-02/index.html")
    assert _styled(page)
    assert page.locator("h1").inner_text() == "February 2026"
    page.get_by_role("link", name="Hate Crime in every issue").click()
    assert page.url.endswith("/themes/hate-crime/index.html")
    page.get_by_role("link", name="Glossary", exact=True).click()
    assert page.url.endswith("/glossary/index.html")
    assert page.locator("h1").inner_text() == "Glossary"


def test_search_opened_from_disk_says_where_search_works_instead_of_searching_for_ever(
        disk_page, shipped_site):
    """An editor's trial: search/?q=county from disk said "Searching for county..." for
    ever, as a page opened from a file may not read the index beside it."""
    page = disk_page
    page.goto((shipped_site / "search" / "index.html").as_uri() + "?q=county")
    said = page.locator("#search").inner_text()
    assert said.startswith("Search works on the published site, and in the preview editors "
                           "run with bulletin serve, not on pages opened from files."), said
    assert page.locator(".pagefind-ui__message").count() == 0
    page.get_by_role("link", name="every theme").click()
    assert page.url.endswith("/themes/index.html")
