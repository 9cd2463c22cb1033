"""A month's deck's own copies of the site's images that its slides and notes show.

An update's image is written from content/images/ and shown by its site address
(`/images/map.png`), which the site's pages make relative. In the deck's folder
that was `../../images/map.png`: right in the site, but broken once the folder
is copied to a USB stick, opened from `_static/`, made one file or printed as
a handout (an editor's and a councillor's officer's trial). So the deck
carries a copy of each such image in a folder of its own, and shows that.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from html import unescape
from pathlib import Path
from urllib.parse import unquote

from .model import FileCopy, Slide

FOLDER = "site-images/"   # apart from the files of content/decks/ a deck may copy
# A src that is a site address under /images/ (a page's links are not images).
_SITE_IMAGE = re.compile(r'(\ssrc=")/images/([^"#?]+)"')


def own_images(stacks: list[tuple[Slide, ...]], root: Path, images: frozenset[str]
               ) -> tuple[list[tuple[Slide, ...]], tuple[FileCopy, ...]]:
    """The slides showing their own copies of the site's images, and those copies (read
    from the site at `root`). Only a file of `images` (the content's, "content/images/x.png")
    is carried: any other address is left as written, for the link check to report, as
    a copy of it would be a file missing or one outside content/images/."""
    found: dict[str, FileCopy] = {}

    def own(match: re.Match) -> str:
        name = posixpath.normpath(unquote(unescape(match.group(2))))
        if f"content/images/{name}" not in images:
            return match.group(0)
        found.setdefault(name, FileCopy(FOLDER + name, root / "content/images" / name))
        return f'{match.group(1)}{FOLDER}{match.group(2)}"'

    def carried(slide: Slide) -> Slide:
        # most slides show none: they are kept as they are, not copied (16,000 at 10,000 entries)
        if "/images/" not in slide.html and "/images/" not in (slide.notes or ""):
            return slide
        return replace(slide, html=_SITE_IMAGE.sub(own, slide.html),
                       notes=_SITE_IMAGE.sub(own, slide.notes) if slide.notes else slide.notes)

    kept = [tuple(carried(slide) for slide in stack) for stack in stacks]
    return kept, tuple(found.values())
