"""axe-core finds no WCAG 2.2 A/AA violation on any page, at desktop width and at 320px."""
from __future__ import annotations

import pytest

from .support import AXE, goto, open_context, png_pixels

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html,
                                          summary: n.failureSummary}))}));
        }""", TAGS)
    return result


def describe(violations: list[dict], where: str) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            if node["summary"]:
                lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def check(page, server, path: str, where: str) -> None:
    page.emulate_media(media="screen", color_scheme="light")
    goto(page, server, path)
    violations = run_axe(page)
    print(describe(violations, where) if violations else f"no axe violations on {where}")
    assert not violations, describe(violations, where)


@pytest.mark.browser
def test_no_axe_violations(page, server, site_page):
    name, path = site_page
    check(page, server, path, f"{name} ({server.url(path)})")


@pytest.mark.browser
def test_no_axe_violations_on_search_results(page, server):
    """The search page showing results and its filter panels, not just the empty form."""
    page.emulate_media(media="screen", color_scheme="light")
    goto(page, server, "search/")
    page.fill(".pagefind-ui__search-input", "cuckooing")
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")  # loaded, not placeholders
    page.wait_for_selector(".pagefind-ui__filter-panel", state="visible")
    violations = run_axe(page)
    assert not violations, describe(violations, "search results for 'cuckooing'")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "bulletins/2026-02/"], ids=["home", "issue-2026-02"])
def test_no_axe_violations_at_320px(browser, server, path):
    context = open_context(browser, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        check(page, server, path, f"{server.url(path)} at 320px wide")
    finally:
        context.close()


# WCAG 1.4.12's text spacing, as a reader's own stylesheet or bookmarklet sets it.
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
                " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")


def _assert_reflows(page, where: str) -> None:
    """The page is no wider than the window; only a table's own scrolling box may be."""
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [];
            for (const el of document.querySelectorAll('body *')) {
                if (el.closest('.bulletin-table')) continue;
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 1) {
                    wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}` +
                              `.${[...el.classList].join('.')} right=${Math.round(box.right)}`);
                }
            }
            return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10)};
        }""")
    assert overflow["scroll"] <= overflow["width"], (
        f"{where} scrolls sideways: page is {overflow['scroll']}px wide in {overflow['width']}px; "
        f"elements past the right edge: {overflow['wide']}")


@pytest.mark.browser
def test_content_reflows_at_320px(browser, server, site_page):
    """WCAG 1.4.10: at 320 CSS pixels no page scrolls sideways (a data table may, inside its
    own scrolling region). Every page: the RAG overview's table once had a wrapper class
    with no style, and the whole page scrolled."""
    _, path = site_page
    context = open_context(browser, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        goto(page, server, path)
        _assert_reflows(page, f"{server.url(path)} at 320px")
    finally:
        context.close()


@pytest.mark.browser
def test_content_reflows_at_320px_with_wcag_text_spacing(browser, server, site_page):
    """WCAG 1.4.12 with 1.4.10: with wider letters, words and lines the glossary scrolled
    sideways by 56px (its table was not in the scrolling box other tables have), and
    every page by 2px (the footer's contact address, which could not wrap in its flex
    item, widened the footer)."""
    _, path = site_page
    context = open_context(browser, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        goto(page, server, path)
        page.add_style_tag(content=TEXT_SPACING)
        _assert_reflows(page, f"{server.url(path)} at 320px with text spacing")
    finally:
        context.close()


@pytest.mark.browser
def test_no_axe_violations_on_a_themes_page_of_one_year(page, long_history_server):
    """The shipped site has no theme with more than 12 updates, so no such page."""
    check(page, long_history_server, "themes/hate-crime/2025/", "a theme's page of 2025")
    check(page, long_history_server, "themes/hate-crime/", "a theme's page of its latest 12")


@pytest.mark.browser
def test_no_axe_violations_on_the_rag_overview_s_page_of_one_year(page, long_history_server):
    """Nor has it more than 12 issues, so no RAG overview of a year."""
    check(page, long_history_server, "rag/2025/", "the RAG overview of 2025")
    check(page, long_history_server, "rag/", "the RAG overview of the latest 12 issues")


@pytest.mark.browser
def test_a_table_wider_than_a_phone_shows_a_shadow_on_the_side_with_more(browser, server):
    """A phone reader sees that a data table scrolls: a shadow on the edge with more table,
    none on an edge already reached. The table itself is hidden so only the shadows show."""
    context = open_context(browser, viewport={"width": 375, "height": 700})
    try:
        page = context.new_page()
        goto(page, server, "bulletins/2026-02/")
        page.add_style_tag(content=".bulletin-table table { visibility: hidden }")
        region = page.locator(".bulletin-table").first
        assert region.evaluate("e => e.scrollWidth > e.clientWidth + 50")

        def edges() -> tuple[int, int]:
            rows = png_pixels(region.screenshot())
            middle = rows[len(rows) // 2]
            return min(middle[1][:3]), min(middle[-2][:3])   # darkest channel, left and right

        left, right = edges()
        assert left == 255 and right < 235
        region.evaluate("e => { e.scrollLeft = e.scrollWidth }")
        left, right = edges()
        assert left < 235 and right == 255
    finally:
        context.close()
