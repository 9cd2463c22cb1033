"""HTML fragments and plain text from legacy exports, as Markdown.

The conversion itself is markdownify's; this module only repairs what the
Word exports break before it (bullet lists written as '•' inside a <ul>
without <li>, underlined paragraphs that were headings) and links what a
reader should be able to click after it (email addresses, bare addresses).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from markdownify import markdownify

_UNDERLINED_PARAGRAPH = re.compile(r"<p>\s*<u>(.*?)</u>\s*</p>", re.DOTALL)
_LIST_WITHOUT_ITEMS = re.compile(r"<ul[^>]*>((?:(?!<li|</ul>|<p[ >]).)*)(?:</ul>)?", re.DOTALL)
_BULLET_IN_ITEM = re.compile(r"(<li[^>]*>)\s*•\s*")
EMAIL = re.compile(r"(?<![\w.%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>( (?=[.,;:]))?")
_SMALL = {"and", "of", "the", "for", "to", "in", "on", "a", "an", "at", "by", "with", "or"}


def html_to_markdown(html: str) -> str:
    html = _UNDERLINED_PARAGRAPH.sub(r"<h2>\1</h2>", html)
    html = _LIST_WITHOUT_ITEMS.sub(_items_from_bullets, html)
    html = _BULLET_IN_ITEM.sub(r"\1", html)
    text = markdownify(html, bullets="-", heading_style="ATX")
    return tidy(text)


def _items_from_bullets(match: re.Match) -> str:
    items = [item.strip() for item in match.group(1).split("•") if item.strip()]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def tidy(text: str) -> str:
    """One blank line between blocks, no trailing spaces, no space before a list's end."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip()


def link_emails(markdown: str) -> str:
    """Make every plain email address a mailto: link, leaving existing links alone."""
    pieces, last = [], 0
    for link in _LINK.finditer(markdown):
        pieces.append(_link_plain_emails(markdown[last:link.start()]))
        pieces.append(link.group(0))
        last = link.end()
    pieces.append(_link_plain_emails(markdown[last:]))
    return "".join(pieces)


def _link_plain_emails(text: str) -> str:
    return EMAIL.sub(lambda m: f"[{m.group(0)}](mailto:{m.group(0)})", text)


def emails_in(text: str) -> list[str]:
    """Email addresses in order of first appearance, each once."""
    return list(dict.fromkeys(EMAIL.findall(text)))


def name_from_email(address: str) -> str:
    """'rebecca.fuller@...' -> 'Rebecca Fuller': how the exports' addresses are made."""
    local = address.split("@", 1)[0]
    return " ".join(part[:1].upper() + part[1:] for part in re.split(r"[._-]+", local) if part)


def link_bare_addresses(text: str) -> tuple[str, list[tuple[str, str]]]:
    """`<https://.../a-b-2025-30.pdf>` -> `[A B 2025-30 (PDF)](https://...)`; returns (text, url)s."""
    made: list[tuple[str, str]] = []

    def swap(match: re.Match) -> str:
        url = match.group(1)
        label = label_for(url)
        made.append((label, url))
        return f"[{label}]({url})"

    return _AUTOLINK.sub(swap, text), made


def label_for(url: str) -> str:
    """Link text made from an address's file name (or its host), words capitalised."""
    parts = urlsplit(url)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1]
    stem, _, ext = name.rpartition(".") if "." in name else (name, "", "")
    if not stem:
        return parts.netloc
    words: list[str] = []
    for token in re.split(r"[-_]+", stem):
        if token.isdigit() and words and words[-1][-1:].isdigit():
            words[-1] += "-" + token
        elif token:
            words.append(token if token.lower() in _SMALL and words else token.capitalize())
    return " ".join(words) + (f" ({ext.upper()})" if ext else "")
