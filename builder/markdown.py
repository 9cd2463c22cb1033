"""The one configured Markdown renderer: CommonMark, tables, footnotes, heading anchors.

markdown-it-py with our token rules (`builder.markdownitpy`) defines the HTML.
Every text, a page's or a slide's, is first offered to `builder.rustmarkdown`,
which writes the same bytes from markdown-it-pyrs's faster parse where it is
sure of them; markdown-it-py is imported only for a text it declines. Both
writers call the rule functions here for headings, links, images and raw HTML,
so problems and links are found in one place.

Rendering a `Markdown` gives a `Fragment`: safe HTML plus what the later
stages need to know (the problems found, the links to check, the anchors it
defines). Raw HTML is checked against the allow-list in `builder.safety` and
reported by line; the whole fragment then goes through nh3 with the same list,
so nothing outside it can reach a page even if a check is missed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from . import headinglevels, markdownitpy, rustmarkdown, safety, textmistakes
from .errors import Problem, error, warning
from .tablemarks import split_at_tables
from .texts import Markdown

if TYPE_CHECKING:  # imported when first needed: a deck the fast writer takes whole never is
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


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
    which is for constructs only markdown-it-py writes (code fences,
    footnotes, and decks' struck text, bare addresses and task lists);
    `declines` names the texts that may hold one of those the fast writer
    does not screen out itself.
    """

    name: str
    house_classes: bool
    check_raw_html: Callable[[str], list[tuple[int, str]]]   # (line within it, message)
    clean: Callable[[str], str]
    extend: Callable[[MarkdownIt], None] | None = None
    declines: Callable[[str], bool] | None = None   # True: markdown-it-py writes the text
    local_images: bool = False   # an image from another host or not a file (ftp:) is an error
    described_images: bool = False  # an image with no text alternative is an error
    # reveal.js reads slides as marked does, which keeps blank lines between blocks as
    # text: a blank line before a comment decides whether it is for a list or its item.
    blank_line_before_html: bool = False
    # Every element and attribute the fast writer writes is on this flavour's list, and
    # `clean` changes nothing else but escaping, so the writer may write a text as `clean`
    # would and spare it (`rustmarkdown.Written.clean`; its tests hold `clean` to that).
    writes_as_cleaned: bool = False
    # A table goes in the scroll box a data table has (`builder.markdowntables`): on a
    # page, a table wider than a phone scrolled the whole page (WCAG 1.4.10). A slide
    # has its own size, and reveal.js scales it.
    tables_in_boxes: bool = False
    # A row's cells past its header's, which the table leaves out, are an error, not
    # a warning: a page would be published without what the editor wrote there.
    lost_cells_are_errors: bool = False
    # A heading more than one level below the one before it is a warning
    # (`builder.headinglevels`): a page's outline is read by level. A deck's '#' and '##'
    # say where its slides start, not how they nest.
    ordered_headings: bool = False


# Looked up when called, so builder.safety stays the one place the page list lives.
PAGE = Flavour("page", True, lambda html: safety.check_raw_html(html),
               lambda html: safety.clean(html), local_images=True, described_images=True,
               writes_as_cleaned=True, tables_in_boxes=True, lost_cells_are_errors=True,
               ordered_headings=True)


def blank_line_before(text: str, block_map: list[int] | None) -> bool:
    """Whether the line above a block (its map, as markdown-it's) is blank."""
    start = block_map[0] if block_map else 0
    lines = text.splitlines()
    return 0 < start <= len(lines) and not lines[start - 1].strip()


