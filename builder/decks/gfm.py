"""What reveal-md reads in a deck beyond CommonMark: ~~struck~~ text, bare addresses
as links, and task lists.

reveal-md leaves a deck's Markdown to reveal.js's markdown plugin, which renders it
with marked in its GitHub (GFM) mode, so decks written for it use these. The site's
pages stay CommonMark: `bulletin check` asks their editors to write a link, not a bare
address, and their output is held byte for byte (docs/content-model.md says so).

markdown-it-py writes them, on the deck flavour's parser (`extend`), as marked does:
- strikethrough in GitHub's single-tilde mode (`~one~` or `~~two~~`, never three),
  written <del>;
- linkify (linkify-it-py), cut to what marked links: an address after http:// or
  https:// (in any capitals), one starting www., an email address. Not a bare domain,
  which linkify-it links and marked does not (`notes.md`, `deck.css`), nor ftp:// or
  //host (the deck's links take neither). Punctuation that ends a sentence is left out
  of the address (`see https://x.org.`), as marked leaves it, and code is code;
- task list items (`- [ ] to do`, `- [x] done`), the box disabled. Unlike marked's, the
  box and the item's first line are one <label>: a box without a name is a form field
  a screen reader cannot name (axe's "label", WCAG 4.1.2).
The fast writer (`builder.rustmarkdown`) writes none of them, so `may_hold` sends it
no text that might hold one.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# A Markdown link's own address, which linkify leaves alone (and an image's): without
# them, a text with no '@', '://' or 'www.' has nothing linkify links. Only a link
# written plainly is taken out: none of its brackets escaped, none inside them.
_LINK = re.compile(r"(?<!\\)\[[^\[\]\n]*(?<!\\)\]\([^()\s]*\)")
_TASK = re.compile(r"\[[ xX]\][ \t]")   # markdown-it-py's task mark: a space or tab after
_TASK_CLASSES = frozenset({"task-list-item", "contains-task-list"})
_NOT_LAST = "~_"   # of an address: see _trimmed


def may_hold(text: str) -> bool:
    """False only where `text` holds nothing `extend` writes. A text it holds no link in
    may be called True (that costs only speed); none it links in may be called False."""
    if "~" in text or ("]" in text and _TASK.search(text) is not None):
        return True
    if "@" not in text and "://" not in text and "www." not in text:
        return False
    prose = _LINK.sub("[]()", text)
    return "@" in prose or "://" in prose or "www." in prose


def extend(md: MarkdownIt) -> None:
    md.options["strikethrough_single_tilde"] = True
    md.options["linkify"] = True
    md.options["tasklists"] = True
    md.enable(["strikethrough", "linkify"])
    md.linkify = _marked_links()
    md.add_render_rule("s_open", lambda self, tokens, idx, options, env: "<del>")
    md.add_render_rule("s_close", lambda self, tokens, idx, options, env: "</del>")
    md.core.ruler.push("task_labels", _label_tasks)
    md.add_render_rule("task_box", _box)
    md.add_render_rule("task_label_open", lambda self, tokens, idx, options, env: "<label>")
    md.add_render_rule("task_label_close", lambda self, tokens, idx, options, env: "</label>")


def _marked_links():
    from linkify_it import LinkifyIt

    class MarkedLinks(LinkifyIt):
        """linkify-it's links that marked makes too (a bare domain is none of them), ending
        where marked's end."""

        def match(self, text):
            found = [_trimmed(link) for link in super().match(text) or ()
                     if link.schema or link.text.startswith("www.")]
            return found or None

        def match_at_start(self, text):   # an address after a scheme, read as it is parsed
            link = super().match_at_start(text)
            return _trimmed(link) if link is not None else None

    return MarkedLinks().add("ftp:", None).add("//", None)


def _trimmed(link):
    """The link without the '~' and '_' it ends with: marked leaves them out, so that
    ~~https://x.org~~ is a struck link (linkify-it took the marks for part of the address)."""
    cut = len(link.raw) - len(link.raw.rstrip(_NOT_LAST))
    if cut:
        link.raw, link.last_index = link.raw[:-cut], link.last_index - cut
        link.text, link.url = link.text.rstrip(_NOT_LAST), link.url.rstrip(_NOT_LAST)
    return link


def _label_tasks(state) -> None:
    """markdown-it-py marks a task's item (meta "checked") and would write its box before
    the item's first block, with classes marked's lists have not: the box goes into the
    item's first line instead, a <label> round both."""
    tasks = []
    for index, token in enumerate(state.tokens):
        if token.attrGet("class") in _TASK_CLASSES:
            token.attrs.pop("class")
        if token.type == "list_item_open" and "checked" in (token.meta or {}):
            tasks.append(index)
    for index in reversed(tasks):   # from the end: an insertion moves what follows it
        _place_box(state.tokens, index)


def _place_box(tokens: list[Token], index: int) -> None:
    from markdown_it.token import Token
    item = tokens[index]
    box = Token("task_box", "input", 0, meta={"checked": item.meta.pop("checked")})
    block, inline = (tokens[index + 1:index + 3] + [item, item])[:2]
    if block.type in ("paragraph_open", "heading_open") and inline.type == "inline" \
            and inline.content.strip():
        inline.children = [Token("task_label_open", "label", 1), box, *(inline.children or ()),
                           Token("task_label_close", "label", -1)]
    else:   # an empty item, or one that starts with a quote, a list or code: no line to name it
        box.attrSet("aria-label", "done" if box.meta["checked"] else "to do")
        tokens.insert(index + 1, box)


def _box(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    label = token.attrGet("aria-label")
    named = f' aria-label="{label}"' if label else ""
    checked = 'checked="" ' if token.meta["checked"] else ""
    # marked's attributes, in the order cleaning leaves them (`allowlist`)
    return f'<input {checked}type="checkbox"{named} disabled=""> '
