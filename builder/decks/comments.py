"""`<!-- .slide: ... -->` and `<!-- .element: ... -->`, applied as reveal.js applies them.

reveal.js's markdown plugin walks the rendered slide; for each comment it
takes the nearest element before it among its siblings (or, with none, its
parent). If that is a list and no blank line comes between, the list's last
item is meant. A comment matching `.element` sets attributes there; else one
matching `.slide:` sets them on the slide. Attributes are read only in the
form `name="value"` (or a bare `data-name`): single quotes are not read,
which the linter points out.

Attributes are checked against the deck allow-list here, as they are added
after the HTML was cleaned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import allowlist
from .dom import Node

# Patterns as text, compiled (and kept by `re`) when a slide first has a comment, not by
# every deck as it starts. ELEMENT, SLIDE and ATTRIBUTE are matched with re.M.
ELEMENT = r"\.element\s*?(.+?)$"
SLIDE = r"\.slide:\s*?(\S.+?)$"
ATTRIBUTE = r'([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])'
_BLANK_LINE = r"\n[ \t]*\n"


@dataclass
class Applied:
    """What a slide's `<!-- .slide: -->` and `<!-- .element: -->` comments set."""

    slide: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # messages for attributes not allowed


def apply_comments(root: Node) -> Applied:
    """Set the attributes the comments under `root` (a slide) ask for; drop the comments."""
    applied = Applied()
    _walk(root, root, root, applied)
    for node in list(root.walk()):
        if node.kind == "comment" and node.parent is not None:
            node.parent.children.remove(node)
    return applied


def _walk(section: Node, node: Node, before: Node, applied: Applied) -> None:
    nearest = node
    for index, child in enumerate(node.children):
        for earlier in reversed(node.children[:index]):
            if earlier.is_element and earlier.tag != "br":
                nearest = earlier
                break
        if child.is_element or child.kind == "comment":
            _walk(section, child, nearest, applied)
    if node.kind == "comment":
        _comment(section, node, before, applied)


def _comment(section: Node, comment: Node, target: Node, applied: Applied) -> None:
    previous = comment.previous_sibling()
    blank = (previous is not None and previous.kind == "text"
             and re.search(_BLANK_LINE, previous.data))
    if target.tag in ("ul", "ol") and not blank:
        items = [c for c in target.children if c.is_element]
        target = items[-1] if items else target
    if not _set(comment.data, target, ELEMENT, section, applied):
        _set(comment.data, section, SLIDE, section, applied)


def _set(text: str, target: Node, pattern: str, section: Node, applied: Applied) -> bool:
    match = re.search(pattern, text, re.M)
    if not match:
        return False
    for found in re.finditer(ATTRIBUTE, match.group(1), re.M):
        name, value = (found.group(1), found.group(2)) if found.group(2) else (found.group(3), "")
        _assign(target, name, value, section, applied)
    return True


def _assign(target: Node, name: str, value: str, section: Node, applied: Applied) -> None:
    tag = "section" if target is section else target.tag
    if not allowlist.allowed_attribute(tag, name):
        applied.refused.append(f"the attribute '{name}' is not allowed on <{tag}> in decks; "
                               "it is left out.")
    elif allowlist.unsafe_value(value):
        applied.refused.append(f"the value of '{name}' would run a script; it is left out.")
    elif target is section:
        applied.slide[name] = value
    else:
        target.attrs[name] = value
