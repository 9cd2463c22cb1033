"""A month's deck numbers its slides ("9 / 17"), where a chamber can read it and a
presenter can go back to one: "back to slide 7" in questions had nothing to go by (a
councillor's officer's trial)."""
from __future__ import annotations

import pytest

from .test_deck_exit import month_deck, ready


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024x768", "1280x720"])
def test_the_slide_number_is_large_clear_of_the_arrows_and_g_goes_to_a_slide(
        browser, shipped_site, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = context.new_page()
        ready(page, month_deck(shipped_site))
        number = page.locator(".reveal .slide-number")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.querySelector('.reveal .slide-number')"
                               ".textContent.replace(/\\s/g, '').startsWith('2/')")
        box = number.bounding_box()
        arrows = page.locator(".reveal .controls .navigate-right").bounding_box()
        assert box["x"] + box["width"] < arrows["x"], (box, arrows)
        assert float(number.evaluate("e => getComputedStyle(e).fontSize")[:-2]) >= 18
        # at the middle of the foot, as the README says
        assert abs(box["x"] + box["width"] / 2 - size[0] / 2) < size[0] * 0.05, box
        assert box["y"] > size[1] * 0.85, box
        # a draft's deck marks every slide at the bottom left: the number is not under it
        page.evaluate("document.body.insertAdjacentHTML('afterbegin', "
                      "'<p class=\"deck-draft-mark\" aria-hidden=\"true\">Draft</p>')")
        assert page.evaluate("""() => { const b = document.querySelector('.reveal .slide-number')
            .getBoundingClientRect(); const e = document.elementFromPoint(b.x + b.width / 2,
            b.y + b.height / 2); return !!e.closest('.slide-number'); }""")
        page.keyboard.press("g")
        page.keyboard.type("7")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.reveal .slide-number')"
                               ".textContent.replace(/\\s/g, '').startsWith('7/')")
    finally:
        context.close()



@pytest.mark.browser
def test_with_arrows_at_the_edges_the_number_keeps_clear_of_the_down_arrow(browser, tmp_path):
    """reveal.js puts "down" at the foot's middle in that layout."""
    from builder import cli
    deck = tmp_path / "talk.md"
    deck.write_text("---\nrevealOptions:\n  controlsLayout: edges\n  slideNumber: c/t\n---\n"
                    "## One\n\n----\n\n## Two\n\n---\n\n## Three\n", "utf-8")
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "out")]) == 0
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    try:
        page = context.new_page()
        ready(page, (tmp_path / "out" / "index.html").as_uri())
        number = page.locator(".reveal .slide-number").bounding_box()
        down = page.locator(".reveal .controls .navigate-down").bounding_box()
        assert number["x"] > down["x"] + down["width"], (number, down)
    finally:
        context.close()


def test_a_deck_written_in_content_decks_shows_no_numbers(shipped_site):
    """The README: such a deck keeps reveal-md's behaviour, which numbers no slide."""
    page = (shipped_site / "decks/community-safety-and-performance/index.html").read_text("utf-8")
    assert '"slideNumber"' not in page and "slideNumber:" not in page
    month = (shipped_site / "decks/2026-02/index.html").read_text("utf-8")
    assert '"slideNumber": "c/t"' in month or '"slideNumber":"c/t"' in month
