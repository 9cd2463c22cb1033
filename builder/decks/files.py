"""Every file a deck refers to, found in its rendered HTML and copied beside it.

References are read where reveal.js and the browser read them: `src`,
`poster`, `data-src`, slide backgrounds (`data-background`,
`data-background-image`, `-video`, `-iframe`), lightbox previews, links to
files, CSS `url()` and `@import` in `style` attributes, `<style>` blocks and
the deck's own `css` files, and its `scripts`. A file keeps its path relative
to the deck, so the deck folder works from `file://`, any sub-path and
offline; one outside the deck's folder goes under `_files/` and the
reference is rewritten. A missing file is an error naming the deck and the
line. Something loaded from another host is an error in a deck the site
publishes, as on the site's pages; in a deck of one's own it is kept, with a
warning that it will not show offline.

A deck the site publishes (`SiteLinks`) copies nothing from outside content/
but the site's own images (assets/images/, its logo among them), no hidden file, and a link in it to a content file (a page, a month's theme
file, a plan) becomes the address of that file's page, as in theme files: it
once copied the file's Markdown, a draft's included, into the public folder.
So does a site's deck made on its own, finding the pages without the site's model
(`ownsite`); a deck outside a site has no pages, and copies what it links to.
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from .. import markings
from ..errors import Problem, error, warning
from ..safety import is_remote
from . import dom
from .model import FileCopy, Slide
from .nearfile import near_path

URL_ATTRIBUTES = ("src", "poster", "data-src", "data-background-image", "data-background-iframe",
                  "data-preview-image", "data-preview-video")
_LIST_ATTRIBUTES = ("data-background-video",)
# Patterns as text, compiled (and kept by `re`) when a deck first has CSS or a background,
# not by every deck as it starts. Both are matched with re.I.
_CSS_URL = r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3"""
# reveal.js takes data-background as an image when it looks like one (backgrounds.js).
_IMAGE_LIKE = r"^(http|file|//)|\.(svg|png|jpg|jpeg|gif|bmp|webp)([?#\s]|$)"
OUTSIDE = "_files"
SITE_IMAGES = "assets/images"   # beside content/: a site's deck may use these files too
_SOURCE_SUFFIXES = (".md", ".markdown", ".yaml", ".yml")


@dataclass(frozen=True)
class SiteLinks:
    """What a deck the site publishes needs to link into the site."""

    content_dir: Path   # nothing outside it is copied into the deck's folder
    resolve: Callable[[str, str], "tuple[str | None, str | None]"]   # urls.resolver's
    deck_url: str       # where the deck is published, "/decks/<slug>/"


