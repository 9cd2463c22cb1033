"""Writes markdown-it-pyrs's syntax tree as markdown-it-py and our token rules write it.

`builder.rustmarkdown` parses; this walks the tree and writes the HTML, calling
the same rule functions (`builder.markdown`) for headings, links, images and raw
HTML, so messages and link checks are made in one place. It raises `Unsure`
where markdown-it-py might write otherwise. With `as_cleaned` it writes the same
elements as nh3 would leave them, and `plain` says whether nh3 would change
anything more (raw HTML, or an address nh3 might drop).
"""
from __future__ import annotations

import bisect
import re
from array import array
from itertools import accumulate

from . import markdown as rules
from . import safety, treetables
from .tablemarks import TABLE_MARK, TABLE_PLACEHOLDER
from .tokens import (Token, attrs_as_cleaned, attrs_html, escape_as_cleaned, escape_html,
                     unique_slug)
from .treenodes import Unsure, class_attrs, heading_text, is_inline, only_text, url_attrs

# markdown-it-pyrs keeps markdown-it's refusal of some schemes (ours lets the
# resolver explain them), and prints a refused link as text. (Definitions and
# autolinks never get here: `parserdiffs` sends texts with them to markdown-it-py.)
_REFUSED_LINK = re.compile(r"\]\(|\]\[")
_NEWLINE = re.compile(b"\n")


# Kinds of element in an outline (`TreeWriter.outline`), and the length of each one's end tag.
OUTLINED_H3, OUTLINED_LI, OUTLINED_P = 0, 1, 2
_END_TAG = {OUTLINED_H3: len("</h3>"), OUTLINED_LI: len("</li>"), OUTLINED_P: len("</p>")}


