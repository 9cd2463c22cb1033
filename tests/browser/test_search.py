"""Search (templates/search.html, Pagefind UI) as a keyboard and screen reader user meets it.

The first search tests are in test_pages.py; these guard what a reader's audit found.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .support import accessibility_tree, goto, png_pixels

CONTENT = Path(__file__).resolve().parents[2] / "content"

FOCUSED = """() => { const e = document.activeElement; const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return {cls: e.className, tag: e.tagName.toLowerCase(), opacity: s.opacity,
            visibility: s.visibility, width: r.width, height: r.height}; }"""


@pytest.mark.browser
def test_the_hidden_clear_button_is_not_a_tab_stop_nor_in_the_accessibility_tree(page, server):
    """Pagefind hides Clear with opacity 0 only: Tab from the empty box landed on a
    button no one could see (WCAG 2.4.7), and screen readers listed it."""
    goto(page, server, "search/")
    page.get_by_label("Search the bulletin").focus()
    page.keyboard.press("Tab")
    assert "pagefind-ui__search-clear" not in page.evaluate(FOCUSED)["cls"]
    assert page.get_by_role("button", name="Clear").count() == 0


@pytest.mark.browser
def test_clear_returns_focus_to_the_box_and_takes_the_words_out_of_the_address(page, server):
    """After Clear (Tab to it, Enter) focus stayed on the button, now invisible, and the
    address kept ?q=cuckooing, so Back or a bookmark brought the cleared search back."""
    goto(page, server, "search/")
    box = page.get_by_label("Search the bulletin")
    box.fill("cuckooing")
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'cuckooing'")
    box.focus()
    page.keyboard.press("Tab")
    assert page.get_by_role("button", name="Clear").evaluate("e => e === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'search-input'")
    focused = page.evaluate(FOCUSED)
    assert focused["visibility"] == "visible" and focused["opacity"] == "1" and focused["width"] > 0
    assert box.input_value() == ""
    assert page.evaluate("() => new URLSearchParams(location.search).has('q')") is False
    assert page.get_by_role("button", name="Clear").count() == 0


@pytest.mark.browser
def test_emptying_the_box_by_hand_takes_the_words_out_of_the_address(page, server):
    """Pagefind does not search for nothing, so the address kept the last words."""
    goto(page, server, "search/?q=cuckooing")
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    box = page.get_by_label("Search the bulletin")
    box.fill("")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")
    box.fill("county lines")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'county lines'")
    box.press("Escape")   # Pagefind empties the box on Escape, as Clear does
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(rgb):
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.browser
def test_the_search_box_shows_no_faint_placeholder(page, server):
    """Its placeholder "Search" was black at 20% opacity on white, about 1.3:1 (WCAG
    1.4.3). The box has a visible label, so a placeholder has nothing to add."""
    goto(page, server, "search/")
    box = page.get_by_label("Search the bulletin")
    look = box.evaluate("""e => { const p = getComputedStyle(e, '::placeholder');
        const rgba = s => s.match(/[\\d.]+/g).map(Number);
        return {text: e.placeholder, colour: rgba(p.color), opacity: Number(p.opacity),
                background: rgba(getComputedStyle(e).backgroundColor)}; }""")
    if look["text"]:
        r, g, b, *alpha = look["colour"]
        a = (alpha[0] if alpha else 1) * look["opacity"]
        shown = tuple(a * c + (1 - a) * bg for c, bg in zip((r, g, b), look["background"]))
        assert _contrast(shown, look["background"]) >= 4.5, look


def _search(page, server, words: str) -> None:
    goto(page, server, "search/?q=" + words.replace(" ", "+"))
    page.wait_for_selector(".pagefind-ui__result-link", state="visible")
    # Each result fills in its title and sub-results once its fragment has loaded.
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length > 0 && "
                           "!document.querySelector('.pagefind-ui__loading')")


def _all_three_filters_drawn(page) -> None:
    """Pagefind draws the filter groups as their index loads, one by one: under load a test
    read two of the three, or tabbed past one not yet there (a search whose results all
    have one theme has no Theme filter, so only a search across themes can wait so)."""
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__filter-name')"
                           ".length === 3", timeout=30000)   # a full run's slowest seen: >10 s


@pytest.mark.browser
def test_filter_groups_are_named_with_a_capital(page, server):
    """Screen readers read the groups as "month" and "theme" (the legend is the filter's
    own name; only the visible summary was capitalised, by CSS)."""
    _search(page, server, "cuckooing")
    _all_three_filters_drawn(page)
    panel = page.locator(".pagefind-ui__filter-panel")
    panel.wait_for(state="visible")
    legends = panel.locator(".pagefind-ui__filter-group-label").evaluate_all(
        "ls => ls.map(l => l.textContent.trim())")
    assert set(legends) == {"Month", "Theme", "RAG status"}, legends
    panel.locator(".pagefind-ui__filter-name", has_text="Month").click()
    assert page.get_by_role("group", name="Month", exact=True).is_visible()


@pytest.mark.browser
def test_an_issue_found_by_search_is_named_as_the_issue_not_only_its_month(page, server):
    """An issue's result was titled "May 2025", its <h1>, which does not say what it is."""
    issue = yaml.safe_load((CONTENT / "bulletins" / "2025-05" / "issue.yaml").read_text("utf-8"))
    _search(page, server, "child exploitation")
    titles = page.locator(".pagefind-ui__result-inner > .pagefind-ui__result-title a").all_inner_texts()
    assert "May 2025" not in titles and "February 2026" not in titles, titles
    assert f"{issue['title']}: May 2025" in titles, titles


