"""A month's deck carried away from the site: its links to the site's pages made addresses.

In the site, and in the deck's folder, a link to another page is relative
(`../../glossary/index.html`), so the site browses offline from its folder. A
single file or a PDF is carried to the chamber on a USB stick, where the
same link leads nowhere: there each becomes the page's address on the
published site (`https://www.council.gov.uk/bulletin/glossary/`). Without a
published address (base_url still an example) the links are left as they
are, counted for the warning, and the feed's `<link>` is left out, as it
could lead nowhere.

Only `href` in `<a>`, `<area>` and `<link>` tags is read, never the text of
a `<script>`, `<style>` or comment, where the same letters are code.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import unquote, urljoin, urlsplit

from ..baseurl import MEANT, is_example_address, published_base
from ..errors import Problem, warning

_UNTOUCHED = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
# with the line's start before it, so a tag left out takes its line with it
_TAG = re.compile(r"""(?:\n[ \t]*)?<(a|area|link)\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
_HREF = re.compile(r"""(\shref\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_FEED = re.compile(r"""\srel\s*=\s*["']?alternate\b""", re.I)


@dataclass(frozen=True)
class Carried:
    """A deck's folder as a single file or a PDF is made from it."""

    files: dict[str, bytes]
    site_pages: tuple[str, ...]   # where its links to the site go: "/glossary/", in page order


def carry_away(files: dict[str, bytes], folder: str, base_url: object, shown: str, line: int
               ) -> tuple[dict[str, bytes], list[Problem]]:
    """The deck's folder (published at `folder`) as a single file or a PDF is made from it,
    which is opened away from the site: its links to the site's pages are addresses on the
    published site, and, while `base_url` (as site.yaml has it, `shown` as messages name
    that file, at `line`) is no such address, a warning that they lead nowhere."""
    published = published_base(base_url) if isinstance(base_url, str) else None
    carried = carry_links(files, folder, published)
    if published or not carried.site_pages:
        return carried.files, []
    count = len(carried.site_pages)
    named = ", ".join(carried.site_pages[:3]) + (f" and {count - 3} more" if count > 3 else "")
    return carried.files, [warning(
        shown, line,
        f"{count} link{'s' if count > 1 else ''} in the deck to the site's pages ({named}) "
        f"will not work outside the site until base_url is set: {_unset(base_url, shown)}; "
        f"write the address the site is published at, like '{MEANT}', and they go there.")]


def _unset(base_url: object, shown: str) -> str:
    """What is wrong with `base_url`: a deck made on its own reads site.yaml as it is, where
    the build would have stopped at a missing one or one that is no full address."""
    if base_url is None or isinstance(base_url, str) and not base_url.strip():
        return f"{shown} has no base_url"
    if isinstance(base_url, str) and is_example_address(base_url):
        return f"{shown} still has the example address {base_url}"
    return f"{shown} has '{base_url}', which is not a full address"


def carry_links(files: dict[str, bytes], folder: str, base_url: str | None) -> Carried:
    """`files` (the deck's folder, published at `folder` like "decks/2026-02/") with the
    links of its index.html to the site's pages made addresses under `base_url`, or, with
    None, left relative and only the feed's `<link>` taken out."""
    html, pages = site_links_absolute(files["index.html"].decode("utf-8"), files, folder,
                                      base_url)
    return Carried({**files, "index.html": html.encode("utf-8")}, pages)


def site_links_absolute(html: str, files: dict[str, bytes], folder: str, base_url: str | None
                        ) -> tuple[str, tuple[str, ...]]:
    """`html` with each link out of the deck's own `files` made absolute (see carry_links),
    and where on the site its `<a>` and `<area>` links go ("/glossary/"), each once."""
    pages: dict[str, None] = {}   # ordered, for a deterministic message

    def tag(match: re.Match) -> str:
        link = match.group(1).lower() == "link"
        href = _href(match.group(0))
        if (href is None or not leads_to_site(href, files)
                or link and not _FEED.search(match.group(0))):   # a stylesheet is the deck's
            return match.group(0)
        if not link:
            pages.setdefault(published_address(href, folder, "/"))
        if base_url is not None:
            return _with_href(match.group(0), published_address(href, folder, base_url))
        return "" if link else match.group(0)

    kept, at = [], 0
    for code in _UNTOUCHED.finditer(html):
        kept += [_TAG.sub(tag, html[at:code.start()]), code.group(0)]
        at = code.end()
    return "".join(kept) + _TAG.sub(tag, html[at:]), tuple(pages)


def leads_to_site(href: str, files: dict[str, bytes]) -> bool:
    """A relative or root-relative link to none of the deck's own files (those the single
    file inlines): an anchor on the slide, another host, mailto: and data: are not."""
    if not href or href.startswith(("#", "//")) or urlsplit(href).scheme:
        return False
    own = _own_file(href)
    return own != "." and own not in files   # ".": the deck itself ("?print-pdf", "./")


def published_address(href: str, folder: str, base_url: str) -> str:
    """Where `href`, written in the page at `folder`, is on the site published at
    `base_url`; a folder's index.html as the folder, as the site's canonical links are."""
    address = urljoin(base_url + folder, href)
    parts = urlsplit(address)
    if parts.path.endswith("/index.html"):
        address = parts._replace(path=parts.path.removesuffix("index.html")).geturl()
    return address


def _own_file(href: str) -> str:
    """The deck's file `href` names, as `files` names it: "caf%C3%A9.pdf" is "café.pdf"."""
    return posixpath.normpath(unquote(href.split("#", 1)[0].split("?", 1)[0]) or ".")


def _href(tag: str) -> str | None:
    found = _HREF.search(tag)
    if found is None:
        return None
    return unescape(next(v for v in found.group(2, 3, 4) if v is not None)).strip()


def _with_href(tag: str, address: str) -> str:
    found = _HREF.search(tag)
    return f'{tag[:found.start()]}{found.group(1)}"{escape(address)}"{tag[found.end():]}'

