"""builder.decks.brand: the site's logo and brand colour in the deck generated for each
month.

An adopting council's trial: its monthly decks were plain reveal.js, white with blue
arrows, beside a site in its own colours with its logo in the header."""
from __future__ import annotations

import re

import pytest
from conftest import COUNCIL_BRAND, TOOL_ROOT, make_council

from builder.checking import run_check
from builder.decks.brand import deck_style
from builder.decks.page import PLAIN, DeckStyle
from builder.decks.revealjs import theme_background

from .test_deck_monthly import generate, title_slide

NODE_MODULES = TOOL_ROOT / "node_modules"
LOGO = '<p class="deck-logo"><img src="_files/assets/images/westshire.svg" alt="{}"></p>'
BRANDED = re.compile(r"\.reveal \.controls,\s*\.reveal \.progress \{\s*color: (#\w+);")


def deck_css(site, slug: str = "2026-01") -> str:
    return (site.out / "decks" / slug / "bulletin-deck.css").read_text("utf-8")


def test_the_title_slide_shows_the_site_s_logo_named_by_the_organisation(site):
    make_council(site.root)
    (deck,), problems = generate(site)
    assert problems == []
    title = deck.stacks[0][0].html
    assert LOGO.format("Westshire County Council") in title
    assert title.index("deck-logo") < title.index("<h1")
    assert not any("<img" in s.html for stack in deck.stacks[1:] for s in stack)
    [logo] = [f for f in deck.files if f.out == "_files/assets/images/westshire.svg"]
    assert logo.read() == (site.root / "assets/images/westshire.svg").read_bytes()


@pytest.mark.parametrize("decks_yaml", [
    "presenter: Westshire County Council\n",
    "presenter: Cllr A Example\npresenter_role: Leader of westshire county council\n",
])
def test_the_logo_says_nothing_more_where_the_title_slide_names_the_organisation(
        site, decks_yaml):
    """A screen reader would say the organisation twice: once for the logo, once read."""
    make_council(site.root)
    site.write("content/decks.yaml", decks_yaml)
    (deck,), _ = generate(site)
    assert LOGO.format("") in deck.stacks[0][0].html


def test_a_site_without_a_logo_has_a_title_slide_without_one(site):
    (deck,), _ = generate(site)
    assert "<img" not in deck.stacks[0][0].html and "deck-masthead" in deck.stacks[0][0].html


@pytest.mark.parametrize("length, size", [(30, None), (31, "long"), (60, "long"),
                                          (61, "longer")])
def test_beside_the_logo_a_long_title_is_set_smaller_sooner_and_the_logo_is_smaller(
        site, length, size):
    """With the logo, a 90-character title at 2em ran the presenter's line off the foot of
    the slide (measured in Chromium: tests/decks/test_deck_brand_browser.py)."""
    make_council(site.root)
    first = title_slide(site, length)
    assert (f'class="deck-title deck-title--{size}"' in first) if size else "deck-title" not in first
    assert ("deck-masthead--compact" in first) is (size is not None)


def test_the_monthly_decks_take_the_brand_colour_and_hand_written_decks_keep_their_look(site):
    make_council(site.root)
    site.write("content/decks/talk.md", "## Talk\n")
    assert site.build().code == 0
    assert BRANDED.search(deck_css(site))[1] == COUNCIL_BRAND
    assert f"border-top-color: {COUNCIL_BRAND}" in deck_css(site)
    assert COUNCIL_BRAND not in deck_css(site, "talk")


def test_a_brand_that_would_not_stand_out_from_the_theme_is_left_out_with_a_warning(
        site, capsys):
    make_council(site.root)
    site.write("content/decks.yaml", "theme: black\n")
    run = site.build(capsys=capsys)
    assert run.code == 0
    assert ("assets/scss/_settings.scss:22:12: warning: the brand colour #00703c has a "
            "contrast of 2.83:1 with the monthly decks' background (#191919, reveal.js's "
            "black theme)") in run.err
    assert "theme: beige or black-contrast or night" in run.err
    assert not BRANDED.search(deck_css(site)) and COUNCIL_BRAND not in deck_css(site)
    assert "border-top: 10px solid var(--r-link-color)" in deck_css(site)


def test_bulletin_check_warns_of_it_too_without_compiling_the_stylesheet(site):
    make_council(site.root)
    site.write("content/decks.yaml", "theme: black\n")
    warned = [p for p in run_check(site.root).problems if "monthly decks' background" in p.message]
    assert [(p.path, p.line) for p in warned] == [("assets/scss/_settings.scss", 22)]


@pytest.mark.parametrize("compiled, theme, accent, warned", [
    ("#00703c", "white", "#00703c", False),
    ("#00703c", "black", None, True),
    ("#ffdd00", "black", "#ffdd00", False),     # yellow stands out from a dark theme
    ("#ffdd00", "white", None, True),
    ("rgb(0, 112, 60)", "white", None, True),   # not measured, not guessed
    ("#00703c", None, None, False),             # no monthly deck
])
def test_the_accent_is_the_brand_only_where_it_keeps_3_to_1_against_the_slides(
        tmp_path, compiled, theme, accent, warned):
    style, problems = deck_style(tmp_path, compiled, theme, NODE_MODULES)
    assert style == (DeckStyle(accent) if accent else PLAIN)
    assert bool(problems) is warned and all(p.severity.value == "warning" for p in problems)


def test_without_a_compiled_stylesheet_the_brand_is_as_settings_writes_it(tmp_path):
    """bulletin check compiles no Sass: it reads the tool's _settings.scss (GOV.UK blue)."""
    assert deck_style(tmp_path, None, "white", NODE_MODULES) == (DeckStyle("#1d70b8"), [])
    style, [problem] = deck_style(tmp_path, None, "moon", NODE_MODULES)
    assert style == PLAIN and "2.90:1" in problem.message


@pytest.mark.parametrize("theme, background", [("white", "#fff"), ("black", "#191919"),
                                               ("moon", "#002b36"), ("neon", None)])
def test_a_theme_s_background_is_read_from_reveal_js_s_own_stylesheet(theme, background):
    assert theme_background(NODE_MODULES, theme) == background