class TreeWriter:
    """Writes one text's tree, once: `document` gives its HTML, and with `as_cleaned`,
    `outline` where its top-level <h3> and <p> elements and every <li> are in it, as
    `decks.spans.scan` would find them (`decks.subitems.split_outlined` reads it)."""

    def __init__(self, ctx: "rules.Context", text: str, as_cleaned: bool = False):
        self.ctx = ctx
        self.escape = escape_as_cleaned if as_cleaned else escape_html
        self.attrs = attrs_as_cleaned if as_cleaned else attrs_html
        self.void_end = ">" if as_cleaned else " />"   # of <br>, <hr> and <img>
        self.plain = True   # no raw HTML, and every address one cleaning keeps
        self.house = ctx.flavour.house_classes
        self.cls = class_attrs(self.house)  # each block's class="..." (or none), by token type
        self.src = text.encode("utf-8")
        self.newlines: list[int] | None = None
        self.slugs: set[str] = set()
        self.out: list[str] = []
        self.line = 0    # the line of the inline text being written, counted as markdown-it-py does
        self.breaks = 0  # line breaks met in it so far
        self.nesting = 0  # blocks the one being written is inside
        # (kind, index of its opening chunk in `out`, length of the lead before its tag,
        # index of its closing chunk), when an outline is wanted
        self.marks: list[tuple[int, int, int, int]] | None = [] if as_cleaned else None
        self.outline: bytes | None = None

    def document(self, root) -> str:
        self.blocks(root.children)
        if self.marks is not None and self.plain:   # nh3 moves what it cleans: no outline
            self.outline = self._outline()
        return "".join(self.out)

    def _outline(self) -> bytes:
        """(kind, start, inner start, inner end, end) of each element marked, as bytes of
        an array('I'): a fragment keeps it, and the disk cache pickles it."""
        at = list(accumulate(map(len, self.out), initial=0))
        numbers = array("I")
        for kind, opening, lead, closing in self.marks:
            inner = at[opening] + len("<li>") if kind == OUTLINED_LI else at[opening + 1]
            numbers.extend((kind, at[opening] + lead, inner, at[closing],
                            at[closing] + _END_TAG[kind]))
        return numbers.tobytes()

    def mark(self, kind: int, opening: int, lead: str) -> None:
        """Marks the element whose opening chunk is out[opening] and which `out`'s last
        chunk closes."""
        if self.marks is not None:
            self.marks.append((kind, opening, len(lead), len(self.out) - 1))

    def line_at(self, offset: int) -> int:
        if self.newlines is None:
            self.newlines = [m.start() for m in _NEWLINE.finditer(self.src)]
        if not 0 <= offset <= len(self.src):
            raise Unsure("a place outside the text")
        return bisect.bisect_left(self.newlines, offset)

    # Blocks ------------------------------------------------------------------

    def blocks(self, nodes, after_hidden: bool = False) -> None:
        for node in nodes:
            self.block(node, after_hidden)
            after_hidden = False

    def block(self, node, after_hidden: bool) -> None:
        name = node.name
        # markdown-it-py starts a block on a new line after a tight list's hidden paragraph
        lead = "\n" if after_hidden and name != "html_block" else ""
        if name == "paragraph":
            self.paragraph(node, lead, f"<p{self.cls['paragraph_open']}>", "</p>\n")
        elif name == "heading":
            self.heading(node, lead)
        elif name in ("bullet_list", "ordered_list"):
            self.list(node, lead)
        elif name == "blockquote":
            shown = [child for child in node.children if child.name != "definition"]
            self.out.append(f"{lead}<blockquote{self.cls['blockquote_open']}>"
                            + ("\n" if shown else ""))
            self.nesting += 1
            self.blocks(node.children)
            self.nesting -= 1
            self.out.append("</blockquote>\n")
        elif name == "hr":
            self.out.append(f"{lead}<hr{self.cls['hr']}{self.void_end}\n")
        elif name == "table":
            self.table(node, lead)
        elif name == "html_block":
            self.html_block(node)
        elif name != "definition" or after_hidden:
            raise Unsure(name)

    def paragraph(self, node, lead: str, open_tag: str, close_tag: str,
                  children=None) -> None:
        children = node.children if children is None else children
        self.start_inline(children[0] if children else node)
        start, end = node.srcmap
        # the text nodes hold no "[table:" unless the source does
        if b"[table:" in self.src[start:end] and self.placed_table(lead, open_tag, close_tag,
                                                                   children):
            return
        opening = len(self.out)
        self.out.append(lead + open_tag)
        self.inlines(children)
        self.out.append(close_tag)
        if open_tag and not self.nesting:   # a tight list's paragraph has no <p>
            self.mark(OUTLINED_P, opening, lead)

    def placed_table(self, lead: str, open_tag: str, close_tag: str, children) -> bool:
        """Whether the paragraph is a data table's placeholder, written as its mark."""
        texts = [c.meta.get("content", "") for c in children if c.name == "text"]
        placeholder = (TABLE_PLACEHOLDER.match("".join(texts).strip())
                       if len(texts) == len(children) else None)
        if placeholder:
            slug = placeholder.group(1)
            self.ctx.tables.append(slug)
            self.out.append(lead + open_tag + self.escape(TABLE_MARK.format(slug)) + close_tag)
            return True
        if any("[table:" in text for text in texts):
            raise Unsure("a placeholder among other text")
        return False

    def heading(self, node, lead: str) -> None:
        level = node.meta["level"]
        raw = self.src[node.srcmap[0]:node.srcmap[1]].decode("utf-8")
        text = raw.lstrip(" ")
        if "\n" in raw or not text.startswith("#" * level) or "#" in text[level:] or "\\" in text:
            raise Unsure("a heading markdown-it-py reads otherwise")
        self.start_inline(node)
        token = Token(f"h{level}", map=[self.line, self.line + 1])   # a skipped level's line
        words = heading_text(node.children)
        if 1 <= level <= 4:  # the anchors plugin's levels in `markdownitpy.make_parser`
            token.attrSet("id", unique_slug(rules.slugify(words), self.slugs))
        rules.mark_heading(self.ctx, token, text[level:].strip(), words)
        opening = len(self.out)
        self.out.append(f"{lead}<{token.tag}{self.attrs(token)}>")
        self.inlines(node.children)
        self.out.append(f"</{token.tag}>\n")
        if token.tag == "h3" and not self.nesting:
            self.mark(OUTLINED_H3, opening, lead)

    def list(self, node, lead: str) -> None:
        kind = "bullet_list" if node.name == "bullet_list" else "ordered_list"
        tag = "ul" if kind == "bullet_list" else "ol"
        start = node.meta.get("start", 1)
        attrs = f' start="{start}"' if kind == "ordered_list" and start != 1 else ""
        self.out.append(f"{lead}<{tag}{attrs}{self.cls[kind + '_open']}>\n")
        self.nesting += 1
        for item in node.children:
            self.list_item(item)
        self.nesting -= 1
        self.out.append(f"</{tag}>\n")

    def list_item(self, item) -> None:
        children = item.children
        first_inline = bool(children) and is_inline(children[0])
        opening = len(self.out)
        self.out.append("<li>" if not children or first_inline else "<li>\n")
        i = 0
        while i < len(children):
            if is_inline(children[i]):
                # A tight list's paragraph: markdown-it-py hides its <p>.
                j = i
                while j < len(children) and is_inline(children[j]):
                    j += 1
                self.paragraph(item, "", "", "", children[i:j])
                if j < len(children):
                    self.block(children[j], True)
                    j += 1
                i = j
            else:
                self.block(children[i], False)
                i += 1
        self.out.append("</li>\n")
        self.mark(OUTLINED_LI, opening, "")

    def table(self, node, lead: str) -> None:
        treetables.write_table(self, node, lead)

    def html_block(self, node) -> None:
        content = node.meta["content"]
        if node.srcmap[1] == len(self.src):  # markdown-it-pyrs ends the text's last line
            content = content.removesuffix("\n")
        token = Token(content=content, map=[self.line_at(node.srcmap[0]), 0])
        rules.report_raw_html(self.ctx, token, token)
        self.plain = False
        if self.ctx.flavour.blank_line_before_html and rules.blank_line_before(
                self.ctx.doc.text, token.map):
            content = "\n" + content
        self.out.append(content)

    # Inline text -------------------------------------------------------------

    def start_inline(self, node) -> None:
        self.line = self.line_at(node.srcmap[0])
        self.breaks = 0

    def at(self) -> Token:
        """Where a problem in the inline text so far is: its block's line plus the breaks met."""
        return Token(map=[self.line + self.breaks, self.line + self.breaks + 1])

    def inlines(self, nodes) -> None:
        out, escape = self.out, self.escape
        for node in nodes:
            name = node.name
            if name == "text":
                content = node.meta["content"]
                if _REFUSED_LINK.search(content):
                    raise Unsure("a link markdown-it-pyrs refused")
                out.append(escape(content))
            elif name == "softbreak":
                out.append("\n")
                self.breaks += 1
            elif name == "hardbreak":
                out.append(f"<br{self.void_end}\n")
                self.breaks += 1
            elif name in ("em", "strong"):
                out.append(f"<{name}>")
                self.inlines(node.children)
                out.append(f"</{name}>")
            elif name == "text_special" and node.meta.get("info") in ("entity", "escape"):
                out.append(escape(node.meta["content"]))
            elif name == "code_inline":
                out.append(f"<code>{escape(only_text(node.children))}</code>")
            elif name == "link":
                self.link(node)
            elif name == "image":
                self.image(node)
            elif name == "html_inline":
                content = node.meta["content"]
                rules.report_raw_html(self.ctx, Token(content=content), self.at())
                self.plain = False
                out.append(content)
                self.breaks += content.count("\n")
            else:
                raise Unsure(name)

    def link(self, node) -> None:
        token = Token("a", attrs=url_attrs("href", node.meta))
        rules.resolve_link(self.ctx, token, "href", self.at(), token)
        self.check_address(token, "href")
        self.out.append(f"<a{self.attrs(token)}>")
        self.inlines(node.children)
        self.out.append("</a>")

    def image(self, node) -> None:
        alt = only_text(node.children)
        attrs = url_attrs("src", node.meta)
        # markdown-it-py's order: src, alt, then title
        token = Token("img", attrs={"src": attrs.pop("src"), "alt": "", **attrs},
                      content=alt)
        rules.check_image(self.ctx, token, self.at())
        token.attrSet("alt", alt)
        self.check_address(token, "src")
        self.out.append(f"<img{self.attrs(token)}{self.void_end}")

    def check_address(self, token: Token, name: str) -> None:
        address = token.attrGet(name)
        if address is not None and not safety.kept_as_is(str(address)):
            self.plain = False
