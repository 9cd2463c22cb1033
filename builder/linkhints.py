"""What an editor meant by a link the link check found broken, said in its message.

Only what the content puts on a page is offered. Every page's frame has ids of its
own (`main-content` for the skip link, the navigation's, the search box's) that
difflib would match a mistyped heading to, and that no editor means.
"""
from __future__ import annotations

import difflib
import posixpath
from functools import cached_property

from . import urls
from .fragments import Fragments
from .markdown import LinkRef
from .missingfiles import into_draft, month_shown_at
from .model import Content, Month
from .texts import joined

# Headings listed when none is near the one written: enough to show what the page
# has and how its anchors look, few enough to keep the message on a screen.
LISTED = 3
# As near as an address must be to be offered: addresses share their slashes and
# folders, so at difflib's 0.6 '/news/' would be offered '/plans/'.
NEAR_ADDRESS = 0.75


class Meant:
    """The ids the content gives the site's pages, gathered only when a link is broken
    (most builds have none, and a large site has tens of thousands)."""

    def __init__(self, fragments: Fragments | None = None, content: Content | None = None):
        self._fragments = fragments
        self._content = content

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """Every id a link may mean, once each, so that headings are listed in the order
        they are written: each entry's section and its headings, every other text's
        headings, the glossary's terms and the plans' priorities."""
        found: dict[str, None] = {}
        if self._fragments is not None:
            for (_, theme), fragment in self._fragments.entries.items():
                found[theme] = None
                found.update(dict.fromkeys(i for i, _ in fragment.headings))
            for fragment in self._fragments.every():
                found.update(dict.fromkeys(i for i, _ in fragment.headings))
        if self._content is not None:
            found.update(dict.fromkeys(t.slug for t in self._content.glossary.terms))
            found.update(dict.fromkeys(urls.priority_id(p.number)
                                       for plan in self._content.plans for p in plan.priorities))
        return tuple(found)

    def draft_month(self, address: str) -> Month | None:
        """The draft month left out of this build whose page or deck `address` is in."""
        return month_shown_at(address, self._content.drafts) if self._content else None

    @cached_property
    def files(self) -> dict[str, str]:
        """The address of each page made from a file of content/pages/, and of each image of
        content/images/ -> that file: the README asks for both to be linked by their file,
        which the build checks as it is written. (The stylesheet's images have no file an
        editor links.)"""
        if self._content is None:
            return {}
        pages = {urls.page(p.slug): p.origin.path for p in self._content.pages}
        return pages | {"/" + i.removeprefix("content/"): i for i in self._content.images}


def missing_page(link: LinkRef, target: str, files: set[str], meant: Meant) -> str:
    """Offers the page (or image) of the site nearest to a site address that names none,
    written as the editor should write it: by its file, where it is made from one."""
    what = urls.noun(target)
    draft = meant.draft_month(target)
    if draft is not None:   # it was 'did you mean' the month before
        return into_draft(what, link.text, draft)
    start = (f"the {what} '{link.text}' leads to {target}, which is not "
             f"{'a file' if what == 'image' else 'a page'} of this site")
    near = _nearest_address(target, files, what)
    if near is None:
        return f"{start}; check the address."
    fragment = "#" + link.text.partition("#")[2] if "#" in link.text else ""
    hint = f"{start}; did you mean '{near}{fragment}'?"
    source = meant.files.get(near)
    if source is None:
        return hint
    written = posixpath.relpath(source, posixpath.dirname(link.path)) + fragment
    return (f"{hint} Better, link the {'image' if what == 'image' else 'page'} by its file, "
            f"counted from this file's folder: '{written}'.")


def _nearest_address(target: str, files: set[str], what: str) -> str | None:
    """The site address most like `target`: of a page, or for an image of an image."""
    if what == "image":
        addresses = ["/" + f for f in files if urls.noun(f) == "image"]
    else:
        addresses = ["/" + f.removesuffix("index.html") for f in files if f.endswith("index.html")]
    near = difflib.get_close_matches(target, addresses, n=1, cutoff=NEAR_ADDRESS)
    return near[0] if near else None


def missing_heading(link: LinkRef, target: str, fragment: str, on_page: set[str],
                    meant: Meant) -> str:
    """Names the heading, and the file or page it is missing from, as the editor wrote
    them, not as the page has them (an entry's section is on its month's page, and its
    headings' ids carry its theme and month); offers the nearest heading there is, or
    lists a few, written as the link would be."""
    place, _, written = link.text.partition("#")
    if not written:   # a theme file's link, to its section: the id is the resolver's
        place, written = "", fragment
    prefix = fragment[:-len(written)] if fragment.endswith(written) else ""
    headings = [i[len(prefix):] for i in meant.ids if i in on_page and i.startswith(prefix)]
    # a file is named as written: its page may show others too (a month's every theme)
    where = (f"in {place}" if place and not place.startswith("/") else
             "in this file" if link.text.startswith("#") else f"on {target}")
    return (f"the link '{link.text}' points to '#{written}', which is not a heading {where}; "
            f"{_hint(place, written, headings)}")


def _hint(place: str, written: str, headings: list[str]) -> str:
    near = difflib.get_close_matches(written, headings, n=1, cutoff=0.6)
    if near:
        return f"did you mean '{place}#{near[0]}'?"
    if headings:
        return f"{_listed([f'{place}#{h}' for h in headings])}."
    alone = f"link to '{place}' alone, or add the heading" if place else "add the heading"
    return (f"it has no headings: {alone}; a heading's anchor is its text in lower case, with "
            "hyphens for spaces ('## Who we are' is '#who-we-are').")


def _listed(anchors: list[str]) -> str:
    """The headings, or the first few of many and how many there are."""
    shown = [f"'{a}'" for a in anchors[:LISTED]]
    if len(anchors) == 1:
        return f"its one heading is {shown[0]}"
    words = joined(shown)
    if len(anchors) > LISTED:
        return f"its headings include {words} ({len(anchors)} in all)"
    return f"its headings are {words}"
