"""builder.decks.brand: the site's logo in the deck generated for each
month.

An adopting council's trial: its monthly decks were plain reveal.js, white with blue
arrows, beside a site in its own colours with its logo in the header."""
from __future__ import annotations

import pytest
from conftest import make_council

from .test_deck_monthly import generate, title_slide

LOGO = '<p class="deck-logo"><img src="_files/assets/images/westshire.svg" alt="{}"></p>'


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