def render(doc: Markdown, resolve: Resolver, *, id_prefix: str = "", heading_shift: int = 0,
           flavour: Flavour = PAGE) -> Fragment:
    """Render one Markdown text; problems carry file lines, not body lines."""
    ctx = Context(doc, resolve, id_prefix, heading_shift, flavour)
    written = rustmarkdown.render_html(ctx, doc.text, as_cleaned=flavour.writes_as_cleaned)
    if written is None:  # a text markdown-it-pyrs may read otherwise, or holding a code fence
        ctx = Context(doc, resolve, id_prefix, heading_shift, flavour)
        clean = flavour.clean(markdownitpy.render(ctx))
    else:
        clean = written.html if written.clean else flavour.clean(written.html)
    outline = written.outline if written is not None else None   # None unless clean
    reported = frozenset(p.line for p in ctx.problems)
    # A text's headings are shifted down when it stands under a title of its own (an
    # entry's, its theme's): its '#' headings would be level with that title.
    mistakes = textmistakes.shown_as_text(doc, reported, level_one_taken=heading_shift > 0)
    if flavour.ordered_headings and 'class="bulletin-code"' in clean:   # seldom: parse again
        mistakes += _indented_as_code(doc)
    problems = tuple(ctx.problems) + tuple(mistakes)
    return Fragment(clean, problems, tuple(ctx.links), frozenset(ctx.anchors),
                    tuple(ctx.tables), tuple(ctx.headings), outline=outline)


def _indented_as_code(doc: Markdown) -> list[Problem]:
    """A paragraph pasted or typed with four spaces or a tab before it is shown as code, in
    small fixed-width type that ran off a phone's screen, with no word said (an editor's
    trial). A deck keeps code blocks: a talk may show code."""
    return [warning(doc.origin.path, doc.origin.line + line,
                    "this text starts with four spaces or a tab, so it is shown as code "
                    "(small fixed-width type, cut off on a phone); take the spaces or the tab "
                    "off the start of its lines.", 1)
            for line in markdownitpy.indented_code(doc.text)]


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
        self.last_heading = ""   # the words of the latest heading, a table's box's name
        self.heading_above: headinglevels.Heading | None = None   # as written
        self.tables_under_heading = 0
        self._lines: list[str] | None = None

    def text_line(self, number: int) -> str:
        """Line `number` (from 0) of the text, as markdown-it counts lines."""
        if self._lines is None:
            text = self.doc.text.replace("\r\n", "\n").replace("\r", "\n")
            self._lines = text.split("\n")
        return self._lines[number] if 0 <= number < len(self._lines) else ""

    def line(self, token: Token | None) -> int:
        offset = token.map[0] if token is not None and token.map else 0
        return self.doc.origin.line + offset

    def error(self, token: Token | None, message: str, below: int = 0) -> None:
        """`below`: lines under the token's first, for a problem inside a block."""
        self.problems.append(error(self.doc.origin.path, self.line(token) + below, message))

    def warn(self, token: Token | None, message: str) -> None:
        self.problems.append(warning(self.doc.origin.path, self.line(token), message))


def mark_heading(ctx: Context, token: Token, text: str, words: str) -> None:
    """`text`: the heading as written; `words`: its text without marks, as its id is made."""
    ctx.last_heading, ctx.tables_under_heading = words, 0   # spaces made one by a table's box
    written = headinglevels.Heading(int(token.tag[1]), text)
    if ctx.flavour.ordered_headings:
        _report_skipped_level(ctx, token, written)
    ctx.heading_above = written
    level = min(written.level + ctx.heading_shift, 6)
    token.tag = f"h{level}"
    anchor = str(token.attrGet("id") or "")
    if ctx.id_prefix:
        anchor = f"{ctx.id_prefix}-{anchor}"
        token.attrSet("id", anchor)
    ctx.anchors.add(anchor)
    ctx.headings.append((anchor, text))
    if ctx.flavour.house_classes:
        token.attrJoin("class", _HEADING_CLASSES.get(token.tag, "govuk-heading-s"))


def _report_skipped_level(ctx: Context, token: Token, heading: headinglevels.Heading) -> None:
    message = headinglevels.skipped_level(heading, ctx.heading_above, ctx.heading_shift > 0)
    if message:
        written = ctx.text_line(token.map[0] if token.map else 0)
        ctx.problems.append(warning(ctx.doc.origin.path, ctx.line(token), message,
                                    written.find("#") + 1))


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
    refused = safety.refused_image(src, ctx.doc.origin.path) if ctx.flavour.local_images \
        else None
    if refused is not None:
        ctx.error(block, refused)
        token.attrs.pop("src", None)
        return
    resolve_link(ctx, token, "src", block, token)
    if ctx.flavour.house_classes:
        token.attrJoin("class", "bulletin-image")
