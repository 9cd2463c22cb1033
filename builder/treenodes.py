"""What the fast writer (`builder.treewriter`) reads from markdown-it-pyrs's tree nodes, and
the tags it makes of them, as markdown-it-py and our rules would."""
from __future__ import annotations

import functools
import re

_UNSURE_URL = re.compile(r"[%\x80-\U0010ffff]|xn--")


class Unsure(Exception):
    """The tree holds something the writer does not write as markdown-it-py would."""


def is_inline(node) -> bool:
    return node.name in INLINE


INLINE = frozenset({"text", "softbreak", "hardbreak", "em", "strong", "text_special",
                    "code_inline", "link", "image", "html_inline", "autolink"})


def cell_opening(head: bool, align: str, house: bool) -> str:
    from . import markdown as rules   # here: importing it first would import this module
    tag = "th" if head else "td"
    classes = [rules.CLASSES[tag + "_open"]] if house else []
    if align in rules.ALIGN_CLASSES:
        classes.append(rules.ALIGN_CLASSES[align])
    elif align not in ("none", "left"):
        raise Unsure(align)
    attrs = f' class="{" ".join(classes)}"' if classes else ""
    scope = ' scope="col"' if head else ""
    return f"<{tag}{attrs}{scope}>"


@functools.cache
def class_attrs(house: bool) -> dict[str, str]:
    from . import markdown as rules   # as in cell_opening
    return {kind: f' class="{name}"' if house else "" for kind, name in rules.CLASSES.items()}


def url_attrs(name: str, meta: dict) -> dict:
    url = meta["url"]
    if _UNSURE_URL.search(url):
        raise Unsure("an address markdown-it-py may normalise otherwise")
    attrs = {name: url}
    if meta.get("title"):
        attrs["title"] = meta["title"]
    return attrs


def only_text(nodes) -> str:
    if any(node.name != "text" for node in nodes):
        raise Unsure("markup where only text is written")
    return "".join(node.meta["content"] for node in nodes)


def heading_text(nodes) -> str:
    """The text the anchors plugin makes a heading's id from: its text and code, not images'."""
    parts = []
    for node in nodes:
        if node.name in ("text", "text_special"):
            parts.append(node.meta["content"])
        elif node.name == "code_inline":
            parts.append(only_text(node.children))
        elif node.name != "image":
            parts.append(heading_text(node.children))
    return "".join(parts)