@dataclass
class Collector:
    """Gathers the files of one deck, and the problems on the way."""

    deck_dir: Path            # references are relative to this folder
    path: str                 # the deck file, for messages
    text: str                 # the deck file's text, to find the line of a reference
    problems: list[Problem]
    files: dict[str, FileCopy] = field(default_factory=dict)
    # one of the site's decks: how it links into the site (it loads nothing from another host)
    site: SiteLinks | None = None
    # `deck_dir` as messages name it; None: the deck file's own folder. (The monthly
    # decks' files are named in content/decks.yaml, and are under content/decks/.)
    shown_dir: str | None = None
    in_stylesheet: bool = False   # `path` is a stylesheet the deck uses (`_in_stylesheet`)

    def line_of(self, value: str, from_line: int) -> int:
        lines = self.text.splitlines()
        for number in range(max(from_line, 1), len(lines) + 1):
            if value in lines[number - 1]:
                return number
        return from_line

    def reference(self, value: str, line: int, *, link: bool = False, base: Path | None = None,
                  what: str = "") -> str:
        """The reference as it should read in the output; records the file to copy."""
        value = value.strip()
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
        if not value or value.startswith("#") or scheme in ("data", "mailto", "tel"):
            return value
        if is_remote(value):
            if not link:
                self.problems.append(self._remote_problem(what or repr(value), parts,
                                                          self.line_of(value, line)))
            return value
        if link and self.site is not None and (value.startswith("/") and not scheme
                                               or _is_source(parts.path)):
            return self._site_link(value, line)
        if scheme or value.startswith("/"):
            self.problems.append(error(self.path, self.line_of(value, line),
                f"'{value}' must be written relative to the deck, like images/chart.png."))
            return value
        return self._local(value, parts, line, base or self.deck_dir)

    def _site_link(self, value: str, line: int) -> str:
        """A link to a page of the site, by its content file or its address, or to another
        of the site's decks by its file."""
        from .. import urls   # here: a deck outside a site links to no page of one
        address, message = self._deck_address(value) or self.site.resolve(value, self.path)
        if message:
            self.problems.append(error(self.path, self.line_of(value, line), message))
        return urls.relative(address, self.site.deck_url) if address else value

    def _deck_address(self, value: str) -> tuple[str, None] | None:
        """'other-talk.md' beside this deck is published at /decks/other-talk/."""
        parts = urlsplit(value)
        target = (self.deck_dir / unquote(parts.path)).resolve()
        decks = self.site.content_dir.resolve() / "decks"
        if target.parent != decks or target.suffix != ".md" or not target.is_file():
            return None
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return deck_url_of(target) + fragment, None

    def _remote_problem(self, what: str, parts, line: int) -> Problem:
        if self.site is not None:
            name = posixpath.basename(unquote(parts.path)) or "chart.png"
            return error(self.path, line, (
                f"{what} loads from another host ({parts.netloc}). The site's decks, like "
                "its pages, load nothing from another host: it would tell that host who is "
                "watching, and leave a gap when the deck is presented offline. Save the file "
                f"beside the deck, in content/decks/, and point to it there: {name}."))
        return warning(self.path, line, (
            f"{what} loads from another host ({parts.netloc}), so it will not show when the "
            "deck is presented offline; copy the file beside the deck to be safe."))

    def _local(self, value: str, parts, line: int, base: Path) -> str:
        target = (base / unquote(parts.path)).resolve()
        if not target.is_file():
            self.problems.append(error(self.path, self.line_of(value, line),
                                       self._missing(parts.path, target, base)))
            return value
        refused = self._refused(target)
        if refused:
            self.problems.append(error(self.path, self.line_of(value, line),
                                       f"'{parts.path}' {refused}"))
            return value
        out = self._out_path(target)
        if out not in self.files and target.suffix.lower() in markings.PUBLISHED_AS_IS:
            self.problems.extend(markings.scan_published_file(self._shown(target),
                                                              target.read_bytes()))
        if target.suffix.lower() == ".css":
            self._add_css(target, out)
        else:
            self.files.setdefault(out, FileCopy(out, target))
        base_out = posixpath.dirname(self._out_path(base.resolve() / "_")) or "."
        written = posixpath.relpath(out, base_out)
        suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        same = posixpath.normpath(parts.path) == written
        return value if same else written + suffix

    def _missing(self, written: str, target: Path, base: Path) -> str:
        meant = near_path(base, unquote(written))
        if meant:
            return (f"the file '{written}' does not exist (looked for {target}); did you mean "
                    f"'{meant}'? (Names must match in capitals too: the deck is read on disks "
                    "that tell them apart.)")
        if not self.in_stylesheet:
            return (f"the file '{written}' does not exist (looked for {target}); put it beside "
                    "the deck or correct the path.")
        return (f"the file '{written}' does not exist: a url() is read from the stylesheet's "
                f"own folder, so it would be {self._shown(target)}; put the file there, or "
                "correct the url().")

    def _refused(self, target: Path) -> str | None:
        """Why `target` may not be copied into the deck's folder, if it may not."""
        if any(name.startswith(".") for name in self._from_deck(target)):
            return ("is a hidden file, which a deck does not publish; save a copy under "
                    "another name beside the deck and point to it there.")
        if self.site is None:
            return None
        inside = self.site.content_dir.resolve()
        # the site's images are published with its pages anyway: its logo among them
        images = inside.parent / SITE_IMAGES
        if inside not in target.parents and images not in target.parents:
            return ("is outside the site's content/ folder, and a deck the site publishes "
                    f"copies files from content/ and {SITE_IMAGES}/ only; save a copy beside "
                    "the deck (in content/decks/) and point to it there.")
        if _is_source(target.name):
            return ("is a content file, which a deck does not publish as it is written; "
                    "to send readers to its page, make it a link: [text](" +
                    os.path.relpath(target, self.deck_dir.resolve()).replace(os.sep, "/") + ").")
        return None

    def _from_deck(self, target: Path) -> list[str]:
        """The names in `target`'s path from where it and the deck's folder part."""
        return [p for p in os.path.relpath(target, self.deck_dir.resolve()).split(os.sep)
                if p != ".."]

    def _shown(self, target: Path) -> str:
        """`target` as messages name files: from the site's folder, like the deck's path."""
        return posixpath.normpath(posixpath.join(self._shown_folder(), os.path.relpath(
            target, self.deck_dir.resolve()).replace(os.sep, "/")))

    def _shown_folder(self) -> str:
        return self.shown_dir if self.shown_dir is not None else posixpath.dirname(self.path)

    def _out_path(self, target: Path) -> str:
        """Inside the deck's folder: the same path. Outside: under _files/, the path from
        where the two folders part, so "../shared/logo.png" is "_files/shared/logo.png"."""
        relative = Path(os.path.relpath(target, self.deck_dir.resolve())).as_posix()
        if not relative.startswith("../"):
            return relative
        return "/".join([OUTSIDE, *(p for p in relative.split("/") if p != "..")])

    def _add_css(self, target: Path, out: str) -> None:
        if out in self.files:
            return
        self.files[out] = FileCopy(out, target)  # placeholder against loops through @import
        css = target.read_text(encoding="utf-8", errors="replace")
        rewritten = self._in_stylesheet(target, css).css(css, 1, base=target.parent)
        self.files[out] = FileCopy(out, data=rewritten.encode("utf-8")) if rewritten != css \
            else FileCopy(out, target)

    def _in_stylesheet(self, target: Path, css: str) -> Collector:
        """This collector (its files and problems), with messages at the stylesheet's own
        lines: its url() to a missing file was reported at the line naming the stylesheet."""
        return replace(self, path=self._shown(target), text=css, shown_dir=self._shown_folder(),
                       in_stylesheet=True)

    def css(self, css: str, line: int, *, base: Path | None = None) -> str:
        def swap(match: re.Match) -> str:
            quote, value = (match.group(1), match.group(2)) if match.group(2) is not None \
                else (match.group(3), match.group(4))
            new = self.reference(value, line, base=base, what=f"the stylesheet address '{value}'")
            return match.group(0).replace(value, new) if new != value else match.group(0)

        return re.sub(_CSS_URL, swap, css, flags=re.I)


