"""A table an editor types into a theme file's Markdown, as a reader sees it.

In a user trial such a table (the CSPs across, one row per strand) was published bare:
at 320-360px the whole issue page scrolled sideways, 725px wide (WCAG 1.4.10), where a
data table scrolls inside its own box. Here the minimal fixture's hate crime update is
that table, wider still, with the trial's short row; screenshots for a person to look
at go to /tmp/bulletin-shots/markdown-table-*.png.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder import cli

from .conftest import serving
from .support import SHOTS, ax_names, goto, open_context
from .test_accessibility import TEXT_SPACING, _assert_reflows, check

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
ISSUE = "bulletins/2026-01/"
CSPS = ["Broxbourne", "Dacorum", "East Herts", "Hertsmere", "North Herts", "St Albans",
        "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield"]
UPDATE = ("---\nrag: green\n---\n## Reporting\n\nReports of hate crime by strand and CSP.\n\n"
          f"| Strand | {' | '.join(CSPS)} |\n|{' --- |' * (len(CSPS) + 1)}\n"
          f"| Race | {' | '.join(str(n) for n in range(10, 20))} |\n"
          "| Religion | 1 | 2 |\n")
NAME = "Table under Reporting"


@pytest.fixture(scope="module")
def trial(tmp_path_factory, sass_cache):
    root = shutil.copytree(FIXTURE, tmp_path_factory.mktemp("mdtable") / "minimal")
    shutil.copytree(sass_cache, root / ".cache")
    (root / "content/bulletins/2026-01/hate-crime.md").write_text(UPDATE, encoding="utf-8")
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0   # the short row warns
    with serving(root / "site") as running:
        yield running


@pytest.fixture
def narrow(browser, request):
    context = open_context(browser, viewport={"width": request.param, "height": 700})
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("narrow", [320, 360], indirect=True, ids=["320px", "360px"])
def test_a_wide_markdown_table_scrolls_inside_its_own_box_not_the_page(narrow, trial):
    goto(narrow, trial, ISSUE)
    region = narrow.get_by_role("region", name=NAME)
    assert region.locator("table").count() == 1
    assert region.evaluate("e => e.scrollWidth > e.clientWidth + 100"), "it fits: nothing to test"
    _assert_reflows(narrow, f"the issue page at {narrow.viewport_size['width']}px")
    SHOTS.mkdir(parents=True, exist_ok=True)
    narrow.screenshot(path=str(SHOTS / f"markdown-table-{narrow.viewport_size['width']}.png"),
                      full_page=True)
    narrow.add_style_tag(content=TEXT_SPACING)
    _assert_reflows(narrow, "the issue page with WCAG 1.4.12's text spacing")


@pytest.mark.browser
@pytest.mark.parametrize("narrow", [320], indirect=True, ids=["320px"])
def test_the_box_is_reached_by_tab_and_scrolled_by_the_arrow_keys(narrow, trial):
    """A keyboard user must reach the columns past the edge: a table of plain text has
    nothing else to focus (WCAG 2.1.1)."""
    goto(narrow, trial, ISSUE)
    region = narrow.get_by_role("region", name=NAME)
    region.scroll_into_view_if_needed()
    for _ in range(80):
        narrow.keyboard.press("Tab")
        if region.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table's box")
    for _ in range(3):
        narrow.keyboard.press("ArrowRight")
    narrow.wait_for_function("e => e.scrollLeft >= 100", arg=region.element_handle())


@pytest.mark.browser
def test_the_box_is_a_tab_stop_only_while_it_scrolls(browser, trial):
    """As a data table's box is: where the table fits, a Tab stop on its box draws a
    focus frame round it for nothing. The fixture's table is too wide for any screen, so
    all but two of its columns are hidden to make it fit."""
    context = open_context(browser, viewport={"width": 320, "height": 700})
    try:
        page = context.new_page()
        goto(page, trial, ISSUE)
        box = page.get_by_role("region", name=NAME).element_handle()
        page.wait_for_function("e => e.getAttribute('tabindex') === '0'", arg=box)
        page.add_style_tag(content="main td:nth-child(n+3), main th:nth-child(n+3) "
                                   "{ display: none }")
        page.set_viewport_size({"width": 1280, "height": 800})
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth")
        page.wait_for_function("e => !e.hasAttribute('tabindex')", arg=box)
    finally:
        context.close()


@pytest.mark.browser
def test_the_table_is_named_as_its_box_is(page, trial):
    """Someone jumping from table to table heard nothing of a Markdown table: only its box
    had a name (a screen-reader trial, Chromium's accessibility tree)."""
    goto(page, trial, ISSUE)
    assert ax_names(page, "region").count(NAME) == 1
    assert ax_names(page, "table").count(NAME) == 1


@pytest.mark.browser
def test_no_axe_violations_on_a_page_with_a_markdown_table(browser, trial):
    for width in (1280, 320):
        context = open_context(browser, viewport={"width": width, "height": 800})
        try:
            check(context.new_page(), trial, ISSUE, f"an issue with a Markdown table at {width}px")
        finally:
            context.close()