@pytest.mark.browser
def test_sub_results_say_which_section_they_are_in(page, server):
    """Two results each had a sub-result "⤷ Child Exploitation" (one under a month of the
    theme's page, one under the theme in an issue), and nothing told them apart."""
    _search(page, server, "child exploitation")
    subs = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").all_inner_texts()
    exploitation = [s for s in subs if s.endswith("Child Exploitation")]
    assert len(exploitation) >= 2, subs
    assert len(set(exploitation)) == len(exploitation), exploitation
    assert "Community Safety & ASB: Child Exploitation" in exploitation, exploitation


@pytest.mark.browser
def test_a_section_under_a_question_is_named_without_a_colon_after_the_question_mark(page, server):
    """'What are we going to do?: Priority objectives' (a reader's trial)."""
    _search(page, server, "priority objectives")
    subs = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").all_inner_texts()
    assert "What are we going to do? Priority objectives" in subs, subs
    assert not [s for s in subs if "?:" in s], subs


# GOV.UK's focus: its yellow, and for a text input the border doubled in the input
# border's black (govuk-focused-form-input, as .govuk-input:focus has it).
GOVUK_YELLOW = "rgb(255, 221, 0)"
GOVUK_INPUT_BORDER = "rgb(11, 12, 12)"
FOCUS_LOOK = """e => { const s = getComputedStyle(e);
    return {outline: [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset],
            shadow: s.boxShadow, border: s.borderTopColor, background: s.backgroundColor}; }"""


@pytest.mark.browser
def test_the_focused_search_box_shows_govuk_s_input_focus_not_the_browser_s_ring(page, server):
    """The box showed the browser's thin dark ring (a reader's audit), where every GOV.UK
    text input shows a 3px yellow outline and its black border doubled. Clear, inside the
    box, had a white of its own that hid the doubled border behind it."""
    goto(page, server, "search/?q=cuckooing")
    box = page.get_by_label("Search the bulletin")
    page.locator(".pagefind-ui__search-clear").wait_for(state="visible")
    box.focus()
    look = box.evaluate(FOCUS_LOOK)
    assert look["outline"] == ["solid", "3px", GOVUK_YELLOW, "0px"], look
    assert look["shadow"] == f"{GOVUK_INPUT_BORDER} 0px 0px 0px 2px inset", look
    assert look["border"] == GOVUK_INPUT_BORDER, look
    edge = box.bounding_box()
    rows = png_pixels(page.screenshot(clip={"x": edge["x"], "y": edge["y"],
                                            "width": edge["width"], "height": 4}))
    light = [x for row in rows for x, p in enumerate(row) if max(p[:3]) > 60]
    assert not light, f"the focused box's top 4px are not all black: light at x = {light[:5]}…"


