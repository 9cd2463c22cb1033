"""Page-level finishing: explain abbreviations and defined terms, make links relative.

Both work on a whole page, because "first use" and "relative to where" are
questions about the page, not about any one piece of content on it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from . import urls
from .model import Glossary

_TAG = re.compile(r"<[^>]+>")
# Text inside these is left alone: it is already a link, code, or not prose.
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "title", "button", "h1",
         "h2", "h3", "h4", "h5", "h6",
         "textarea", "option", "label", "caption", "th"}
_URL_ATTR = re.compile(r'(\s(?:href|src|action)=")(/[^"/][^"]*|/)"')


@dataclass(frozen=True)
class Glosser:
    pattern: re.Pattern | None
    abbreviations: dict[str, str]   # abbr -> expansion
    terms: dict[str, str]           # lower-case term -> slug

    @staticmethod
    def of(glossary: Glossary) -> "Glosser":
        abbrs = {a.abbr: a.expansion for a in glossary.abbreviations if a.expansion}
        terms = {t.term.lower(): t.slug for t in glossary.terms}
        parts = []
        if abbrs:
            names = sorted(abbrs, key=len, reverse=True)
            parts.append(r"(?<![\w&-])(?P<abbr>" + "|".join(map(re.escape, names)) + r")(?![\w-])")
        if terms:
            names = sorted(terms, key=len, reverse=True)
            parts.append(r"(?i:\b(?P<term>" + "|".join(map(re.escape, names)) + r")\b)")
        return Glosser(re.compile("|".join(parts)) if parts else None, abbrs, terms)

    def apply(self, page_html: str, *, link_terms: bool = True) -> str:
        """Mark the first use of each abbreviation and term inside <main>."""
        if self.pattern is None:
            return page_html
        start = page_html.find("<main")
        end = page_html.rfind("</main>")
        if start < 0 or end < 0:
            return page_html
        seen: set[str] = set()
        body = self._walk(page_html[start:end], seen, link_terms)
        return page_html[:start] + body + page_html[end:]

    def _walk(self, region: str, seen: set[str], link_terms: bool) -> str:
        out, depth, pos = [], [], 0
        for tag in _TAG.finditer(region):
            out.append(self._text(region[pos:tag.start()], seen, link_terms) if not depth
                       else region[pos:tag.start()])
            out.append(tag.group(0))
            _track(tag.group(0), depth)
            pos = tag.end()
        out.append(self._text(region[pos:], seen, link_terms) if not depth else region[pos:])
        return "".join(out)

    def _text(self, text: str, seen: set[str], link_terms: bool) -> str:
        if not text.strip():
            return text

        def mark(match: re.Match) -> str:
            word = match.group(0)
            if match.groupdict().get("abbr"):
                if word in seen:
                    return word
                seen.add(word)
                return f'<abbr title="{html.escape(self.abbreviations[word])}">{word}</abbr>'
            key = word.lower()
            if not link_terms or key in seen:
                return word
            seen.add(key)
            return (f'<a class="govuk-link bulletin-term" href="{urls.GLOSSARY}#'
                    f'{self.terms[key]}">{word}</a>')

        return self.pattern.sub(mark, text)


def _track(tag: str, depth: list[str]) -> None:
    if tag.startswith("<!") or tag.endswith("/>"):
        return
    name = re.match(r"</?\s*([a-zA-Z0-9]+)", tag)
    if not name:
        return
    name_l = name.group(1).lower()
    if tag.startswith("</"):
        if depth and depth[-1] == name_l:
            depth.pop()
    elif name_l in _SKIP or depth:
        if name_l not in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            depth.append(name_l)


def relativise(page_html: str, page_url: str, base_path: str | None = None) -> str:
    """Turn site-absolute URLs into ones relative to `page_url`.

    The 404 page is served from any depth, so it gets `base_path` (the path of
    the site's base URL) instead.
    """
    def swap(match: re.Match) -> str:
        url = match.group(2)
        new = base_path.rstrip("/") + url if base_path is not None else urls.relative(url, page_url)
        return f'{match.group(1)}{new}"'

    return _URL_ATTR.sub(swap, page_html)
