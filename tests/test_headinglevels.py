"""builder.headinglevels: a heading more than one level below the one before it, on a page.

Each text is rendered by both writers (`rustmarkdown`'s fast one, and markdown-it-py,
which a flavour that declines every text sends it to), as the rule hears of headings
from each; a deck's flavour is not checked.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from builder.decks.slides import DECK
from builder.headinglevels import Heading, skipped_level
from builder.markdown import PAGE, render
from builder.model import Markdown, Origin

PATH = "content/bulletins/2026-03/hate-crime.md"
BODY_LINE = 4   # below '---', 'rag: green', '---'
WRITERS = {"fast": PAGE, "markdown-it-py": replace(PAGE, declines=lambda text: True)}
WHY = "(screen readers list headings by level, and a skipped one reads as a missing section)."


def _keep(url: str, source: str):
    return url, None


@pytest.fixture(params=list(WRITERS))
def said(request):
    """The messages for a theme's text (shifted under the theme's title), or a page's."""
    def said(text: str, *, shift: int = 1, path: str = PATH) -> list[str]:
        fragment = render(Markdown(text, Origin(path, BODY_LINE)), _keep, heading_shift=shift,
                          flavour=WRITERS[request.param])
        return [str(p) for p in fragment.problems]
    return said


def test_a_heading_two_levels_under_the_one_before_is_a_warning_giving_the_level(said):
    assert said("Intro.\n\n## Schools training\n\nText.\n\n#### Primary schools\n") == [
        f"{PATH}:10:1: warning: '#### Primary schools' skips a level: it comes under "
        f"'## Schools training', so write '### Primary schools' {WHY}"]


def test_a_first_heading_of_three_hashes_is_told_to_start_at_two(said):
    assert said("### Serious Violence Duty\n\nText.\n") == [
        f"{PATH}:4:1: warning: '### Serious Violence Duty' skips a level: it is the first "
        f"heading, straight under the theme's title, so write '## Serious Violence Duty' {WHY}"]
    page = "content/pages/about.md"
    assert said("Intro.\n\n### Contact us\n", shift=0, path=page) == [
        f"{page}:6:1: warning: '### Contact us' skips a level: it is the first heading, "
        f"straight under the page's title, so write '## Contact us' {WHY}"]


def test_going_back_up_any_number_of_levels_is_fine(said):
    assert said("## Schools\n\n### Primary\n\n#### Year 6\n\n## Colleges\n\n### Further\n") == []
    assert said("# Own title\n\n## Part\n", shift=0) == []   # a page's '#' is its own


def test_headings_in_fenced_code_are_not_headings(said):
    assert said("## Schools training\n\n```\n#### not a heading\n```\n\n~~~\n### nor this\n~~~\n") == []


def test_the_column_is_the_hashes_in_a_block_quote(said):
    assert said("## Schools\n\n> #### Quoted\n")[0].startswith(f"{PATH}:6:3: warning: '#### Quoted'")


def test_a_hand_written_deck_s_slides_are_not_checked():
    """In content/decks/ '#' and '##' say where a slide starts, not how slides nest."""
    text = "# Title slide\n\n#### Small print\n\n---\n\n### A slide\n"
    fragment = render(Markdown(text, Origin("content/decks/talk.md", 5)), _keep, flavour=DECK)
    assert fragment.problems == ()


def test_the_fix_is_one_level_below_the_heading_before():
    assert skipped_level(Heading(6, "Deep"), Heading(3, "Mid"), True) == (
        f"'###### Deep' skips a level: it comes under '### Mid', so write '#### Deep' {WHY}")
    assert skipped_level(Heading(4, "Next"), Heading(3, "Mid"), True) is None
    assert skipped_level(Heading(2, "First"), None, False) is None
