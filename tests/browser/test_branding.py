"""An adopting council's site in Chromium: its logo in the header, its footer address and
links and its brand (tests/conftest.py's `council_site`). axe-core, 320px, what a screen
reader hears of the home link, and forced colours; screenshots for a person to look at
go to /tmp/bulletin-shots/council-*.png."""
from __future__ import annotations

import pytest

from .conftest import serving
from .support import SHOTS, goto, open_context, png_pixels
from .test_accessibility import TEXT_SPACING, _assert_reflows, check

PAGES = [("home", ""), ("issue", "bulletins/2026-01/")]   # the issue has Exit this page
HEADER_BLACK = "rgb(11, 12, 12)"


@pytest.fixture(scope="module")
def council(council_site):
    with serving(council_site) as running:
        yield running


@pytest.fixture
def page(browser):
    """A page of a context of its own: the shared ones would build the shipped site."""
    context = open_context(browser)
    yield context.new_page()
    context.close()


@pytest.fixture
def narrow(browser):
    context = open_context(browser, viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def _shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"council-{name}.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_no_axe_violations_with_a_logo_an_address_and_links(page, council, name, path):
    check(page, council, path, f"the council's {name} page")
    _shoot(page, f"{name}-1280")


@pytest.mark.browser
@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_no_axe_violations_and_no_sideways_scrolling_at_320px(narrow, council, name, path):
    check(narrow, council, path, f"the council's {name} page at 320px")
    _assert_reflows(narrow, f"the council's {name} page at 320px")
    _shoot(narrow, f"{name}-320")
    narrow.add_style_tag(content=TEXT_SPACING)
    _assert_reflows(narrow, f"the council's {name} page at 320px with text spacing")


@pytest.mark.browser
def test_the_home_link_is_named_once_by_the_logo_and_the_title(page, council):
    """What a screen reader says of the link: the organisation the logo shows, then the
    title, and nothing twice."""
    goto(page, council, "bulletins/2026-01/")
    link = page.locator(".govuk-generic-header__homepage-link")
    assert link.evaluate("e => e.getAttribute('href')") == "../../index.html"
    named = page.get_by_role("link", name="Westshire County Council Test Bulletin", exact=True)
    assert named.count() == 1


@pytest.mark.browser
def test_the_logo_is_two_lines_of_spacing_tall_and_fits_a_phone(narrow, council):
    goto(narrow, council, "")
    box = narrow.locator(".bulletin-header__logo").bounding_box()
    assert box["height"] == 40 and box["x"] + box["width"] <= 320 - 15


@pytest.mark.browser
def test_in_forced_colours_the_logo_keeps_the_black_it_was_drawn_for(browser, council):
    """Forced colours repaint the header in the reader's own (here light) colours, but not
    an image: the council's white logo would vanish into a white header."""
    context = open_context(browser, viewport={"width": 1024, "height": 700})
    try:
        page = context.new_page()
        page.emulate_media(forced_colors="active", color_scheme="light")
        goto(page, council, "")
        header, logo = (page.locator(s).evaluate("e => getComputedStyle(e).backgroundColor")
                        for s in (".govuk-generic-header", ".bulletin-header__logo"))
        assert header != HEADER_BLACK and logo == HEADER_BLACK
        _shoot(page, "home-forced-colours")
        pixels = png_pixels(page.locator(".bulletin-header__logo").screenshot())
        colours = {pixel[:3] for row in pixels for pixel in row}
        assert (11, 12, 12) in colours and (255, 255, 255) in colours
    finally:
        context.close()
