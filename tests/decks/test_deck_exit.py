"""GOV.UK's "Exit this page" in decks that show a sensitive theme's words, in Chromium.

A reader's audit: the monthly decks, published with the site, carried Hate Crime's
words with no way out, where the site's pages showing them have the button. A deck is
also presented full screen on a council chamber's projector, where a red button on
every slide would be wrong. Decks are opened here from disk, as from a USB stick.
"""
from __future__ import annotations

import pytest
from exit_support import EXIT_URL, answer_the_exit

from builder import cli

pytestmark = pytest.mark.browser
BUTTON = ".deck-exit .govuk-exit-this-page__button"
MONTH = "2026-02"   # shows Hate Crime
SEED_SLUG = "community-safety-and-performance"   # a portfolio deck, nothing sensitive


def ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("window.Reveal && Reveal.isReady()")


def month_deck(shipped_site, slug: str = MONTH) -> str:
    return (shipped_site / "decks" / slug / "index.html").as_uri()


def shown(page) -> bool:
    return page.locator(BUTTON).is_visible()


def on_top(page) -> bool:
    """Whether the button is what a click at its middle would reach."""
    return page.evaluate(f"""() => {{ const b = document.querySelector('{BUTTON}')
        .getBoundingClientRect(); const e = document.elementFromPoint(b.x + b.width / 2,
        b.y + b.height / 2); return !!e.closest('.deck-exit'); }}""")


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)], ids=["laptop", "projector"])
def test_a_month_s_deck_showing_a_sensitive_theme_has_the_button_top_right_clear_of_the_slides(
        browser, shipped_site, size):
    """At the top right, where GOV.UK puts it: not by the arrows at the bottom right,
    where a click meant for the next slide would leave the deck. The slides are laid
    out below it: at 1024x768 a two-line heading ran under it."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    ready(page, month_deck(shipped_site) + "#/4/4")   # the table, under a two-line heading
    assert shown(page) and page.get_by_role("button", name="Emergency Exit this page").is_visible()
    button = page.locator(BUTTON).bounding_box()
    arrows = page.locator(".reveal .controls").bounding_box()
    assert button["x"] + button["width"] > size[0] - 30 and button["y"] < 30, button
    assert button["y"] + button["height"] < arrows["y"], (button, arrows)
    slides = page.locator(".reveal .slides").bounding_box()   # the frame of every slide
    assert slides["y"] >= button["y"] + button["height"], (slides, button)
    assert on_top(page), "something of the deck lies over the button"
    page.close()


def test_only_a_deck_showing_a_sensitive_theme_has_the_button(page, shipped_site):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    ready(page, month_deck(shipped_site, SEED_SLUG))
    assert page.locator(".govuk-exit-this-page").count() == 0
    assert not [u for u in requested if "govuk-frontend" in u or "exit-this-page" in u]
    ready(page, month_deck(shipped_site))
    assert page.locator(".govuk-exit-this-page").count() == 1


def test_shift_pressed_three_times_leaves_the_deck_whatever_reveal_js_does_with_keys(
        page, shipped_site):
    """reveal.js reads every key on the page: the slides move under the arrows, and
    Shift three times still leaves."""
    seen = answer_the_exit(page)
    ready(page, month_deck(shipped_site))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 2
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Away" and seen


def test_tab_reaches_the_button_first_the_arrows_still_move_the_slides_and_space_leaves(
        page, shipped_site):
    seen = answer_the_exit(page)
    ready(page, month_deck(shipped_site))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.govuk-exit-this-page__button')")
    focus = page.locator(BUTTON).evaluate("e => getComputedStyle(e).backgroundColor")
    assert focus == "rgb(255, 221, 0)", "the focused button is not GOV.UK's yellow"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 1
    page.keyboard.press("Space")   # a button's key: it leaves, as a click does
    page.wait_for_url(EXIT_URL)
    assert seen


def test_full_screen_hides_the_button_and_shift_three_times_still_leaves(page, shipped_site):
    """Full screen is how a deck is presented to a chamber: no red button on the
    projector. A reader in full screen keeps the shortcut."""
    seen = answer_the_exit(page)
    ready(page, month_deck(shipped_site))
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    assert not shown(page)
    # and the slides take the whole screen again, not the band kept for the button
    page.wait_for_function("document.querySelector('.reveal').getBoundingClientRect().top === 0")
    page.evaluate("document.exitFullscreen()")
    page.wait_for_function("document.fullscreenElement === null")
    assert shown(page)
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert seen


def test_b_blanks_the_slides_in_a_window_and_leaves_the_way_out_on_top(page, shipped_site):
    """The README: B blanks the screen, B again brings the slides back, and in a window
    Exit this page stays above the blank (a reader who pressed B keeps the way out)."""
    ready(page, month_deck(shipped_site))
    page.keyboard.press("b")
    page.wait_for_function("Reveal.isPaused()")
    assert shown(page) and on_top(page)
    # the band above the slides goes black with them: it stayed white, a glare in a chamber
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.keyboard.press("b")
    page.wait_for_function("!Reveal.isPaused()")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(0, 0, 0)"


@pytest.mark.parametrize("how", ["print-pdf", "print"])
def test_the_button_is_not_printed_nor_in_the_pdf(page, shipped_site, how):
    if how == "print":
        page.emulate_media(media="print")
        ready(page, month_deck(shipped_site))
    else:
        ready(page, month_deck(shipped_site) + "?print-pdf")
        page.wait_for_function("document.querySelectorAll('.reveal .pdf-page').length > 0")
    assert page.locator(".deck-exit").count() == 1 and not shown(page)


def test_the_speaker_view_s_previews_of_the_slides_have_no_button(page, shipped_site):
    """The speaker view shows the deck in frames, on the presenter's own screen."""
    ready(page, month_deck(shipped_site) + "#/4/2")
    with page.expect_popup() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function("""() => { const frames = document.querySelectorAll('iframe');
        return frames.length >= 2 && [...frames].every(f => f.src.includes('receiver')); }""",
                              timeout=15000)
    previews = [f for f in speaker.frames if "receiver" in f.url]
    for _ in range(50):   # each frame's address is known here once it starts loading
        if len(previews) >= 2:
            break
        speaker.wait_for_timeout(100)
        previews = [f for f in speaker.frames if "receiver" in f.url]
    assert len(previews) >= 2, [f.url for f in speaker.frames]   # this slide, and the next
    for preview in previews:
        preview.wait_for_function("window.Reveal && Reveal.isReady()")
        assert preview.locator(".govuk-exit-this-page").count() == 0, preview.url
    assert shown(page)   # the projected deck keeps it, until it goes full screen


def test_a_single_file_deck_that_asks_for_the_button_leaves_with_the_network_off(
        browser, tmp_path):
    """A hand-written deck on a sensitive subject says exit_this_page: true; emailed as
    one file, it carries GOV.UK Frontend's scripts and styles inside it."""
    deck = tmp_path / "support.md"
    deck.write_text("---\nexit_this_page: true\n---\n## Where to get support\n\nText\n", "utf-8")
    assert cli.main(["deck", str(deck), "--out", str(tmp_path / "out"), "--single-file"]) == 0
    single = tmp_path / "out" / "support.html"
    context = browser.new_context(offline=True)
    page = context.new_page()
    seen = answer_the_exit(page)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    ready(page, single.as_uri())
    assert shown(page)
    assert [u for u in requested if not u.startswith("data:")] == [single.as_uri()]
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert seen
    context.close()