@pytest.mark.browser
def test_every_control_tab_reaches_in_the_search_shows_govuk_yellow_focus(page, server):
    """The filters' names and boxes and "Load more results" showed the browser's ring, as
    the search box did: each stop Tab makes inside the search shows GOV.UK's yellow."""
    _search(page, server, "the")
    _all_three_filters_drawn(page)
    page.locator("summary.pagefind-ui__filter-name").first.click()   # its boxes are stops too
    page.get_by_label("Search the bulletin").focus()
    seen: dict[str, dict] = {}
    for _ in range(200):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const e = document.activeElement;
            if (!e.closest('#search')) { return null; }
            return e.tagName.toLowerCase() + '.' + e.className.split(' ')[0]; }""")
        if where is None:
            break
        seen.setdefault(where, page.evaluate(f"() => ({FOCUS_LOOK})(document.activeElement)"))
    assert {"summary.pagefind-ui__filter-name", "input.pagefind-ui__filter-checkbox",
            "button.pagefind-ui__button", "a.pagefind-ui__result-link"} <= set(seen), seen
    for where, look in seen.items():
        assert look["outline"][0] != "auto", f"{where} shows the browser's focus ring: {look}"
        assert GOVUK_YELLOW in (look["outline"][2], look["background"]), f"{where}: {look}"


# --- what a user trial found (keyboard and screen reader users, search/?q=hate+crime) ---


def _focused_within(page, selector: str, timeout: float = 5000) -> bool:
    try:
        page.wait_for_function("s => document.activeElement && document.activeElement.matches(s)",
                               arg=selector, timeout=timeout)
    except PlaywrightTimeout:
        return False
    return True


@pytest.mark.browser
@pytest.mark.parametrize("words", ["hate crime", "the"], ids=["button-goes", "button-stays"])
def test_load_more_takes_focus_to_the_first_new_result(page, server, words):
    """Enter on "Load more results" left focus on <body> once the button was removed (or
    on the button, below the new results), so the next Tab went to the footer past every
    new result (WCAG 2.4.3). Focus goes to the first new result's link, and Tab on from it
    reaches the rest."""
    _search(page, server, words)
    results = page.locator(".pagefind-ui__result")
    shown = results.count()
    more = page.get_by_role("button", name="Load more results")
    more.focus()
    page.keyboard.press("Enter")
    first_new = results.nth(shown).locator(".pagefind-ui__result-link").first
    first_new.wait_for(state="visible")
    assert _focused_within(page, ".pagefind-ui__result-link"), page.evaluate(FOCUSED)
    assert first_new.evaluate("e => e === document.activeElement")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.pagefind-ui__result') !== null")


@pytest.mark.browser
def test_the_number_of_results_is_read_once_and_still_announced_as_the_words_change(page, server):
    """Screen readers read "7 results for hate crime" twice: Pagefind's message and the
    live status beside it said the same. One is left in what they read, and it is the
    live one, so each new count is still announced."""
    _search(page, server, "hate crime")
    for words in ("hate crime", "cuckooing"):
        if words != "hate crime":
            page.get_by_label("Search the bulletin").fill(words)
        status = page.locator("[role=status]#search-status")
        page.wait_for_function("w => new RegExp('^\\\\d+ results? for ' + w + '$').test("
                               "document.getElementById('search-status').textContent.trim())", arg=words)
        said = [n for n in accessibility_tree(page) if n["role"] == "StaticText"
                and f"results for {words}" in n["name"]]
        assert len(said) == 1, said
        assert said[0]["name"] == status.text_content().strip()


@pytest.mark.browser
def test_sub_result_links_are_named_without_the_decorative_arrow(page, server):
    """Pagefind draws "⤷" before each sub-result's link with CSS, and Chromium put it in the
    link's name: "⤷ Definitions: County lines". The arrow is still drawn."""
    _search(page, server, "child exploitation")
    names = [n["name"] for n in accessibility_tree(page) if n["role"] == "link"]
    assert "Community Safety & ASB: Child Exploitation" in names, names
    assert not [n for n in names if "⤷" in n], names
    arrow = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").first.evaluate(
        "e => getComputedStyle(e, '::before').content")
    assert "⤷" in arrow or "\\2937" in arrow, arrow


@pytest.mark.browser
def test_result_titles_are_headings_under_the_page_s_heading(page, server):
    """A screen reader user could not jump from result to result by heading: titles were
    paragraphs. Each result's title is a level 2 heading under the page's <h1>, and each
    section found in it a level 3 heading under that."""
    _search(page, server, "child exploitation")
    titles = page.locator(".pagefind-ui__result-inner > .pagefind-ui__result-title a").all_inner_texts()
    sections = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").all_inner_texts()
    search = page.locator("#search")
    assert search.get_by_role("heading", level=2).all_inner_texts() == titles
    assert search.get_by_role("heading", level=3).all_inner_texts() == sections
    assert sections and page.get_by_role("heading", level=1).all_inner_texts() == ["Search"]


