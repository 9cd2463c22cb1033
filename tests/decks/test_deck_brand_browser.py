"""An adopting council's monthly deck in Chromium, with its logo, brand colour and deck
stylesheet (decks.yaml's css:): axe-core on every slide, the logo and colours as a
person sees them, clear of Exit this page, from disk and as one file with the network
off. Screenshots for a person to look at: /tmp/bulletin-shots/deck-council-*.png."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, make_council

from builder import cli
from builder.decks.single import single_file

from .test_deck_browser import axe_violations, ready

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/bulletin-shots")
GREEN = "rgb(0, 112, 60)"       # the council's brand, tests/conftest.py's COUNCIL_BRAND
BLACK = "rgb(11, 12, 12)"       # the site's header, which the logo was drawn for
UNDERLINE = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 2">'
             '<rect width="30" height="2" fill="#00703c"/></svg>\n')
STYLE = """/* Westshire's deck style: its own heading face, and its underline under each heading */
.reveal h2 {
  font-family: Arial, sans-serif;
  padding-bottom: 0.3em;
  background: url("images/underline.svg") bottom center / 3em 0.1em no-repeat;
}
"""
COLOURS = """() => [
  getComputedStyle(document.querySelector('.reveal .controls .navigate-right')).color,
  getComputedStyle(document.querySelector('.reveal .progress')).color,
  getComputedStyle(document.querySelector('.reveal .deck-masthead'), '::after').borderTopColor]"""
LOGO_SHOWN = "i => i.complete && i.naturalWidth > 0 && getComputedStyle(i).backgroundColor"


def council(root: Path, decks_yaml: str) -> Path:
    make_council(shutil.copytree(FIXTURES / "minimal", root))
    (root / "content/decks.yaml").write_text(decks_yaml, "utf-8")
    (root / "content/decks/images").mkdir(parents=True)
    (root / "content/decks/images/underline.svg").write_text(UNDERLINE, "utf-8")
    (root / "content/decks/westshire.css").write_text(STYLE, "utf-8")
    return root


@pytest.fixture(scope="module")
def deck(tmp_path_factory, sass_cache) -> Path:
    """The council's deck of January 2026 (it shows Hate Crime: Exit this page)."""
    root = council(tmp_path_factory.mktemp("branded") / "council",
                   "presenter: Cllr Ann Example\ncss: [westshire.css]\n")
    shutil.copytree(sass_cache, root / ".cache")
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / "site/decks/2026-01"


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"deck-council-{name}.png"))


def test_no_axe_violations_on_any_slide_of_the_branded_deck(browser, deck):
    page = browser.new_context(reduced_motion="reduce").new_page()
    ready(page, (deck / "index.html").as_uri())
    assert page.locator(".deck-logo img").count() == 1   # the deck is the branded one
    where = page.evaluate("Reveal.getSlides().map(s => Reveal.getIndices(s))")
    for indices in where:
        page.evaluate(f"Reveal.slide({indices['h']}, {indices.get('v') or 0})")
        assert axe_violations(page) == [], indices
    page.context.close()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)], ids=["laptop", "projector"])
def test_the_title_slide_shows_the_logo_on_black_clear_of_exit_this_page(browser, deck, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    ready(page, (deck / "index.html").as_uri())
    logo = page.get_by_role("img", name="Westshire County Council", exact=True)
    assert logo.evaluate(LOGO_SHOWN) == BLACK
    box = logo.bounding_box()
    button = page.locator(".deck-exit .govuk-exit-this-page__button").bounding_box()
    assert box["y"] > button["y"] + button["height"] or box["x"] + box["width"] < button["x"]
    assert box["height"] >= 0.1 * size[1] * 0.9, box   # a tenth of the screen: read from afar
    shoot(page, f"title-{size[0]}")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(900)   # the slide transition
    shoot(page, f"agenda-{size[0]}")
    page.close()


def test_the_arrows_progress_bar_and_title_rule_are_the_brand_colour(page, deck):
    ready(page, (deck / "index.html").as_uri())
    assert page.evaluate(COLOURS) == [GREEN] * 3


def test_from_disk_every_file_the_deck_names_loads_and_nothing_from_elsewhere(page, deck):
    """The council's logo in its deck.css was a request for a file no deck folder held."""
    requested, failed = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    ready(page, (deck / "index.html").as_uri())
    page.evaluate("Reveal.slide(1)")
    assert page.evaluate("getComputedStyle(document.querySelector('.reveal .present h2'))"
                         ".backgroundImage").endswith('images/underline.svg")')
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert {u for u in requested if not u.startswith("data:")} >= {
        (deck / "_files/assets/images/westshire.svg").as_uri(),
        (deck / "images/underline.svg").as_uri(), (deck / "westshire.css").as_uri()}
    assert all(u.startswith(deck.as_uri()) or u.startswith("data:") for u in requested)


def test_the_branded_deck_as_one_file_presents_with_the_network_off(browser, deck, tmp_path):
    files = {p.relative_to(deck).as_posix(): p.read_bytes() for p in deck.rglob("*")
             if p.is_file()}
    single = tmp_path / "2026-01.html"
    single.write_bytes(single_file(files))
    context = browser.new_context(offline=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url == single.as_uri()
                  else route.abort())
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    ready(page, single.as_uri())
    logo = page.get_by_role("img", name="Westshire County Council", exact=True)
    assert logo.evaluate(LOGO_SHOWN) == BLACK
    assert logo.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert page.evaluate(COLOURS) == [GREEN] * 3
    page.evaluate("Reveal.slide(1)")
    assert "data:image/svg+xml;base64," in page.evaluate(
        "getComputedStyle(document.querySelector('.reveal .present h2')).backgroundImage")
    assert [u for u in requested if not u.startswith("data:")] == [single.as_uri()]
    context.close()


def test_the_title_slide_with_a_logo_a_presenter_and_a_role_fits_at_1024x768(
        browser, tmp_path, sass_cache):
    """With the logo above it, a 90-character title at 2em ran the presenter's line off the
    foot of the slide; a long title beside a logo is set smaller sooner, the logo smaller."""
    root = council(tmp_path / "council", "presenter: Cllr Ann Example\n"
                                         "presenter_role: Executive Member for Community Safety\n")
    shutil.copytree(sass_cache, root / ".cache")
    issue = root / "content/bulletins/2026-01/issue.yaml"
    written = issue.read_text("utf-8")
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    heights = {}
    for length in (30, 31, 60, 61, 90, 196):
        title = ("Community safety across the county " * 10)[:length].strip()
        issue.write_text(written.replace("title: Monthly Update", f"title: {title}"), "utf-8")
        assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
        ready(page, (root / "site/decks/2026-01/index.html").as_uri())
        assert page.locator(".deck-logo img").count() == 1
        heights[length] = page.evaluate("Reveal.getCurrentSlide().scrollHeight")
        shoot(page, f"title-{length}-characters")
    page.close()
    assert all(height <= 700 for height in heights.values()), heights