def _is_source(path: str) -> bool:
    return unquote(path).lower().endswith(_SOURCE_SUFFIXES)


def collect_slide(collector: Collector, slide: Slide) -> Slide:
    """The slide with its references rewritten where needed; files recorded on the collector."""
    notes = dom.parse(slide.notes) if slide.notes is not None else None
    return collect_tree(collector, dom.parse(slide.html), dict(slide.attributes), notes,
                        slide.line, slide.heading)


def collect_tree(collector: Collector, root: dom.Node, attributes: dict[str, str],
                 notes: dom.Node | None, line: int, heading: str | None) -> Slide:
    """`collect_slide` for a slide still held as trees (its HTML and notes), which it changes."""
    for node in root.walk():
        if node.is_element:
            _element(collector, node.tag, node.attrs, line)
        if node.is_element and node.tag == "style":
            for text in (c for c in node.children if c.kind == "text"):
                text.data = collector.css(text.data, line)
    _element(collector, "section", attributes, line)
    if notes is not None:
        for node in notes.walk():
            if node.is_element:
                _element(collector, node.tag, node.attrs, line)
    return Slide(dom.serialise(root), dom.serialise(notes) if notes is not None else None,
                 tuple(attributes.items()), line, heading)


def _element(collector: Collector, tag: str, attrs: dict[str, str], line: int) -> None:
    if tag == "img" and "alt" not in attrs:
        collector.problems.append(warning(collector.path, collector.line_of(attrs.get("src", "<img"), line),
            f"the image '{attrs.get('src', '')}' has no text alternative; add alt=\"what it shows\"."))
    for name in URL_ATTRIBUTES:
        if attrs.get(name):
            attrs[name] = collector.reference(attrs[name], line)
    for name in _LIST_ATTRIBUTES:
        if attrs.get(name):
            attrs[name] = ",".join(collector.reference(v, line) for v in attrs[name].split(","))
    if tag == "a" and attrs.get("href"):
        attrs["href"] = collector.reference(attrs["href"], line, link=True)
    background = attrs.get("data-background", "")
    if background and "url(" in background:
        attrs["data-background"] = collector.css(background, line)
    elif background and re.search(_IMAGE_LIKE, background.strip(), re.I):
        attrs["data-background"] = collector.reference(background, line)
    if attrs.get("style"):
        attrs["style"] = collector.css(attrs["style"], line)


def collect_listed(collector: Collector, names: tuple[str, ...], line: int, what: str) -> tuple[str, ...]:
    """The deck's `css` or `scripts` files: copied, with their output paths."""
    return tuple(collector.reference(name, line, what=f"the {what} '{name}'") for name in names)


def deck_url_of(deck: Path) -> str:
    """Where the site publishes its deck saved as `deck` (content/decks/Big Talk.md:
    /decks/big-talk/)."""
    from .. import urls
    from ..markdown import slugify
    return urls.deck(slugify(deck.stem))