@pytest.mark.browser
def test_filter_checkboxes_are_govuk_s_40px_boxes_with_a_black_tick(page, server):
    """Pagefind's boxes were 16 by 16 pixels, hard to tap, and filled blue when checked;
    GOV.UK's are 40 by 40 with a black border, and show a black tick on white."""
    _search(page, server, "hate crime")
    page.locator("summary.pagefind-ui__filter-name", has_text="Theme").click()
    box = page.get_by_role("checkbox", name="Hate Crime")
    size = box.bounding_box()
    assert (size["width"], size["height"]) == (40, 40), size
    box.check()
    page.wait_for_timeout(300)   # Pagefind draws the tick with a 0.2s transition
    box.blur()   # the yellow focus and doubled border would hide the box's own look
    look = box.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopWidth,"
                        " s.borderTopColor, s.backgroundColor]; }")
    assert look == ["2px", GOVUK_INPUT_BORDER, "rgb(255, 255, 255)"], look
    edge = box.bounding_box()
    rows = png_pixels(page.screenshot(clip={"x": edge["x"] + 8, "y": edge["y"] + 8,
                                            "width": 24, "height": 24}))
    dark = sum(1 for row in rows for p in row if max(p[:3]) < 60)
    assert dark > 60, f"no black tick inside the checked box ({dark} dark pixels)"


RESULT_TITLES = """() => [...document.querySelectorAll('.pagefind-ui__result-inner > .pagefind-ui__result-title')]
    .map(t => t.textContent.trim())"""


def _titles_once_loaded(page) -> list[str]:
    page.wait_for_function("() => document.querySelectorAll('.pagefind-ui__result').length > 0 && "
                           "!document.querySelector('.pagefind-ui__loading')")
    return page.evaluate(RESULT_TITLES)


@pytest.mark.browser
def test_the_filters_ticked_are_kept_in_the_address_and_a_shared_link_brings_them_back(
        page, server):
    """A reader's trial: a search narrowed to one theme, bookmarked or sent on, opened
    with every theme again, as the address carried the words alone."""
    _search(page, server, "partnership")
    _all_three_filters_drawn(page)
    everything = _titles_once_loaded(page)
    page.locator("summary.pagefind-ui__filter-name", has_text="Theme").click()
    page.get_by_role("checkbox", name="Hate Crime").check()
    page.wait_for_function("() => new URLSearchParams(location.search).get('Theme') === 'Hate Crime'")
    page.wait_for_function("(n) => document.querySelectorAll('.pagefind-ui__result').length < n",
                           arg=len(everything))
    narrowed = _titles_once_loaded(page)
    address = page.url
    assert "q=partnership" in address, address

    shared = page.context.new_page()
    shared.goto(address)
    shared.wait_for_function("(n) => document.querySelectorAll('.pagefind-ui__result').length === n "
                             "&& !document.querySelector('.pagefind-ui__loading')",
                             arg=len(narrowed))
    assert shared.evaluate(RESULT_TITLES) == narrowed != everything
    shared.locator("summary.pagefind-ui__filter-name", has_text="Theme").click()
    assert shared.get_by_role("checkbox", name="Hate Crime").is_checked()
    shared.get_by_role("checkbox", name="Hate Crime").uncheck()
    shared.wait_for_function("() => !new URLSearchParams(location.search).has('Theme')")
    assert "q=partnership" in shared.url
    shared.close()


@pytest.mark.browser
def test_a_name_in_the_address_that_is_not_a_filter_filters_nothing_out(page, server):
    """A link from a newsletter adds its own names (utm_source=...): taken for a filter,
    it would leave no result."""
    _search(page, server, "cuckooing&utm_source=newsletter")
    assert page.locator(".pagefind-ui__result").count() >= 1


@pytest.mark.browser
def test_a_search_narrowed_to_a_theme_finds_only_that_theme_s_pages(page, server):
    """A reader's trial: 'cuckooing' narrowed to Hate Crime found two issues, by their words
    under Drugs and Community Safety, as an issue page was tagged with every theme."""
    goto(page, server, "search/?q=cuckooing&Theme=Hate+Crime")
    page.wait_for_function("() => document.querySelector('.pagefind-ui__message')"
                           " && /result/.test(document.querySelector('.pagefind-ui__message').textContent)"
                           " && !document.querySelector('.pagefind-ui__loading')")
    titles = page.evaluate(RESULT_TITLES)
    assert all(t.startswith("Hate Crime") for t in titles), titles
