"""Tables as a reader sees them: the RAG overview's links, the home page's themes, the
glossary, and what a screen reader hears a data table called.

Each test here guards something a reader's audit found (Playwright screenshots at 320px,
200% and 400% zoom, the keyboard, and Chromium's accessibility tree).
"""
from __future__ import annotations

import pytest

from .support import ax_names, goto, open_context, png_pixels

YELLOW = (255, 221, 0)      # GOV.UK's focus colour
BLACK_ENOUGH = 60           # a pixel this dark in every channel is the focus bar


def _is(pixel, colour, slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel[:3], colour))


@pytest.mark.browser
def test_a_data_table_s_box_is_named_by_its_title_and_month_not_its_long_caption(page, server):
    """The scroll box was named by the whole caption, long text and all, and the table in it
    had the same name, so a screen reader read that text twice on entering (a screen-reader
    trial). The box is named by the title and month alone, exactly (no stray space before
    the comma); the table keeps its whole caption."""
    goto(page, server, "bulletins/2026-02/")
    title = "Drug tests by Community Safety Partnership"
    long_text = page.locator("caption", has_text=title).locator(
        ".bulletin-table__caption-text").inner_text().strip()
    assert long_text, "the table has no caption text: nothing to test"
    regions = [name for name in ax_names(page, "region") if name.startswith(title)]
    assert regions == [f"{title}, February 2026"], regions
    tables = [" ".join(name.split()) for name in ax_names(page, "table") if name.startswith(title)]
    assert len(tables) == 1 and tables[0].endswith(long_text), tables


@pytest.mark.browser
def test_a_focused_status_link_on_the_rag_overview_shows_govuk_focus(browser, server):
    """The grey tag covered GOV.UK's yellow focus background: of the focus style only a line
    about 1.5px high showed under the tag (WCAG 2.4.7). Focused, the link is yellow with
    the black bar under it, as every other link is."""
    context = open_context(browser, device_scale_factor=2)
    try:
        page = context.new_page()
        goto(page, server, "rag/")
        link = page.locator("a.bulletin-rag-link").first
        link.focus()
        box = link.bounding_box()
        shot = png_pixels(page.screenshot(clip={"x": box["x"] - 4, "y": box["y"] - 4,
                                                "width": box["width"] + 8, "height": box["height"] + 14}))
        scale = 2
        inside = [row[4 * scale:-4 * scale] for row in shot[4 * scale:(4 + int(box["height"])) * scale]]
        pixels = [p for row in inside for p in row]
        yellow = sum(_is(p, YELLOW) for p in pixels) / len(pixels)
        assert yellow > 0.6, f"only {yellow:.0%} of the focused link is GOV.UK yellow"
        # The black bar: at least 3 CSS pixels of rows under the link that are mostly black.
        below = shot[(4 + int(box["height"])) * scale:]
        dark_rows = [row for row in below
                     if sum(all(c <= BLACK_ENOUGH for c in p[:3]) for p in row) > 0.8 * len(row) - 16 * scale]
        assert len(dark_rows) >= 3 * scale, f"{len(dark_rows) / scale} px of black bar under the focused link"
    finally:
        context.close()


@pytest.mark.browser
def test_status_links_on_the_rag_overview_are_underlined_as_links_are(page, server):
    """They looked like the plain status labels used everywhere else: no underline, no
    link colour (WCAG 1.4.1: a link must be told from text by more than colour)."""
    goto(page, server, "rag/")
    tags = page.locator("a.bulletin-rag-link .bulletin-rag")
    assert tags.count() > 0
    lines = tags.evaluate_all("ts => ts.map(t => getComputedStyle(t).textDecorationLine)")
    assert set(lines) == {"underline"}, lines
    plain = page.locator("main .bulletin-rag:not(a .bulletin-rag)")
    assert all(line == "none" for line in plain.evaluate_all(
        "ts => ts.map(t => getComputedStyle(t).textDecorationLine)")), "a status that is no link is underlined"


