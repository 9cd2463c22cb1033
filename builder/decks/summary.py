"""A deck without its slides: what the build cache keeps of a generated deck.

Apart from `model` because only the site's generated decks are cached: a deck built
on its own (`bulletin deck`) would otherwise make this dataclass as it starts.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from .model import Deck, DeckOptions, FileCopy


@dataclass(frozen=True)
class DeckSummary:
    """Everything about a deck but its slides: what the site's listings and the deck's
    folder need when an earlier build's page of it is reused. The build cache keeps
    generated decks as this, a few hundred bytes each, not as their slides."""

    slug: str
    title: str
    source: str
    options: DeckOptions
    files: tuple[FileCopy, ...]
    generated: bool
    description: str
    made_from: str
    slide_count: int
    has_code: bool


def summarise(deck: Deck) -> DeckSummary:
    # by name, so that a field added to both is carried over without a second list
    return DeckSummary(**{f.name: getattr(deck, f.name) for f in fields(DeckSummary)})


class ShowsSummary:
    """A stand-in for a `Deck` that carries its `summary` (`monthly.KeptDeck`,
    `drawn.DrawnDeck`): what the listings and the deck's folder read is the summary's."""

    summary: DeckSummary

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):   # copy and pickle look for these: not the summary's
            raise AttributeError(name)
        return getattr(self.summary, name)
