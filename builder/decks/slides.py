"""Each slide's Markdown through the site's one renderer, with the deck allow-list.

A slide becomes sanitised HTML, the attributes its `.slide:` comments give
it, its speaker notes as HTML, and its first heading (the linter and the
hidden headings of the page need it).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import Problem, warning
from ..markdown import Flavour, render
from ..texts import Markdown, Origin
from . import allowlist, dom, gfm
from .comments import apply_comments
from .split import Chunk

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# reveal.js's line highlights in a fence's info string: ```js [1|2-3] or [5: 1,3]. As text,
# compiled (and kept by `re`) at a deck's first code block, not by every deck as it starts.
_LINE_NUMBERS = r"\[\s*((\d*):)?\s*([\s\d,|-]*)\]"
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _extend(md: MarkdownIt) -> None:
    gfm.extend(md)
    default_fence = md.renderer.rules["fence"]

    def fence(self, tokens, idx, options, env):
        token = tokens[idx]
        numbers = re.search(_LINE_NUMBERS, token.info or "")
        if numbers:
            token.attrSet("data-line-numbers", numbers.group(3).strip())
            if numbers.group(2):
                token.attrSet("data-ln-start-from", numbers.group(2).strip())
            token.info = re.sub(_LINE_NUMBERS, "", token.info).strip()
        return default_fence(tokens, idx, options, env)

    md.add_render_rule("fence", fence)
    # A slide's footnotes end it in a <footer>: markdown-it's <section class="footnotes">
    # inside the slide's <section> was taken by reveal.js for a slide below it, pushing the
    # heading up and printing the footnotes on a page of their own.
    md.add_render_rule("footnote_block_open", lambda self, tokens, idx, options, env:
                       '<footer class="footnotes">\n<ol class="footnotes-list">\n')
    md.add_render_rule("footnote_block_close", lambda self, tokens, idx, options, env:
                       "</ol>\n</footer>\n")


DECK = Flavour("deck", False, allowlist.check_raw_html, allowlist.clean, _extend,
               declines=gfm.may_hold, blank_line_before_html=True)


def resolve(url: str, source: str) -> tuple[str | None, str | None]:
    """Deck links stay as written; files are found and copied later, relative to the deck."""
    if not url.strip():
        return None, "this link has no address; write one in the brackets: [text](address)."
    scheme = urlsplit(url).scheme.lower()
    if allowlist.unsafe_value(url) or scheme and scheme not in allowlist.URL_SCHEMES:
        return None, (f"the address '{url}' is not allowed; use a file beside the deck or an "
                      "address starting https://, mailto: or tel:.")
    return url, None


def render_chunk(chunk: Chunk, path: str, slide_id: str, problems: list[Problem]
                 ) -> tuple[dom.Node, dict[str, str], dom.Node | None, str | None]:
    """(HTML tree, slide attributes, notes tree, first heading) of one slide. The trees go
    on to `files.collect_tree` as they are: parsing their HTML again would give them back."""
    fragment = render(Markdown(chunk.text, Origin(path, chunk.line)), resolve,
                      id_prefix=slide_id, flavour=DECK)
    problems.extend(fragment.problems)
    root = dom.parse(fragment.html)
    applied = apply_comments(root)
    for message in applied.refused:
        problems.append(warning(path, chunk.line, message))
    notes = None
    if chunk.notes is not None:
        notes_fragment = render(Markdown(chunk.notes, Origin(path, chunk.notes_line)), resolve,
                                id_prefix=f"{slide_id}-notes", flavour=DECK)
        problems.extend(notes_fragment.problems)
        notes = dom.parse(notes_fragment.html)
        apply_comments(notes)
    return root, applied.slide, notes, first_heading(root)


def first_heading(root: dom.Node) -> str | None:
    for node in root.walk():
        if node.is_element and node.tag in _HEADING:
            return " ".join(node.text().split())
    return None