@pytest.mark.browser
def test_tabbing_into_a_later_column_of_a_table_scrolls_the_link_into_view(browser, server):
    """At 320px, Tab onto a status link in a column past the table's edge left it there,
    half out of sight (Chromium scrolls a focused element into a scrolling box only once
    it is wholly hidden)."""
    context = open_context(browser, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        goto(page, server, "rag/")
        region = page.locator(".bulletin-table").first
        assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the table fits: nothing to test"
        last = page.locator("tbody tr").first.locator("a.bulletin-rag-link").last
        region.focus()
        for _ in range(40):
            page.keyboard.press("Tab")
            if last.evaluate("e => e === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the first row's last status link")
        seen = last.evaluate("""e => { const box = e.closest('.bulletin-table');
            const outer = box.getBoundingClientRect(), r = e.getBoundingClientRect();
            const left = outer.left + box.clientLeft, right = left + box.clientWidth;
            return {left: r.left - left, right: right - r.right, scrolled: box.scrollLeft}; }""")
        assert seen["left"] >= -1 and seen["right"] >= -1, f"the focused link is cut off: {seen}"
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 640], ids=["320px-or-400%-zoom", "200%-zoom"])
def test_the_home_pages_themes_reflow_instead_of_scrolling(browser, server, width):
    """At 320px (and 400% zoom of a 1280px window) the summary column of "Themes this month"
    showed two or three letters a line: sentences squeezed into a table that scrolled
    sideways. Below the tablet breakpoint each theme is stacked: its name, its status, then
    its summary across the width of the page, and the table is still a table to screen
    readers (each row headed by its theme)."""
    context = open_context(browser, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        goto(page, server, "")
        table = page.locator("main table.bulletin-summary-table")
        facts = table.evaluate("""t => {
            const main = t.closest('main').getBoundingClientRect().width;
            const scroller = t.closest('.bulletin-table');
            const summaries = [...t.querySelectorAll('tbody tr')].map(r => r.lastElementChild);
            return {main, wide: t.scrollWidth, scrolls: !!scroller && scroller.scrollWidth > scroller.clientWidth,
                    narrowest: Math.min(...summaries.map(s => s.getBoundingClientRect().width))}; }""")
        assert not facts["scrolls"] and facts["wide"] <= facts["main"] + 1, facts
        assert facts["narrowest"] >= 0.9 * facts["main"], f"a summary is squeezed into a column: {facts}"
        rows = page.locator("main table.bulletin-summary-table tbody tr")
        assert page.get_by_role("rowheader").count() == rows.count() > 0
        assert page.get_by_role("columnheader", name="Summary").count() == 1
    finally:
        context.close()


@pytest.mark.browser
def test_on_a_wide_screen_the_home_pages_themes_are_a_table_of_three_columns(page, server):
    goto(page, server, "")
    row = page.locator("main table.bulletin-summary-table tbody tr").first
    tops = row.locator("th, td").evaluate_all("cs => cs.map(c => Math.round(c.getBoundingClientRect().top))")
    assert len(tops) == 3 and len(set(tops)) == 1, tops
    assert page.locator("main table.bulletin-summary-table thead").is_visible()


@pytest.mark.browser
def test_a_table_s_box_is_a_tab_stop_only_while_it_scrolls(browser, server):
    """Where the whole table fitted, Tab still stopped on its box and drew a large yellow
    frame round it for nothing (a keyboard reader's trial). Narrowed until it scrolls, the
    box is a tab stop again, so a keyboard can scroll it."""
    context = open_context(browser, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        goto(page, server, "bulletins/2026-02/", settled=True)
        box = page.locator(".bulletin-table").first
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth")
        page.wait_for_function(
            "() => !document.querySelector('.bulletin-table').hasAttribute('tabindex')")
        page.set_viewport_size({"width": 375, "height": 700})
        assert box.evaluate("e => e.scrollWidth > e.clientWidth")
        page.wait_for_function(
            "() => document.querySelector('.bulletin-table').getAttribute('tabindex') === '0'")
    finally:
        context.close()


@pytest.mark.browser
def test_the_glossary_s_abbreviations_stack_on_a_phone_rather_than_scroll(browser, server):
    """Side by side, 'Abbreviation' and 'Neighbourhood' made the table 14px wider than a
    320px screen, so it scrolled sideways (a reader's trial): each meaning now goes under its
    abbreviation, and a screen reader still meets a table."""
    context = open_context(browser, viewport={"width": 320, "height": 700})
    try:
        page = context.new_page()
        goto(page, server, "glossary/")
        table = page.locator("#abbreviations ~ table")
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
        row = table.locator("tbody tr").first
        abbr, meaning = row.locator("th").bounding_box(), row.locator("td").bounding_box()
        assert meaning["y"] >= abbr["y"] + abbr["height"] - 1
        assert table.get_attribute("role") == "table"
        assert page.get_by_role("rowheader").count() == table.locator("tbody tr").count()
    finally:
        context.close()
