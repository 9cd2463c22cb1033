"""Checks that every internal link and #fragment on the site leads somewhere.

Content links are reported against the Markdown line that wrote them; a
broken link made by a template is reported against the page, as it is a
template mistake.
"""
from __future__ import annotations

import hashlib
import re
from html import unescape

from . import urls
from .assets import AssetBundle
from .blobs import Stored
from .cache import BuildCache, Memo
from .errors import Problem, error
from .fragments import Fragments
from .linkhints import Meant, missing_heading, missing_page
from .markdown import LinkRef
from .model import Content
from .outputs import Output

# An id attribute: `id="` after a space. Written with the literal first and the space
# looked back for, because re skips ahead quickly to a literal start and tries a
# pattern that begins with \s at every space of the page (six times slower).
_ID = re.compile(r'id="(?<=\sid=")([^"]+)"')


def check_links(fragments: Fragments, outputs: list[Output], assets: AssetBundle,
                content: Content, cache: BuildCache | None = None) -> list[Problem]:
    """Every link the content makes (the footer's in site.yaml too), followed on the
    site's pages and files."""
    return check_content_links(list(fragments.links), outputs,
                               files_besides_pages(assets, content),
                               cache.page_ids if cache is not None else None,
                               Meant(fragments, content))


def headings(fragments: Fragments) -> set[str]:
    """The id of every heading the content's Markdown has (each names its page's part)."""
    return {anchor for fragment in fragments.every() for anchor in fragment.anchors}


def files_besides_pages(assets: AssetBundle, content: Content) -> set[str]:
    """The files a link may name besides the pages: the styles, scripts and images."""
    return {a.path for a in assets.files} | {i.removeprefix("content/") for i in content.images}


def targets(links: tuple[LinkRef, ...]) -> frozenset[str]:
    """The files of the pages `links` point into with a #fragment: the link check needs
    their ids, and only theirs."""
    return frozenset(urls.file_of(link.url.partition("#")[0]) for link in links
                     if "#" in link.url)


def page_ids(outputs: list[Output], known: Memo | None = None,
             only: set[str] | None = None) -> dict[str, frozenset[str]]:
    """The ids on each HTML page (or on the pages in `only`): those read as it was drawn
    (`Output.ids`), or read from it now. `known` (SHA-256 of a page's bytes -> its ids)
    carries them from an earlier build."""
    ids: dict[str, frozenset[str]] = {}
    for o in outputs:
        if o.file.endswith(".html") and (only is None or o.file in only):
            ids[o.file] = (o.ids if o.ids is not None else
                           _ids_of(o, known) if known is not None else _ids_in(o.data))
    return ids


def _ids_of(output: Output, known: Memo) -> set[str]:
    body = output.body
    sha = body.sha if isinstance(body, Stored) else hashlib.sha256(body).hexdigest()
    found = known.get(sha)
    if found is None:
        found = _ids_in(output.data)
        known.put(sha, found)
    return found


def _ids_in(html: bytes) -> frozenset[str]:
    return ids_on(html.decode("utf-8", "replace"))


def ids_on(html: str) -> frozenset[str]:
    return frozenset(unescape(m) for m in _ID.findall(html))


def check_content_links(links: list[LinkRef], outputs: list[Output], extra_files: set[str],
                        known_ids: Memo | None = None, meant: Meant | None = None) -> list[Problem]:
    """The links that lead nowhere; `meant` (what the content gives the pages) is what
    their messages offer instead."""
    meant = meant or Meant()
    resolved = [_resolve(link) for link in links]
    # Only pages some link points into need their ids: reading every page for them
    # (a site of 10,000 entries has 400 MB of HTML) would cost more than the rest.
    ids = page_ids(outputs, known_ids, only={file for _, _, fragment, file in resolved
                                             if fragment})
    files = {o.file for o in outputs} | extra_files
    problems = []
    for link, target, fragment, file in resolved:
        if file not in files:
            problems.append(error(link.path, link.line, missing_page(link, target, files, meant)))
        elif fragment and fragment not in ids.get(file, set()):
            problems.append(error(link.path, link.line,
                                  missing_heading(link, target, fragment, ids.get(file, set()),
                                                  meant)))
    return problems


def _resolve(link: LinkRef) -> tuple[LinkRef, str, str, str]:
    """(link, address, #fragment, the output file the address names)."""
    target, _, fragment = link.url.partition("#")
    return link, target, fragment, urls.file_of(target)
