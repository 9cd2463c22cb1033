"""Page-level finishing: explain abbreviations and defined terms, make links relative.

Both work on a whole page, because "first use" and "relative to where" are
questions about the page, not about any one piece of content on it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from . import urls
from .caseless import lowered_alike
from .model import Glossary

_TAG = re.compile(r"<[^>]+>")
# Text inside these is left alone: it is already a link, code, or not prose. A <summary> is
# a control, so a term's link in it would be a control inside a control (axe's
# nested-interactive: an action plan's "Earlier updates" named for an action about
# county lines).
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "title", "button", "h1",
         "h2", "h3", "h4", "h5", "h6",
         "textarea", "option", "label", "caption", "th", "summary"}
# A site-absolute URL in an href, src or action attribute. Found by its literal
# start (`="/`), which re scans for quickly, and then checked for the attribute's
# name: a pattern that begins with `\s` is tried at every space of a 400 KB deck.
_URL_VALUE = re.compile(r'="(/[^"/][^"]*|/)"')
_URL_NAME = re.compile(r"\s(?:href|src|action)\Z")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_WORD = re.compile(r"\w+")


# Up to this many alternatives, searching for each with str.find is quicker than one
# alternation: re tries the alternation at every letter that could start one.
FEW_LITERALS = 8


@dataclass(frozen=True)
class _Finder:
    """Where some alternatives may start in a region of a page. Given them in lower
    case as `lowered` too, it searches the region lowered where that finds the same
    places (`caseless`): the terms' IGNORECASE finder ran over every page. Given them
    as `literals` too, it searches the lowered region for each literal instead."""
    pattern: re.Pattern
    lowered: re.Pattern | None = None
    literals: tuple[str, ...] = ()
    abbreviations: bool = False   # its alternatives are the abbreviations (see `_walk`)

    def searcher(self, region: str, passed: set[str] | frozenset[str] = frozenset()
                 ) -> Callable[[int], int | None]:
        """A function of a position: the first start at or after it, or None. The
        abbreviations' finder steps over a match whose text is in `passed` (which may grow)."""
        lower = None if self.lowered is None else lowered_alike(region)
        if lower is None:
            return _first_match(self.pattern, region,
                                passed if self.abbreviations else frozenset())
        if self.literals:
            return _FirstLiteral(lower, self.literals)
        return _first_match(self.lowered, lower, frozenset())


def _first_match(pattern: re.Pattern, text: str, passed: set[str] | frozenset[str]
                 ) -> Callable[[int], int | None]:
    def first(pos: int) -> int | None:
        while (found := pattern.search(text, pos)) is not None:
            if found.group() not in passed:
                return found.start()
            pos = found.end()
        return None
    return first


class _FirstLiteral:
    """Where the first of some literals occurs from a position on. Each literal's next
    place is kept until a search passes it, so the text is read about once per literal."""

    def __init__(self, text: str, literals: tuple[str, ...]):
        self.text = text
        self.next = {literal: text.find(literal) for literal in literals}

    def __call__(self, pos: int) -> int | None:
        first = None
        for literal, at in self.next.items():
            if 0 <= at < pos:
                at = self.next[literal] = self.text.find(literal, pos)
            if at >= 0 and (first is None or at < first):
                first = at
        return first


