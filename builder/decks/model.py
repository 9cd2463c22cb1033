"""What a deck is once read: frozen, and free of anything that renders."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only named in a type: a deck alone never imports the site model
    from ..model import Month

# All 14 themes reveal.js ships in dist/theme/.
THEMES = ("beige", "black", "black-contrast", "blood", "dracula", "league", "moon", "night",
          "serif", "simple", "sky", "solarized", "white", "white-contrast")
# The highlight.js styles reveal.js ships in dist/plugin/highlight/.
HIGHLIGHT_THEMES = ("monokai", "zenburn")


@dataclass(frozen=True)
class DeckOptions:
    """reveal-md's options for one deck, merged from its defaults, the JSON files and front matter."""

    title: str | None
    theme: str                  # a name from THEMES, or a deck-relative path to a .css file
    highlight_theme: str        # a name from HIGHLIGHT_THEMES
    separator: str              # JavaScript regular expressions, as reveal.js reads them
    vertical_separator: str | None
    notes_separator: str
    reveal_options: dict[str, Any]
    css: tuple[str, ...]        # deck-relative paths
    scripts: tuple[str, ...]
    month: Month | None = None  # the issue a deck belongs to (a bulletin extension)
    exit_this_page: bool = False  # GOV.UK's "Exit this page" on it (a bulletin extension)
    draft: bool = False         # made from a draft month: marked so, and not to be indexed
    reviewed: frozenset[str] = frozenset()  # lint kinds its front matter acknowledges (ours)
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> file line


@dataclass(frozen=True)
class Slide:
    """One slide, rendered: its HTML and notes, and what reveal.js needs of it."""

    html: str                              # sanitised, asset URLs as written in the output
    notes: str | None                      # HTML of the speaker notes
    attributes: tuple[tuple[str, str], ...]
    line: int                              # file line where the slide starts
    heading: str | None                    # text of its first heading; None when it has none


@dataclass(frozen=True)
class FileCopy:
    """A file a deck uses, and where it goes in the deck's folder."""

    out: str                    # relative to the deck folder, forward slashes
    source: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else self.source.read_bytes()  # type: ignore[union-attr]


@dataclass(frozen=True)
class Deck:
    """A deck ready to write: its slides in stacks, options and the files it uses."""

    slug: str                   # its folder: site/decks/<slug>/
    title: str
    source: str                 # the file it came from, for messages and listings
    options: DeckOptions
    stacks: tuple[tuple[Slide, ...], ...]
    files: tuple[FileCopy, ...] = ()
    generated: bool = False
    description: str = ""
    # A digest naming everything the deck was made from, when that is known (a
    # generated deck's cache key), so a later build can reuse its rendered page.
    made_from: str = field(default="", compare=False)

    @property
    def slide_count(self) -> int:
        return sum(len(stack) for stack in self.stacks)

    # Read for a deck's summary and again for its reveal.js files, and a month's slides
    # and notes hold every entry's HTML twice over.
    @cached_property
    def has_code(self) -> bool:
        return any("<pre" in s.html or "<pre" in (s.notes or "") for st in self.stacks for s in st)
