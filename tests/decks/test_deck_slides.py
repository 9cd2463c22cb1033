"""builder.decks.slides: a slide's Markdown rendered with the deck's rules."""
from __future__ import annotations

from .decksupport import deck_from

FOOTNOTED = "## Slide A\n\nClaim[^1]\n\n[^1]: Source: ONS 2025.\n\n---\n\n## Slide B\n"


def test_a_slides_footnotes_are_its_footer_not_a_section_reveal_js_takes_for_a_slide(tmp_path):
    """markdown-it's <section class="footnotes"> inside the slide's <section> was a slide
    below it to reveal.js: the heading pushed up, the footnote on a slide (and a PDF page)
    of its own (a reveal-md user's trial)."""
    deck, problems = deck_from(tmp_path, FOOTNOTED)
    assert problems == []
    first = deck.stacks[0][0].html
    assert "<section" not in first
    assert '<footer class="footnotes">' in first and "Source: ONS 2025." in first
    assert first.index("Claim") < first.index("<footer") and first.rstrip().endswith("</footer>")
    assert [len(stack) for stack in deck.stacks] == [1, 1]
    assert "govuk" not in first   # a deck has none of the pages' GOV.UK styles