@dataclass(frozen=True)
class Glosser:
    pattern: re.Pattern | None
    abbreviations: dict[str, str]   # abbr -> expansion
    terms: dict[str, str]           # lower-case term -> slug
    # `pattern`'s alternatives without its boundary checks, one finder per case
    # rule: Python's re scans these many times faster, so they say where
    # `pattern` is worth trying (each matches wherever `pattern` does, and more).
    finders: tuple[_Finder, ...] = ()

    @staticmethod
    def of(glossary: Glossary) -> "Glosser":
        abbrs = {a.abbr: a.expansion for a in glossary.abbreviations if a.expansion}
        terms = {t.term.lower(): t.slug for t in glossary.terms}
        parts, finders = [], []
        if abbrs:
            names = "|".join(map(re.escape, sorted(abbrs, key=len, reverse=True)))
            parts.append(r"(?<![\w&-])(?P<abbr>" + names + r")(?![\w-])")
            finders.append(_Finder(re.compile(names), abbreviations=True))
        if terms:
            names = "|".join(map(re.escape, sorted(terms, key=len, reverse=True)))
            parts.append(r"(?i:\b(?P<term>" + names + r")\b)")
            ascii_terms = names.isascii()
            few = tuple(terms) if ascii_terms and len(terms) <= FEW_LITERALS else ()
            finders.append(_Finder(re.compile(names, re.IGNORECASE),
                                   re.compile(names) if ascii_terms else None, few))
        return Glosser(re.compile("|".join(parts)) if parts else None, abbrs, terms,
                       tuple(finders))

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
        # Pages can hold hundreds of entries, but each word is explained only once:
        # look at the glossary's matches, and follow the tags only as far as the last
        # one that could still be marked.
        out, pos = [], 0
        tags = _SkipTracker(region)
        passed: set[str] = set()
        for match in self._matches(region, passed):
            key = self._key(match, seen, link_terms)
            if key is None or tags.skipped_at(match.start()):
                continue  # seen, inside a skipped element, or inside a tag itself
            seen.add(key)
            if match.lastgroup == "abbr" and _WORD.fullmatch(key):
                # Where the abbreviations' finder finds it again, nothing can be marked:
                # not it (seen), nor a shorter abbreviation (followed by a letter of it),
                # nor anything starting inside it (after a letter of it). So the finder
                # steps over it, instead of the pattern being tried there each time.
                passed.add(key)
            out += [region[pos:match.start()], self._mark(match)]
            pos = match.end()
            if self._all_seen(seen, link_terms):
                break
        out.append(region[pos:])
        return "".join(out)

    def _matches(self, region: str, passed: set[str] | frozenset[str] = frozenset()):
        """`self.pattern.finditer(region)`, found faster with the finders, less the matches
        of the abbreviations in `passed`, which `_walk` would not mark."""
        searches = [finder.searcher(region, passed) for finder in self.finders]
        ahead: list[int | None] = [search(0) for search in searches]
        pos = 0
        while True:
            for i, start in enumerate(ahead):
                if start is not None and start < pos:
                    ahead[i] = searches[i](pos)
            starts = [start for start in ahead if start is not None]
            if not starts:
                return
            match = self.pattern.match(region, min(starts))
            if match is None:
                pos = min(starts) + 1
            else:
                yield match
                pos = match.end()

    def _key(self, match: re.Match, seen: set[str], link_terms: bool) -> str | None:
        """What marking `match` records as seen; None if it is not to be marked."""
        is_abbr = match.lastgroup == "abbr"
        if not (is_abbr or link_terms):
            return None
        key = match.group(0) if is_abbr else match.group(0).lower()
        return None if key in seen else key

    def _mark(self, match: re.Match) -> str:
        word = match.group(0)
        if match.lastgroup == "abbr":
            return f'<abbr title="{html.escape(self.abbreviations[word])}">{word}</abbr>'
        return (f'<a class="govuk-link bulletin-term" href="{urls.GLOSSARY}#'
                f'{self.terms[word.lower()]}">{word}</a>')

    def _all_seen(self, seen: set[str], link_terms: bool) -> bool:
        return len(seen) >= len(self.abbreviations) + (len(self.terms) if link_terms else 0)


class _SkipTracker:
    """Whether places of a region, asked in order, fall inside an element of `_SKIP`
    (or inside a tag). The tags are `_TAG`'s matches from the region's start, and an
    element is followed as `_track` follows it; but outside every skipped element
    only their opening tags can change anything, so the tracker jumps from one to
    the next: following every tag of a page was most of glossing it."""

    def __init__(self, region: str):
        self.region = region
        self.pos = 0                  # where the next tag may start; no tag spans it
        self.depth: list[str] = []

    def skipped_at(self, place: int) -> bool:
        self._advance(place)
        return bool(self.depth) or _inside_a_tag(self.region, place)

    def _advance(self, limit: int) -> None:
        """Bring `depth` to where following every tag that ends by `limit` would: inside
        a skipped element every tag counts, outside it only the next opening of one."""
        while True:
            if self.depth:
                # Most often the next tag closes the innermost element: found without re.
                closing = f"</{self.depth[-1]}>"
                next_tag = self.region.find("<", self.pos)
                if next_tag >= 0 and self.region.startswith(closing, next_tag):
                    if next_tag + len(closing) > limit:
                        return
                    self.depth.pop()
                    self.pos = next_tag + len(closing)
                    continue
                tag = _TAG.search(self.region, self.pos)
                if tag is None or tag.end() > limit:
                    return
                _track(tag.group(0), self.depth)
                self.pos = tag.end()
                continue
            opening = self._next_skipped_opening()
            if opening is None or opening[1] > limit:
                return
            start, end = opening
            _track(self.region[start:end], self.depth)
            self.pos = end

    def _next_skipped_opening(self) -> tuple[int, int] | None:
        """(start, end) of the next tag from `pos` that opens an element of `_SKIP`."""
        region, at = self.region, self.pos
        while (found := _SKIP_OPENING.search(region, at)) is not None:
            start = found.start()
            end = region.find(">", start) + 1
            if not end:
                return None   # no '>' left: no tag either
            if _inside_a_tag(region, start):
                at = start + 1
            elif region[end - 2] == "/":   # <a/>: opens nothing (`_track`)
                at = end
            else:
                return start, end
        return None


def _inside_a_tag(region: str, place: int) -> bool:
    """Whether a `_TAG` match spans `place`. One that does starts at the first '<' after
    the last '>' before `place`, and ends at the first '>' after it, with something
    between ('<>' is not a tag)."""
    start = region.find("<", region.rfind(">", 0, place) + 1, place)
    return start >= 0 and region.find(">", place) > start + 1


_SKIP_OPENING = re.compile(r"<\s*(?ai:" + "|".join(sorted(_SKIP, key=len, reverse=True))
                           + r")(?![a-zA-Z0-9])")


def _track(tag: str, depth: list[str]) -> None:
    if tag.startswith("<!") or tag.endswith("/>"):
        return
    name = _TAG_NAME.match(tag)
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
        if not _URL_NAME.search(page_html, max(0, match.start() - 7), match.start()):
            return match.group(0)
        url = match.group(1)
        new = base_path.rstrip("/") + url if base_path is not None else urls.relative(url, page_url)
        return f'="{new}"'

    return _URL_VALUE.sub(swap, page_html)
