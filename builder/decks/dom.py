"""A small tree of HTML, enough to do to a slide what reveal.js does to its DOM.

Parsed with the standard library's HTMLParser from HTML that nh3 has already
normalised (every tag closed, attributes quoted), so no repair is needed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import Iterator

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
RAW_TEXT = frozenset({"style", "script"})


@dataclass(eq=False)
class Node:
    """One node of a slide's HTML tree: an element, text, a comment, or the root."""

    kind: str                      # "element" | "text" | "comment" | "root"
    tag: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    data: str = ""                 # text or comment content
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None

    @property
    def is_element(self) -> bool:
        return self.kind == "element"

    def previous_sibling(self) -> "Node | None":
        if self.parent is None:
            return None
        index = self.parent.children.index(self)
        return self.parent.children[index - 1] if index else None

    def walk(self) -> Iterator["Node"]:
        for child in self.children:
            yield child
            yield from child.walk()

    def text(self) -> str:
        if self.kind == "text":
            return self.data
        return "".join(child.text() for child in self.children if child.kind != "comment")


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def serialise(node: Node, *, comments: bool = False) -> str:
    return "".join(_out(child, comments, raw=False) for child in node.children)


def _out(node: Node, comments: bool, raw: bool) -> str:
    if node.kind == "text":
        return node.data if raw else escape(node.data, quote=False)
    if node.kind == "comment":
        return f"<!--{node.data}-->" if comments else ""
    attrs = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    inner = "".join(_out(c, comments, raw=node.tag in RAW_TEXT) for c in node.children)
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.current = self.root

    def _add(self, node: Node) -> None:
        node.parent = self.current
        self.current.children.append(node)

    def handle_starttag(self, tag, attrs) -> None:
        node = Node("element", tag, {name: value or "" for name, value in attrs})
        self._add(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs) -> None:
        self._add(Node("element", tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag) -> None:
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent  # type: ignore[assignment]
        if node is not self.root:
            self.current = node.parent  # type: ignore[assignment]

    def handle_data(self, data) -> None:
        self._add(Node("text", data=data))

    def handle_comment(self, data) -> None:
        self._add(Node("comment", data=data))
