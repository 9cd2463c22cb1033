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
from .blobs import Stored
from .cache import Memo
from .errors import Problem, error
from .markdown import LinkRef
from .outputs import Output

# An id attribute: `id="` after a space. Written with the literal first and the space
# looked back for, because re skips ahead quickly to a literal start and tries a
# pattern that begins with \s at every space of the page (six times slower).
_ID = re.compile(r'id="(?<=\sid=")([^"]+)"')


def page_ids(outputs: list[Output], known: Memo | None = None,
             only: set[str] | None = None) -> dict[str, set[str]]:
    """The ids on each HTML page (or on the pages in `only`). `known` (SHA-256 of a
    page's bytes -> its ids) carries them from an earlier build."""
    ids: dict[str, set[str]] = {}
    for o in outputs:
        if o.file.endswith(".html") and (only is None or o.file in only):
            ids[o.file] = _ids_of(o, known) if known is not None else _ids_in(o.data)
    return ids


def _ids_of(output: Output, known: Memo) -> set[str]:
    body = output.body
    sha = body.sha if isinstance(body, Stored) else hashlib.sha256(body).hexdigest()
    found = known.get(sha)
    if found is None:
        found = _ids_in(output.data)
        known.put(sha, found)
    return found


def _ids_in(html: bytes) -> set[str]:
    return {unescape(m) for m in _ID.findall(html.decode("utf-8", "replace"))}


def check_content_links(links: list[LinkRef], outputs: list[Output], extra_files: set[str],
                        known_ids: Memo | None = None) -> list[Problem]:
    resolved = [_resolve(link) for link in links]
    # Only pages some link points into need their ids: reading every page for them
    # (a site of 10,000 entries has 400 MB of HTML) would cost more than the rest.
    ids = page_ids(outputs, known_ids, only={file for _, _, fragment, file in resolved
                                             if fragment})
    files = {o.file for o in outputs} | extra_files
    problems = []
    for link, target, fragment, file in resolved:
        if file not in files:
            problems.append(error(link.path, link.line, f"the link '{link.text}' leads to "
                                  f"{target}, which is not a page of this site; check the address."))
        elif fragment and fragment not in ids.get(file, set()):
            problems.append(error(link.path, link.line, f"the link '{link.text}' points to "
                                  f"'#{fragment}', which is not a heading or anchor on {target}."))
    return problems


def _resolve(link: LinkRef) -> tuple[LinkRef, str, str, str]:
    """(link, address, #fragment, the output file the address names)."""
    target, _, fragment = link.url.partition("#")
    return link, target, fragment, urls.file_of(target)
