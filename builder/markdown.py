"""The one configured Markdown renderer: CommonMark, tables, footnotes, heading anchors.

markdown-it-py and the token rules below define the HTML. Every text, a page's
or a slide's, is first offered to `builder.rustmarkdown`, which writes the same
bytes from markdown-it-pyrs's faster parse where it is sure of them;
markdown-it-py is imported only for a text it declines.

Rendering a `Markdown` gives a `Fragment`: safe HTML plus what the later
stages need to know (the problems found, the links to check, the anchors it
defines). Raw HTML is checked against the allow-list in `builder.safety` and
reported by line; the whole fragment then goes through nh3 with the same list,
so nothing outside it can reach a page even if a check is missed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from . import rustmarkdown, safety
from .errors import Problem, error, warning
from .tablemarks import TABLE_MARK, split_at_tables
from .texts import Markdown

if TYPE_CHECKING:  # imported when first needed: a deck the fast writer takes whole never is
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

TABLE_PLACEHOLDER = re.compile(r"^\[table:\s*([a-z0-9-]+)\s*\]$")

CLASSES = {
    "paragraph_open": "govuk-body",
    "bullet_list_open": "govuk-list govuk-list--bullet",
    "ordered_list_open": "govuk-list govuk-list--number",
    "link_open": "govuk-link",
    "blockquote_open": "govuk-inset-text",
    "table_open": "govuk-table",
    "thead_open": "govuk-table__head",
    "tbody_open": "govuk-table__body",
    "tr_open": "govuk-table__row",
    "th_open": "govuk-table__header",
    "td_open": "govuk-table__cell",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
    "code_block": "bulletin-code",
    "fence": "bulletin-code",
}
# A table column's alignment, as a class: GOV.UK's for numbers, ours for centred text.
ALIGN_CLASSES = {"right": "govuk-table__cell--numeric", "center": "bulletin-table__cell--centre"}
_HEADING_CLASSES = {"h2": "govuk-heading-l", "h3": "govuk-heading-m", "h4": "govuk-heading-s",
                    "h5": "govuk-heading-s", "h6": "govuk-heading-s"}


@dataclass(frozen=True)
class LinkRef:
    """A link or image in content, to be checked once every page is known."""

    path: str
    line: int
    url: str  # site-absolute, "/bulletins/2026-02/#x"; fragments kept
    text: str


@dataclass(frozen=True)
class Fragment:
    """One Markdown text rendered: safe HTML and what later stages need to know."""

    html: str
    problems: tuple[Problem, ...]
    links: tuple[LinkRef, ...]
    anchors: frozenset[str]
    tables: tuple[str, ...]  # data tables placed in the text with [table: slug]
    headings: tuple[tuple[str, str], ...] = ()  # (id, text) of each sub-heading, in order
    made_from: str = field(default="", compare=False)  # its cache key; see Entry.made_from
    # Where the fast writer put its elements in `html`, when `html` is what it wrote
    # (treewriter.TreeWriter.outline): monthly decks split entries by it without a scan.
    outline: bytes | None = field(default=None, compare=False)

    def parts(self) -> list[str | tuple[str]]:
        """The HTML split around table placeholders: text, (slug,), text, ...

        Split once per fragment (a fragment kept by `bulletin serve` is shown on
        several pages in every build)."""
        split = self.__dict__.get("_parts")
        if split is None:
            pieces = split_at_tables(self.html)
            split = tuple(piece if i % 2 == 0 else (piece,) for i, piece in enumerate(pieces))
            object.__setattr__(self, "_parts", split)
        return list(split)

    def __getstate__(self) -> dict:
        # The split is made again where needed: pickled, it doubled the HTML the disk
        # cache loads on every build, and made a key spelled from a fragment depend on
        # whether a page had shown it yet.
        state = dict(self.__dict__)
        state.pop("_parts", None)
        return state


# Turns a content URL into a site-absolute one, or returns a message saying what is wrong.
Resolver = Callable[[str, str], "tuple[str | None, str | None]"]


def slugify(text: str) -> str:
    text = re.sub(r"[^\w\s-]", "", text.lower(), flags=re.UNICODE)
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


@dataclass(frozen=True)
class Flavour:
    """What differs between the HTML of public pages and of slide decks.

    One parser configuration serves both; a flavour picks the allow-list
    (checked per raw-HTML block, then enforced on the whole fragment), whether
    blocks get GOV.UK classes, and any extra render rules. Both the fast writer
    (`builder.rustmarkdown`) and markdown-it-py honour every field but `extend`,
    which is for constructs only markdown-it-py writes (code fences).
    """

    name: str
    house_classes: bool
    check_raw_html: Callable[[str], list[tuple[int, str]]]   # (line within it, message)
    clean: Callable[[str], str]
    extend: Callable[[MarkdownIt], None] | None = None
    local_images: bool = False   # an image from another host is an error, not kept
    described_images: bool = False  # an image with no text alternative is an error
    # reveal.js reads slides as marked does, which keeps blank lines between blocks as
    # text: a blank line before a comment decides whether it is for a list or its item.
    blank_line_before_html: bool = False
    # Every element and attribute the fast writer writes is on this flavour's list, and
    # `clean` changes nothing else but escaping, so the writer may write a text as `clean`
    # would and spare it (`rustmarkdown.Written.clean`; its tests hold `clean` to that).
    writes_as_cleaned: bool = False


# Looked up when called, so builder.safety stays the one place the page list lives.
PAGE = Flavour("page", True, lambda html: safety.check_raw_html(html),
               lambda html: safety.clean(html), local_images=True, described_images=True,
               writes_as_cleaned=True)


def make_parser(flavour: Flavour = PAGE) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    # Let every link reach the resolver, which explains a refused scheme to the
    # editor; markdown-it would silently print it as text. nh3 still guards.
    md.validateLink = lambda url: True
    md.enable("table")
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=1, max_level=4, slug_func=slugify)
    md.core.ruler.push("bulletin", _decorate)
    md.add_render_rule("footnote_anchor", _footnote_backref)
    if flavour.blank_line_before_html:
        _keep_blank_line_before_html(md)
    if flavour.extend is not None:
        flavour.extend(md)
    return md


def _keep_blank_line_before_html(md: MarkdownIt) -> None:
    default = md.renderer.rules["html_block"]

    def html_block(self, tokens, idx, options, env):
        blank = blank_line_before(env["bulletin"].doc.text, tokens[idx].map)
        return ("\n" if blank else "") + default(tokens, idx, options, env)

    md.add_render_rule("html_block", html_block)


def blank_line_before(text: str, block_map: list[int] | None) -> bool:
    """Whether the line above a block (its map, as markdown-it's) is blank."""
    start = block_map[0] if block_map else 0
    lines = text.splitlines()
    return 0 < start <= len(lines) and not lines[start - 1].strip()


@functools.cache
def _parser(flavour: Flavour = PAGE) -> MarkdownIt:
    return make_parser(flavour)


def render(doc: Markdown, resolve: Resolver, *, id_prefix: str = "", heading_shift: int = 0,
           flavour: Flavour = PAGE) -> Fragment:
    """Render one Markdown text; problems carry file lines, not body lines."""
    ctx = Context(doc, resolve, id_prefix, heading_shift, flavour)
    written = rustmarkdown.render_html(ctx, doc.text, as_cleaned=flavour.writes_as_cleaned)
    if written is None:  # a text markdown-it-pyrs may read otherwise, or holding a code fence
        ctx = Context(doc, resolve, id_prefix, heading_shift, flavour)
        clean = flavour.clean(_render_with_markdown_it_py(ctx))
    else:
        clean = written.html if written.clean else flavour.clean(written.html)
    outline = written.outline if written is not None else None   # None unless clean
    return Fragment(clean, tuple(ctx.problems), tuple(ctx.links), frozenset(ctx.anchors),
                    tuple(ctx.tables), tuple(ctx.headings), outline=outline)


def _render_with_markdown_it_py(ctx: "Context") -> str:
    env = {"docId": ctx.id_prefix or None, "bulletin": ctx}
    if not env["docId"]:
        del env["docId"]
    return _parser(ctx.flavour).render(ctx.doc.text, env)


@dataclass
class Context:
    """What one render collects while markdown-it walks the tokens."""

    doc: Markdown
    resolve: Resolver
    id_prefix: str
    heading_shift: int
    flavour: Flavour = PAGE

    def __post_init__(self):
        self.problems: list[Problem] = []
        self.links: list[LinkRef] = []
        self.anchors: set[str] = set()
        self.tables: list[str] = []
        self.headings: list[tuple[str, str]] = []

    def line(self, token: Token | None) -> int:
        offset = token.map[0] if token is not None and token.map else 0
        return self.doc.origin.line + offset

    def error(self, token: Token | None, message: str, below: int = 0) -> None:
        """`below`: lines under the token's first, for a problem inside a block."""
        self.problems.append(error(self.doc.origin.path, self.line(token) + below, message))

    def warn(self, token: Token | None, message: str) -> None:
        self.problems.append(warning(self.doc.origin.path, self.line(token), message))


def _decorate(state) -> None:
    ctx: Context = state.env["bulletin"]
    block: Token | None = None
    for index, token in enumerate(state.tokens):
        if token.map:
            block = token
        if token.type == "heading_open":
            mark_heading(ctx, token, state.tokens[index + 1].content)
            state.tokens[index + 2].tag = token.tag  # its heading_close
        elif token.type in ("html_block",):
            report_raw_html(ctx, token, token)
        elif token.type == "inline":
            _inline(ctx, state.tokens, index, token, block)
        if token.type in CLASSES and ctx.flavour.house_classes:
            token.attrJoin("class", CLASSES[token.type])
        if token.type in ("th_open", "td_open"):
            _align(token)
        if token.type == "th_open":
            token.attrSet("scope", "col")


def mark_heading(ctx: Context, token: Token, text: str) -> None:
    level = min(int(token.tag[1]) + ctx.heading_shift, 6)
    token.tag = f"h{level}"
    anchor = str(token.attrGet("id") or "")
    if ctx.id_prefix:
        anchor = f"{ctx.id_prefix}-{anchor}"
        token.attrSet("id", anchor)
    ctx.anchors.add(anchor)
    ctx.headings.append((anchor, text))
    if ctx.flavour.house_classes:
        token.attrJoin("class", _HEADING_CLASSES.get(token.tag, "govuk-heading-s"))


def _align(token: Token) -> None:
    style = str(token.attrGet("style") or "")
    if style:
        token.attrs.pop("style", None)
        for align, name in ALIGN_CLASSES.items():
            if align in style:
                token.attrJoin("class", name)


def _inline(ctx: Context, tokens: list[Token], index: int, token: Token, block: Token | None) -> None:
    placeholder = TABLE_PLACEHOLDER.match(token.content.strip())
    if placeholder and index > 0 and tokens[index - 1].type == "paragraph_open":
        ctx.tables.append(placeholder.group(1))
        token.children = [_text(TABLE_MARK.format(placeholder.group(1)))]
        return
    lines = 0  # line breaks before this child: problems name its own line, not the paragraph's
    for child in token.children or ():
        at = _down(block, lines)
        if child.type == "html_inline":
            report_raw_html(ctx, child, at)
            lines += child.content.count("\n")
        elif child.type == "link_open":
            resolve_link(ctx, child, "href", at, token)
        elif child.type == "image":
            check_image(ctx, child, at)
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


def report_raw_html(ctx: Context, token: Token, block: Token | None) -> None:
    for line, message in ctx.flavour.check_raw_html(token.content):
        ctx.error(block, message, below=line - 1)


def resolve_link(ctx: Context, token: Token, attr: str, block: Token | None, inline: Token) -> None:
    url = str(token.attrGet(attr) or "")
    resolved, message = ctx.resolve(url, ctx.doc.origin.path)
    if message:
        ctx.error(block, message)
    if attr == "href" and ctx.flavour.house_classes:
        token.attrJoin("class", "govuk-link")
    if resolved is None:
        token.attrs.pop(attr, None)
    else:
        token.attrSet(attr, resolved)
        if resolved.startswith("/") or resolved.startswith("#"):
            ctx.links.append(LinkRef(ctx.doc.origin.path, ctx.line(block), resolved, url))


def check_image(ctx: Context, token: Token, block: Token | None) -> None:
    if not token.content.strip():
        report = ctx.error if ctx.flavour.described_images else ctx.warn
        report(block, safety.undescribed_image_message(str(token.attrGet("src") or ""),
                                                       public=ctx.flavour.described_images))
    src = str(token.attrGet("src") or "")
    if ctx.flavour.local_images and safety.is_remote(src):
        ctx.error(block, safety.remote_image_message(src))
        token.attrs.pop("src", None)
        return
    resolve_link(ctx, token, "src", block, token)
    if ctx.flavour.house_classes:
        token.attrJoin("class", "bulletin-image")


def _footnote_backref(self, tokens, idx, options, env) -> str:
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    number = tokens[idx].meta["id"] + 1
    if tokens[idx].meta.get("subId", 0) > 0:
        ident += ":" + str(tokens[idx].meta["subId"])
    return (f' <a href="#fnref{ident}" class="govuk-link footnote-backref" '
            f'aria-label="Back to reference {number}">\u21a9\ufe0e</a>')
