"""The site's brand in the deck generated for each month: its logo on the title slide,
its brand colour as the decks' accent. Worked out once a build, never per deck: a
site has a deck a month (the benchmark's corpus, 400).

* The logo (site.yaml's `logo:`, a file of assets/images/) is drawn on the title
  slide above the title, on the black it was drawn for (the site's header is black),
  and copied into each deck's folder under _files/, as a file from outside
  content/decks/ is. Its text alternative is the organisation, unless the title
  slide already names it (its title, presenter or role), as in the site's header.
  Only there: small in a corner of every slide it cannot be read across a chamber,
  the corners are the Exit this page button's and reveal.js's arrows', and it would
  be one more thing on every printed page.
* The brand colour (the compiled stylesheet's; as `_settings.scss` writes it where the
  stylesheet is not compiled, in `bulletin check`) colours the rule under the title,
  reveal.js's arrows and its progress bar. No text is written in it or on it, so what
  it must keep is non-text's 3:1 against the slides' background (WCAG 2.2, 1.4.11),
  the theme's: below that the decks keep the theme's own colours, with a warning.

A hand-written deck takes neither: it keeps the look it was written with, as in
reveal-md; it may name the site's deck stylesheet under css: itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import TOOL_ROOT
from ..assets import ASSETS_DIR
from ..errors import Problem, warning
from ..logo import logo_alt
from ..model import Site
from ..overrides import SETTINGS, contrast, written_brand
from .files import OUTSIDE
from .model import THEMES, FileCopy
from .page import PLAIN, DeckStyle
from .revealjs import theme_background

NON_TEXT = 3.0   # WCAG 2.2 1.4.11: a control or a graphic against what is beside it
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


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


def deck_style(root: Path, compiled: str | None, theme: str | None,
               node_modules: Path) -> tuple[DeckStyle, list[Problem]]:
    """The monthly decks' accent: the brand colour where it keeps 3:1 against the slides'
    background of `theme` (theirs; None: there are none), and the warning where not."""
    written = written_brand(root, TOOL_ROOT)
    brand = compiled or (written[0] if written else None)
    background = theme_background(node_modules, theme) if theme else None
    if brand is None or background is None:
        return PLAIN, []   # no deck, or nothing to measure: reveal.js is not installed
    path, line, col = written[1:] if written else (SETTINGS, 0, 0)
    if not _HEX.fullmatch(brand):
        return PLAIN, [warning(path, line, f"the brand colour '{brand}' is not a #hex colour "
                               "whose contrast can be measured, so the monthly decks keep their "
                               "theme's colours; write it as #rrggbb.", col)]
    ratio = contrast(brand, background)
    if ratio >= NON_TEXT:
        return DeckStyle(brand), []
    return PLAIN, [warning(path, line, f"the brand colour {brand} has a contrast of "
                           f"{ratio:.2f}:1 with the monthly decks' background ({background}, "
                           f"reveal.js's {theme} theme), below the 3:1 their arrows, progress "
                           "bar and title rule need (WCAG 2.2, 1.4.11), so they keep the "
                           "theme's own colour. For the brand there, choose a theme it stands "
                           "out from in content/decks.yaml "
                           f"({_themes_against(brand, node_modules)}), or another brand colour.",
                           col)]


def _themes_against(brand: str, node_modules: Path) -> str:
    """The themes whose background the brand keeps 3:1 against, said as a choice."""
    fit = [t for t in THEMES if contrast(brand, theme_background(node_modules, t) or brand)
           >= NON_TEXT]
    return f"theme: {' or '.join(fit)}" if fit else "no theme of reveal.js's suits it"


def generated_theme(decks) -> str | None:
    """The theme of the site's monthly decks (decks.yaml's), if it has any."""
    return next((deck.options.theme for deck in decks if deck.generated), None)
