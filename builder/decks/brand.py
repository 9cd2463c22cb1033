"""The site's brand in the deck generated for each month: its logo on the title slide.
Worked out once a build, never per deck: a site has a deck a month (the benchmark's
corpus, 400).

The logo (site.yaml's `logo:`, a file of assets/images/) is drawn on the title slide
above the title, on the black it was drawn for (the site's header is black), and
copied into each deck's folder under _files/, as a file from outside content/decks/
is. Its text alternative is the organisation, unless the title slide already names it
(its title, presenter or role), as in the site's header. Only there: small in a corner
of every slide it cannot be read across a chamber, the corners are the Exit this page
button's and reveal.js's arrows', and it would be one more thing on every printed page.

A hand-written deck does not take it: it keeps the look it was written with, as in
reveal-md.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import TOOL_ROOT
from ..assets import ASSETS_DIR
from ..logo import logo_alt
from ..model import Site
from .files import OUTSIDE
from .model import FileCopy


@dataclass(frozen=True)
class LogoView:
    """The logo as the title slide's template draws it."""

    src: str   # in the deck's folder
    alt: str   # empty where the slide names the organisation already


@dataclass(frozen=True)
class DeckLogo:
    """The site's logo for its monthly decks: the file, where each deck's folder has it,
    and the organisation it shows."""

    source: Path
    src: str
    organisation: str

    def copy(self) -> FileCopy:
        return FileCopy(self.src, self.source)

    def on_title_slide(self, *said: str | None) -> LogoView:
        """The logo on a title slide that says `said` (its title, presenter, role)."""
        return LogoView(self.src, logo_alt(" ".join(s for s in said if s), self.organisation))


def deck_logo(root: Path, site: Site) -> DeckLogo | None:
    """site.yaml's logo, the site's own file or else the tool's (assets are overlaid).
    A logo that names no file is site.yaml's error, reported where it is read."""
    if site.logo is None:
        return None
    for folder in (root, TOOL_ROOT):
        source = folder / ASSETS_DIR / site.logo
        if source.is_file():
            # where a deck's own reference to it goes: files.Collector._out_path
            return DeckLogo(source, f"{OUTSIDE}/{ASSETS_DIR}/{site.logo}", site.organisation)
    return None
