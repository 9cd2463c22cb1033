"""Markdown parsed by markdown-it-pyrs and written as `builder.markdown` writes it.

markdown-it-pyrs (a Rust port of markdown-it) parses about eight times faster
than markdown-it-py, but renders only plain HTML: it has no hook for our token
rules (classes, heading ids, links resolved and checked, raw HTML checked).
So this module parses, and `builder.treewriter` walks the syntax tree and writes
the HTML that markdown-it-py and those rules write, calling the same rule
functions for headings, links, images and raw HTML, so messages and link
checks are made in one place.

It serves pages and decks alike (a `Flavour` says which classes, checks and
blank lines each gets), and imports nothing of markdown-it-py, so a deck whose
every slide it writes starts without loading that library.

It writes only what it is sure of. A text holding anything else (footnotes,
code blocks, setext headings, autolinks, escapes in a heading, a link that
markdown-it-pyrs refused, what its flavour `declines`: a deck's struck text,
say) gets `None`, and `builder.markdownitpy` renders it with markdown-it-py.
Tests render every shipped and generated text both ways and compare the bytes.

It can also write the same HTML as nh3 would leave it (`as_cleaned`), and say
whether nh3 would change anything more: only raw HTML or an address nh3 might
drop can give it something to do, and then the page is cleaned as before.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from . import markdown as rules
# The module, not its names: treewriter imports builder.markdown, which imports this
# module, so importing treewriter first would find it only partly made.
from . import parserdiffs, treewriter


@functools.cache
def _parser():
    """markdown-it-pyrs's parser, imported when first needed; None
    on a platform without its wheel, where markdown-it-py renders everything."""
    try:
        import markdown_it_pyrs
    except ImportError:
        return None
    return markdown_it_pyrs.MarkdownIt("commonmark").enable("table")


class Written(NamedTuple):
    html: str
    # `as_cleaned` was asked for, and the text held no raw HTML and no address that
    # cleaning might drop (`safety.kept_as_is`): cleaning would leave `html` as it is.
    clean: bool
    outline: bytes | None = None   # when `clean`: see TreeWriter.outline


def render_html(ctx: "rules.Context", text: str, *, as_cleaned: bool = False) -> Written | None:
    """The HTML markdown-it-py would write for `text`, or None where this module is unsure.
    With `as_cleaned`, the same HTML written as `safety.clean` writes it (html5ever's
    escaping, `<br>` for `<br />`), which parses to the same elements.

    On None, `ctx` may hold part of the render's findings: use a fresh one."""
    parser = _parser()
    if parser is None or parserdiffs.may_read_otherwise(text) or (
            ctx.flavour.declines is not None and ctx.flavour.declines(text)):
        return None
    # markdown-it-py's own first step; markdown-it-pyrs miscounts places after a '\r'
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    try:
        writer = treewriter.TreeWriter(ctx, text, as_cleaned)
        html = writer.document(parser.tree(text))
        return Written(html, as_cleaned and writer.plain, writer.outline)
    except treewriter.Unsure:
        return None
    except BaseException as panic:  # pyo3's PanicException: a Rust bug the screens missed
        if type(panic).__name__ != "PanicException":
            raise
        return None
