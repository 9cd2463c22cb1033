"""markdown-it-py configured as the bulletin's Markdown: the writer that defines the HTML.

`builder.markdown.render` offers every text to `builder.rustmarkdown` first;
the texts it declines (footnotes, code fences, setext headings, ...) are
written here. The token rules below give blocks their GOV.UK classes, table
cells their alignment and scope, and put data-table marks where an editor wrote
`[table: slug]`; headings, links, images and raw HTML go to the rule functions
in `builder.markdown`, which the fast writer calls too, so both writers report
the same problems and the same links.

markdown-it-py is imported only when a text first comes here.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from . import markdown as rules
from . import markdowntables
# The module, not its names: builder.markdown imports this module, so its names
# may not be made yet while this one is.
from .tablemarks import TABLE_MARK, TABLE_PLACEHOLDER
from .tokens import attrs_html

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


def render(ctx: "rules.Context") -> str:
    """The text of `ctx.doc` as HTML, its findings left in `ctx`; not yet cleaned."""
    env = {"docId": ctx.id_prefix or None, "bulletin": ctx}
    if not env["docId"]:
        del env["docId"]
    return _parser(ctx.flavour).render(ctx.doc.text, env)


def indented_code(text: str) -> list[int]:
    """The lines (from 0) where a block indented as code starts (four spaces or a tab
    before a paragraph's line, not a list item's): fenced code is not counted."""
    return [token.map[0] for token in _plain_parser().parse(text)
            if token.type == "code_block" and token.map]


@functools.cache
def _plain_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": True}).enable("table")


@functools.cache
def _parser(flavour: "rules.Flavour") -> MarkdownIt:
    return make_parser(flavour)


def make_parser(flavour: "rules.Flavour") -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    # Let every link reach the resolver, which explains a refused scheme to the
    # editor; markdown-it would silently print it as text. nh3 still guards.
    md.validateLink = lambda url: True
    md.enable("table")
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=1, max_level=4, slug_func=rules.slugify)
    md.core.ruler.push("bulletin", _decorate)
    md.add_render_rule("footnote_anchor", _footnote_backref)
    if flavour.blank_line_before_html:
        _keep_blank_line_before_html(md)
    if flavour.tables_in_boxes:
        md.add_render_rule("table_open", _table_open)
        md.add_render_rule("table_close", _table_close)
    if flavour.extend is not None:
        flavour.extend(md)
    return md


def _keep_blank_line_before_html(md: MarkdownIt) -> None:
    default = md.renderer.rules["html_block"]

    def html_block(self, tokens, idx, options, env):
        blank = rules.blank_line_before(env["bulletin"].doc.text, tokens[idx].map)
        return ("\n" if blank else "") + default(tokens, idx, options, env)

    md.add_render_rule("html_block", html_block)


def _table_open(self, tokens, idx, options, env) -> str:
    box = tokens[idx].meta.get("box")
    if box is None:
        return self.renderToken(tokens, idx, options, env)
    # here, not in `_decorate`: after the class it is given there, as `treetables` writes them
    for name, value in markdowntables.table_name(box).attrs.items():
        tokens[idx].attrSet(name, value)
    html = self.renderToken(tokens, idx, options, env)
    table = html.lstrip("\n")   # the new line after a tight list's hidden paragraph goes first
    return f"{html[:len(html) - len(table)]}<div{attrs_html(box)}>\n{table}"


def _table_close(self, tokens, idx, options, env) -> str:
    html = self.renderToken(tokens, idx, options, env)
    return html + "</div>\n" if tokens[idx].meta.get("box") is not None else html


def _decorate(state) -> None:
    ctx: rules.Context = state.env["bulletin"]
    block: Token | None = None
    table = _Table()
    for index, token in enumerate(state.tokens):
        if token.map:
            block = token
        if token.type == "heading_open":
            inline = state.tokens[index + 1]
            rules.mark_heading(ctx, token, inline.content, _words(inline))
            state.tokens[index + 2].tag = token.tag  # its heading_close
        elif token.type in _Table.PARTS:
            table.see(ctx, state.tokens, index)
        elif token.type in ("html_block",):
            rules.report_raw_html(ctx, token, token)
        elif token.type == "inline":
            _inline(ctx, state.tokens, index, token, block)
        if token.type in rules.CLASSES and ctx.flavour.house_classes:
            token.attrJoin("class", rules.CLASSES[token.type])
        if token.type in ("th_open", "td_open"):
            _align(token)
        if token.type == "th_open":
            token.attrSet("scope", "col")


def _words(inline: Token) -> str:
    """An inline token's text without its marks, as the anchors plugin reads a heading's."""
    return "".join(child.content for child in inline.children or ()
                   if child.type in ("text", "code_inline"))


class _Table:
    """Where `_decorate` is in a table: its box, and its rows checked against its header."""

    PARTS = frozenset({"table_open", "tbody_open", "tr_open", "table_close"})

    def __init__(self) -> None:
        self.columns = 0
        self.rows: int | None = None   # body rows met so far, once in the body

    def see(self, ctx: "rules.Context", tokens: list[Token], index: int) -> None:
        token = tokens[index]
        if token.type == "table_open":
            self.open(ctx, tokens, index)
        elif token.type == "tbody_open":
            self.rows = 0
        elif token.type == "tr_open" and self.rows is not None:
            self.rows += 1
            markdowntables.check_row(ctx, token.map[0], self.columns, self.rows)
        elif token.type == "table_close":
            self.rows = None

    def open(self, ctx: "rules.Context", tokens: list[Token], index: int) -> None:
        end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
        head = next(i for i in range(index, end + 1) if tokens[i].type == "thead_close")
        header = [t for t in tokens[index:head] if t.type == "inline"]
        self.columns, self.rows = len(header), None
        box = markdowntables.box(ctx, lambda: [_words(t) for t in header])
        if box is not None:
            tokens[index].meta["box"] = tokens[end].meta["box"] = box


def _align(token: Token) -> None:
    style = str(token.attrGet("style") or "")
    if style:
        token.attrs.pop("style", None)
        for align, name in rules.ALIGN_CLASSES.items():
            if align in style:
                token.attrJoin("class", name)


def _inline(ctx: "rules.Context", tokens: list[Token], index: int, token: Token,
            block: Token | None) -> None:
    placeholder = TABLE_PLACEHOLDER.match(token.content.strip())
    if placeholder and index > 0 and tokens[index - 1].type == "paragraph_open":
        ctx.tables.append(placeholder.group(1))
        token.children = [_text(TABLE_MARK.format(placeholder.group(1)))]
        return
    lines = 0  # line breaks before this child: problems name its own line, not the paragraph's
    for child in token.children or ():
        at = _down(block, lines)
        if child.type == "html_inline":
            rules.report_raw_html(ctx, child, at)
            lines += child.content.count("\n")
        elif child.type == "link_open":
            rules.resolve_link(ctx, child, "href", at, token)
        elif child.type == "image":
            rules.check_image(ctx, child, at)
        elif child.type in ("softbreak", "hardbreak"):
            lines += 1


def _down(block: Token | None, lines: int) -> Token | None:
    if not lines or block is None or not block.map:
        return block
    from markdown_it.token import Token
    return Token("inline", "", 0, map=[block.map[0] + lines, block.map[1]])


def _text(content: str) -> Token:
    from markdown_it.token import Token
    token = Token("text", "", 0)
    token.content = content
    return token


def _footnote_backref(self, tokens, idx, options, env) -> str:
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    number = tokens[idx].meta["id"] + 1
    if tokens[idx].meta.get("subId", 0) > 0:
        ident += ":" + str(tokens[idx].meta["subId"])
    # the GOV.UK class only where the house's styles are (not in a deck)
    house = "govuk-link " if env["bulletin"].flavour.house_classes else ""
    return (f' <a href="#fnref{ident}" class="{house}footnote-backref" '
            f'aria-label="Back to reference {number}">\u21a9\ufe0e</a>')
