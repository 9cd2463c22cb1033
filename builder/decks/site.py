"""Decks in the site build: every hand-written deck and a generated one per month.

Each deck is published at `/decks/<slug>/` as a folder that works on its
own (copy it to a USB stick); the decks page lists them and each issue page
links the decks that belong to its month.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2

from .. import urls
from ..blobs import Spill
from ..cache import Memo
from ..errors import Problem, warning
from ..fragments import Fragments
from ..glossing import relativise
from ..markdown import slugify
from ..model import Content
from ..texts import EXIT_THIS_PAGE_URL
from ..outputs import Output, PageReuse, spilled
from ..shown import IssueViews
from .config import read_config
from .reviewed import FOLDER
from .drawn import DrawnDeck
from .files import SiteLinks
from .handwritten import read_handwritten
from .exitpage import Stylesheet
from .model import Deck
from .monthly import monthly_decks
from .page import (PLAIN, TEMPLATE, DeckStyle, deck_files, deck_page, own_stylesheet,
                   shared_reads)



@dataclass(frozen=True)
class DeckLink:
    """A deck as the decks page and issue pages list it."""

    title: str
    href: str
    description: str
    month: str | None       # month slug, for the issue page it belongs to
    generated: bool
    slides: int
    draft: bool = False     # a draft month's deck, in a build with --drafts


def read_site_decks(root: Path, content: Content, fragments: Fragments, env: jinja2.Environment,
                    problems: list[Problem], *, jobs: int = 1, memo: Memo | None = None,
                    templates: Callable[[], str] = lambda: "", views: IssueViews | None = None,
                    draw: PageDrawer | None = None) -> tuple[Deck, ...]:
    folder = root / FOLDER
    config = read_config(root, tuple(t.slug for t in content.themes), problems)
    resolve = urls.resolver(content)
    problems.extend(_misnamed_decks(root, folder))
    written = [read_handwritten(root, file, slug, problems, config.reviewed_for(file.name),
                                site=site_links(root, resolve, urls.deck(slug)))
               for file in sorted(folder.glob("*.md")) if (slug := slugify(file.stem))
               ] if folder.is_dir() else []
    generated = monthly_decks(root, content, fragments, config, env, problems, jobs=jobs,
                              memo=memo, templates=templates, views=views, draw=draw)
    return tuple(d for d in written if d is not None) + generated


def _misnamed_decks(root: Path, folder: Path) -> list[Problem]:
    """A deck saved as 'talk.markdown' or 'talk.MD' was left out in silence."""
    if not folder.is_dir():
        return []
    return [warning(file.relative_to(root).as_posix(), 0, f"this deck is not read: decks are "
                    f"files ending .md; rename it {file.name.split('.')[0]}.md.")
            for file in sorted(folder.iterdir())
            if file.is_file() and file.suffix != ".md"
            and file.suffix.lower() in (".md", ".markdown", ".mdown")]


def site_links(root: Path, resolve, deck_url: str) -> SiteLinks:
    return SiteLinks(root / "content", resolve, deck_url)


def deck_url(deck: Deck) -> str:
    return urls.deck(deck.slug)


def deck_links(decks: tuple[Deck, ...]) -> tuple[DeckLink, ...]:
    return tuple(DeckLink(d.title, deck_url(d), d.description,
                          d.options.month.slug if d.options.month else None, d.generated,
                          d.slide_count, d.options.draft) for d in decks)


def deck_outputs(decks: tuple[Deck, ...], env: jinja2.Environment, node_modules: Path,
                 lang: str, site_title: str, exit_css: Stylesheet, *, render: bool = True,
                 reuse: PageReuse | None = None, spill: Spill | None = None,
                 exit_url: str = EXIT_THIS_PAGE_URL, style: DeckStyle = PLAIN) -> list[Output]:
    """Every file of every deck folder; with render=False only where each deck's page goes.
    With `reuse`, the page of a deck whose inputs are known (`Deck.made_from`) and
    unchanged is the one an earlier build rendered. With `spill`, each page is stored
    as it is made; a `DrawnDeck`'s was stored when the deck was made. `exit_css` is
    asked for once, by the first deck with "Exit this page". `style` is the monthly
    decks' (their brand, `brand.deck_style`); a hand-written deck keeps its own look."""
    if not render:
        return [Output(deck_url(deck), b"") for deck in decks]
    outputs, draw = [], PageDrawer(env, node_modules, lang, site_title, spill, exit_url)
    exit_css = functools.cache(exit_css)   # the same bytes in every deck that has it
    own_css = functools.cache(lambda generated: own_stylesheet(env, style if generated
                                                               else PLAIN))
    read = shared_reads()   # the files the decks share (the logo, css:): one bytes object each
    for deck in decks:
        base = deck_url(deck)
        outputs.append(_deck_page(deck, base, draw, reuse))
        files = deck_files(deck, env, node_modules, exit_css, own_css(deck.generated), read)
        outputs += [spilled(Output(base + rel, data), spill if rel.endswith(".html") else None)
                    for rel, data in files.items()]
    return outputs


@dataclass(frozen=True)
class PageDrawer:
    """Draws a deck's page (and stores it, with `spill`)."""

    env: jinja2.Environment
    node_modules: Path
    lang: str
    site_title: str   # in each page's <title>, as the site's pages have it
    spill: Spill | None = None
    exit_url: str = EXIT_THIS_PAGE_URL   # where "Exit this page" goes: site.yaml's

    def __call__(self, deck: Deck) -> Output:
        base = deck_url(deck)
        html = deck_page(deck, self.env, self.node_modules, lang=self.lang,
                         feed=urls.FEED, site_title=self.site_title,
                         exit_url=self.exit_url).decode("utf-8")
        # generated slides link to site pages by site address
        return spilled(Output(base, relativise(html, base).encode("utf-8")), self.spill)


def _deck_page(deck: Deck | DrawnDeck, base: str, draw: PageDrawer,
               reuse: PageReuse | None) -> Output:
    key = None
    if reuse is not None and deck.made_from:
        # The page is drawn from the deck alone (even the reveal.js files it links are
        # chosen by the deck's options), and the deck's inputs' digest names it in full.
        key = reuse.key(TEMPLATE, base, False, {"deck": deck.made_from, "lang": draw.lang,
                                                "site": draw.site_title, "exit": draw.exit_url})
        kept = reuse.get(key)
        if kept is not None:
            return kept
    output = deck.page if isinstance(deck, DrawnDeck) else draw(deck)
    if key is not None:
        reuse.pending[key] = output
    return output
