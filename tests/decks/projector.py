"""What the browser tests of a month's deck at a projector's size share: a January deck of
the minimal site in a given theme, and a screenshot of one of its slides."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from conftest import FIXTURES

from builder import cli

from .test_deck_browser import ready

SHOTS = Path("/tmp/bulletin-shots")
PROJECTOR = {"width": 1024, "height": 768}
SMALLEST_PX = 24   # on the screen: a deck's body text, read from the back of a chamber


def themed_deck(folder: Path, sass_cache: Path, theme: str,
                write: Callable[[Path], None]) -> Path:
    """January's deck of the minimal site copied into `folder`, in `theme`, after `write`
    has changed its content (it shows Hate Crime: Exit this page, and reveal.js's smaller
    scale beside it)."""
    root = folder / "site"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(sass_cache, root / ".cache")
    (root / "content/decks.yaml").write_text(f"theme: {theme}\n", "utf-8")
    write(root)
    assert cli.main(["build", "--root", str(root), "--no-search"]) == 0
    return root / "site/decks/2026-01/index.html"


def laid_out(browser, url: str, script: str) -> list[dict]:
    """What `script` (run in the deck at a projector's size) says of its slides."""
    page = browser.new_page(viewport=PROJECTOR)
    ready(page, url)
    slides = page.evaluate(script)
    page.close()
    return slides


def shoot(browser, url: str, heading: str, file: str) -> None:
    """A screenshot of the slide headed `heading`, as /tmp/bulletin-shots/`file`."""
    page = browser.new_context(viewport=PROJECTOR, reduced_motion="reduce").new_page()
    ready(page, url)
    page.evaluate("""(heading) => { const s = Reveal.getSlides().find(
        s => s.querySelector('h2')?.textContent === heading);
        const i = Reveal.getIndices(s); Reveal.slide(i.h, i.v || 0); }""", heading)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / file))
    page.context.close()
