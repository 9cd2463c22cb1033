"""A `Deck` as the files of its output folder: index.html, reveal.js, its own files.

The template gets a plain `DeckView`. Every address in the page is relative
to the deck folder, so the folder works from `file://`, from any sub-path of
a site and from a USB stick.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from ..texts import EXIT_THIS_PAGE_URL
from ..templating import render_template
from .exitpage import Stylesheet, exit_files, exit_scripts, exit_stylesheets
from .model import Deck, FileCopy, Slide
from .revealjs import reveal_files

OWN_CSS = "bulletin-deck.css"
TEMPLATE = "decks/deck.html"


@dataclass(frozen=True)
class SlideView:
    """A slide as the deck template shows it."""

    attributes: tuple[tuple[str, str], ...]
    html: Markup
    notes: Markup | None
    hidden_heading: str | None     # for a slide with no heading of its own


@dataclass(frozen=True)
class DeckView:
    """What the deck template is given: plain values, never the model."""

    title: str
    lang: str
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]
    plugins: tuple[str, ...]
    options_json: Markup
    stacks: tuple[tuple[SlideView, ...], ...]
    feed: str | None = None        # the site's feed, for decks published with the site
    site_title: str | None = None  # the site's name, for decks published with the site
    exit_this_page: bool = False   # GOV.UK's "Exit this page" button (builder.decks.exitpage)
    exit_url: str = EXIT_THIS_PAGE_URL   # where it goes: the site's exit_this_page_url
    draft: bool = False            # a draft month's: "Draft:" in its title, and noindex


@dataclass(frozen=True)
class DeckStyle:
    """What the decks' own stylesheet (templates/decks/deck.css) is given: the accent
    colour of the site's monthly decks (`brand.deck_style`), or None: a hand-written
    deck's, or a brand that would not stand out from the theme."""

    accent: str | None = None


PLAIN = DeckStyle()


def own_stylesheet(env: jinja2.Environment, style: DeckStyle = PLAIN) -> bytes:
    """bulletin-deck.css: the same bytes in every deck drawn with `style`."""
    return render_template(env, "decks/deck.css", {"style": style}).encode("utf-8")


def render_deck(deck: Deck, env: jinja2.Environment, node_modules: Path, exit_css: Stylesheet,
                *, lang: str = "en-GB", feed: str | None = None,
                exit_url: str = EXIT_THIS_PAGE_URL) -> dict[str, bytes]:
    """Relative path inside the deck folder -> bytes."""
    files = deck_files(deck, env, node_modules, exit_css)
    files["index.html"] = deck_page(deck, env, node_modules, lang=lang, feed=feed,
                                    exit_url=exit_url)
    return files


def deck_page(deck: Deck, env: jinja2.Environment, node_modules: Path, *, lang: str = "en-GB",
              feed: str | None = None, site_title: str | None = None,
              exit_url: str = EXIT_THIS_PAGE_URL) -> bytes:
    """The deck's index.html."""
    reveal = reveal_files(node_modules, deck)
    view = DeckView(
        title=deck.title, lang=lang, feed=feed, site_title=site_title,
        exit_this_page=deck.options.exit_this_page, exit_url=exit_url,
        draft=deck.options.draft,
        stylesheets=(reveal.stylesheets + (OWN_CSS,) + exit_stylesheets(deck.options)
                     + deck.options.css),
        scripts=reveal.scripts + exit_scripts(deck.options) + deck.options.scripts,
        plugins=reveal.plugins,
        options_json=Markup(script_json(deck.options.reveal_options)),
        stacks=tuple(_stack_views(deck.stacks, deck.title)))
    return render_template(env, TEMPLATE, {"deck": view}).encode("utf-8")


def deck_files(deck: Deck, env: jinja2.Environment, node_modules: Path,
               exit_css: Stylesheet, own_css: bytes | None = None,
               read: Callable[[FileCopy], bytes] = FileCopy.read) -> dict[str, bytes]:
    """Every file of the deck's folder but its index.html. `exit_css` is asked for only
    by a deck with "Exit this page"; `own_css` is its bulletin-deck.css where a site
    has drawn that once for all its decks (`own_stylesheet`); `read` reads each file
    (the site's decks share one reading of each: `shared_reads`)."""
    reveal = reveal_files(node_modules, deck)
    exit_page = exit_files(deck.options, node_modules, exit_css)
    files = {f.out: read(f) for f in reveal.files + exit_page + deck.files}
    files[OWN_CSS] = own_css if own_css is not None else own_stylesheet(env)
    return files


def shared_reads() -> Callable[[FileCopy], bytes]:
    """A reader of decks' files that reads each file on disk once, and hands every deck that
    uses it the same bytes: every month's deck has the site's logo and deck stylesheet,
    read and held once a deck (12 MB of one 30 KB logo at 400 months)."""
    from_disk = functools.cache(Path.read_bytes)
    return lambda f: f.data if f.data is not None else from_disk(f.source)


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _stack_views(stacks: tuple[tuple[Slide, ...], ...], title: str):
    for h, stack in enumerate(stacks):
        views = []
        for v, slide in enumerate(stack):
            hidden = None if slide.heading is not None else hidden_heading(stacks, title, h, v)
            views.append(SlideView(slide.attributes, Markup(slide.html),
                                   Markup(slide.notes) if slide.notes is not None else None, hidden))
        yield tuple(views)


def hidden_heading(stacks: tuple[tuple[Slide, ...], ...], title: str, h: int, v: int) -> str:
    """The heading a screen reader finds on a slide that has none, in one form, 'where,
    slide N of M': in a stack, its place in the stack, under the stack's first heading
    (or the deck's title and the stack's place); a slide on its own, its place in the
    deck, as the address counts it (#/8). They were worded two ways ("Performance,
    slide 2 of 2" and "Community Safety and Performance: slide 8")."""
    stack = stacks[h]
    if len(stack) == 1:
        return f"{title}, slide {h + 1} of {len(stacks)}"
    where = stack[0].heading or f"{title}, section {h + 1}"
    return f"{where}, slide {v + 1} of {len(stack)}"
