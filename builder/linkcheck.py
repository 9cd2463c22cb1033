"""Checks that every internal link and #fragment on the site leads somewhere.

Content links are reported against the Markdown line that wrote them; a
broken link made by a template is reported against the page, as it is a
template mistake.
"""
from __future__ import annotations

import re
from html import unescape

from . import urls
from .errors import Problem, error
from .markdown import LinkRef
from .pages import Output

_ID = re.compile(r'\sid="([^"]+)"')


def page_ids(outputs: list[Output], known: dict[str, tuple[bytes, set[str]]] | None = None,
             only: set[str] | None = None) -> dict[str, set[str]]:
    """The ids on each HTML page (or on the pages in `only`). `known` (file -> (bytes,
    ids)) carries them from an earlier build: reused only for the same bytes (the same
    object, or equal), then refreshed."""
    ids: dict[str, set[str]] = {}
    for o in outputs:
        if not o.file.endswith(".html") or (only is not None and o.file not in only):
            continue
        seen = known.get(o.file) if known is not None else None
        if seen is not None and (seen[0] is o.data or seen[0] == o.data):
            ids[o.file] = seen[1]
            continue
        ids[o.file] = {unescape(m) for m in _ID.findall(o.data.decode("utf-8", "replace"))}
    if known is not None:
        known.clear()
        known.update({o.file: (o.data, ids[o.file]) for o in outputs if o.file in ids})
    return ids


def check_content_links(links: list[LinkRef], outputs: list[Output], extra_files: set[str],
                        known_ids: dict[str, tuple[bytes, set[str]]] | None = None
                        ) -> list[Problem]:
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
