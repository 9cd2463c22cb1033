"""What the fast writer (`builder.rustmarkdown`) needs of markdown-it-py, without importing it.

A deck whose every slide the fast writer takes never loads markdown-it-py (its
import was a seventh of such a deck's start), so these few parts of it are
written here, each to give the bytes markdown-it-py and its anchors plugin give;
and the escaping of the writer's other form, as nh3 writes it
(`tests/test_tokens.py` holds them to the libraries).
"""
from __future__ import annotations


class Token:
    """The part of a markdown-it token that the rules in `builder.markdown` read and change."""

    __slots__ = ("tag", "attrs", "content", "map")

    def __init__(self, tag: str = "", attrs: dict | None = None, content: str = "",
                 map: list[int] | None = None):
        self.tag, self.content, self.map = tag, content, map
        self.attrs = {} if attrs is None else attrs

    def attrGet(self, name: str):
        return self.attrs.get(name)

    def attrSet(self, name: str, value) -> None:
        self.attrs[name] = value

    def attrJoin(self, name: str, value: str) -> None:
        current = self.attrs.get(name)
        self.attrs[name] = value if current is None else f"{current} {value}"


def escape_html(raw: str) -> str:
    """markdown-it-py's `escapeHtml`: `html.escape`, but single quotes are left as they are."""
    return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def attrs_html(token: Token) -> str:
    """A token's attributes as markdown-it-py's renderer writes them, in their order."""
    return "".join(f' {escape_html(k)}="{escape_html(str(v))}"' for k, v in token.attrs.items())


def escape_as_cleaned(raw: str) -> str:
    """Text as `safety.clean` writes it (html5ever's serialiser): `"` left as it is,
    a no-break space as `&nbsp;`."""
    return raw.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace("<", "&lt;").replace(">", "&gt;")


def attrs_as_cleaned(token: Token) -> str:
    """A token's attributes as `safety.clean` writes them: a value's `'` left as it is,
    a no-break space as `&nbsp;`."""
    return "".join(f' {k}="{_escape_value(str(v))}"' for k, v in token.attrs.items())


def _escape_value(raw: str) -> str:
    return escape_as_cleaned(raw).replace('"', "&quot;")


def unique_slug(slug: str, slugs: set[str]) -> str:
    """The anchors plugin's: a heading id not used yet in the text, numbered if it was."""
    unique, number = slug, 1
    while unique in slugs:
        unique, number = f"{slug}-{number}", number + 1
    slugs.add(unique)
    return unique
