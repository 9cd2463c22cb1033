"""Generated decks whose pages are drawn the moment the decks are made.

A month's deck is its slides: the entries' whole HTML again as notes, split
into sub-items and key points, and each slide's own HTML. At 10,000 entries the
400 generated decks were 160 MB held from the decks stage to the end of the
build, and copied once more into the worker that the pages stage forks. The
site build with its pages spilled to disk (`blobs.Spill`) instead draws each
deck's page where the deck is made, in the worker that made it, stores it, and
keeps a `DrawnDeck`: what the listings read of the deck, and where its page is.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from .model import Deck
from .summary import DeckSummary, ShowsSummary, summarise

# A deck -> its page, stored (`decks.site.PageDrawer`)
Draw = Callable[[Deck], Any]


@dataclass(frozen=True)
class DrawnDeck(ShowsSummary):
    """A generated deck known by its summary, with its page already drawn and stored."""

    summary: DeckSummary
    page: Any   # the deck's page, an `outputs.Output` whose body is a `blobs.Stored`


def drawn(deck: Deck, draw: Draw | None) -> Deck | DrawnDeck:
    """`deck` with its page drawn, when there is a `draw`; as it is otherwise."""
    return DrawnDeck(summarise(deck), draw(deck)) if draw is not None else deck


def made_from(deck: Deck | DrawnDeck, key: str) -> Deck | DrawnDeck:
    """`deck` named by the digest of its inputs (`Deck.made_from`)."""
    if isinstance(deck, DrawnDeck):
        return DrawnDeck(replace(deck.summary, made_from=key), deck.page)
    return replace(deck, made_from=key)
