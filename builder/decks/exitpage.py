"""GOV.UK's "Exit this page" in a deck that shows a sensitive theme's words.

A month's deck has it when a theme it shows has `exit_this_page: true`
(themes.yaml), as the site's pages do; a hand-written deck when its front
matter says `exit_this_page: true`. Such a deck's folder holds GOV.UK
Frontend's own scripts for the component and its button, at their paths in
the npm package: its UMD bundles, plain scripts, which a browser runs from a
USB stick or one emailed file, where the site's JavaScript module would not
run. And the stylesheet `assets/scss/deck-exit.scss` compiles to, which says
where a deck shows the button and where it does not (full screen, print).
`templates/decks/deck.html` draws the button and starts the scripts.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable

from .model import DeckOptions, FileCopy
from .revealjs import file_stamp

PACKAGE = "govuk-frontend"
# The component, and the button it is drawn with: Space presses it, as it does a button.
COMPONENTS = ("exit-this-page", "button")
SCRIPTS = tuple(f"{PACKAGE}/dist/govuk/components/{name}/{name}.bundle.js" for name in COMPONENTS)
STYLESHEET = "bulletin-exit-this-page.css"

# The compiled stylesheet, asked for only when a deck has the button (it runs Sass).
Stylesheet = Callable[[], bytes]


def exit_stylesheets(options: DeckOptions) -> tuple[str, ...]:
    return (STYLESHEET,) if options.exit_this_page else ()


def exit_scripts(options: DeckOptions) -> tuple[str, ...]:
    return SCRIPTS if options.exit_this_page else ()


def exit_files(options: DeckOptions, node_modules: Path, css: Stylesheet) -> tuple[FileCopy, ...]:
    """The files the button needs in the deck's folder; none for a deck without it."""
    if not options.exit_this_page:
        return ()
    # The stylesheet first: compiling it says so if Sass or GOV.UK Frontend is missing.
    stylesheet = FileCopy(STYLESHEET, data=css())
    scripts = [FileCopy(path, data=_script(node_modules / path)) for path in SCRIPTS]
    return (*scripts, stylesheet)


def _script(path: Path) -> bytes:
    return _stripped(path, file_stamp(path))


# Read once for every deck that has the button, as reveal.js's files are (revealjs.py).
@functools.lru_cache(maxsize=2 * len(SCRIPTS))
def _stripped(path: Path, stamp: tuple[int, int]) -> bytes:
    # Here, not at the top: the site's asset tools (Sass among them) cost a deck built
    # on its own a tenth of its time to import, and most decks have no button.
    from ..assets import without_source_map
    from ..sass import read_bytes
    return without_source_map(read_bytes(path))
