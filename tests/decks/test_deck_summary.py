"""builder.decks.summary: what the build cache keeps of a generated deck."""
from __future__ import annotations

from dataclasses import fields

from builder.decks.model import Deck, DeckOptions, FileCopy, Slide
from builder.decks.summary import DeckSummary, summarise

OPTIONS = DeckOptions(title="Talk", theme="night", highlight_theme="zenburn", separator="^---$",
                      vertical_separator=None, notes_separator="^Note:", reveal_options={},
                      css=(), scripts=())


def test_a_summary_is_the_deck_but_its_slides():
    slide = Slide("<h2>One</h2><pre>x</pre>", "<p>notes</p>", (), 5, "One")
    deck = Deck("2026-02", "February", "generated", OPTIONS, ((slide,), (slide, slide)),
                (FileCopy("a.png", data=b"a"),), generated=True, description="3 slides",
                made_from="key")
    summary = summarise(deck)
    assert summary == DeckSummary("2026-02", "February", "generated", OPTIONS,
                                  (FileCopy("a.png", data=b"a"),), True, "3 slides", "key", 3,
                                  True)
    assert {f.name for f in fields(DeckSummary)} - {f.name for f in fields(Deck)} == {
        "slide_count", "has_code"}
