"""The deck generated for each month, straight from the bulletin's content.

Title (bulletin, month, presenter), agenda of themes with their RAG status,
then a stack per theme: its status as word, colour and shape, the change
since last month and its key points, a slide per sub-item, one per image after
the slide of the text it is in, a slide per data table (more where its rows do not
fit one: `tablepages`) and chart. Then contacts, and questions. The speaker notes of
a theme's first slide carry the entry's text before its first sub-heading (all of
it, if it has none; its status and what it covers, if its text starts with one);
each sub-item's notes carry that sub-item's text; an image's, its description.
Slides are drawn by
`templates/decks/monthly.html` (`monthslides`).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, NamedTuple

import jinja2

from .. import parallel, urls
from ..cache import DECKS_VERSION, Memo, digest, spelled
from ..errors import Problem, error
from ..fragments import Fragments
from ..model import Content, Issue
from ..shown import IssueViews
from .brand import DeckLogo, deck_logo
from .config import DecksConfig
from .reviewed import FOLDER
from .drawn import Draw, DrawnDeck, drawn, made_from
from .files import Collector, SiteLinks, collect_listed
from .handwritten import read_handwritten
from .model import HIGHLIGHT_THEMES, Deck, DeckOptions, Slide
from .source import REVEAL_DEFAULTS
from .monthslides import Drawer
from .siteimages import own_images
from .summary import DeckSummary, ShowsSummary, summarise


def monthly_decks(root: Path, content: Content, fragments: Fragments, config: DecksConfig,
                  env: jinja2.Environment, problems: list[Problem], *, jobs: int = 1,
                  memo: Memo | None = None, templates: Callable[[], str] = lambda: "",
                  views: IssueViews | None = None, draw: Draw | None = None
                  ) -> tuple[Deck | KeptDeck | DrawnDeck, ...]:
    """One deck per issue; the issues are independent, so they are drawn on up to `jobs`
    processes (`builder.parallel`), in issue order. With `memo`, a deck whose inputs
    (the issue, its view and fragments, the deck settings and `templates()`, a digest
    of the template files) are unchanged is known by the summary an earlier build kept
    (`KeptDeck`), and drawn again only if its slides are read. With `draw`, each deck
    made is handed back as a `DrawnDeck`: its page drawn where it was made."""
    shared = _shared(root, content, fragments, config, env, problems, views, draw)
    views, issues = shared.views, list(content.issues)
    if memo is None:
        return tuple(parallel.ordered_map(_new_deck, shared, issues, jobs, min_items=8))
    # the site's folder too: a kept deck's copies of its images are read from it
    salt = digest(DECKS_VERSION, templates(), spelled((config, shared.backgrounds,
                                                         shared.collector.files, shared.extras,
                                                         shared.logo, str(shared.root))))
    keys = [digest(salt, spelled(_inputs(views, issue, fragments))) for issue in issues]
    decks: list[Deck | KeptDeck | None] = [
        _kept(memo.get(key), functools.partial(_remade, shared, issue, key))
        for issue, key in zip(issues, keys)]
    missing = [i for i, deck in enumerate(decks) if deck is None]
    fresh = parallel.ordered_map(_new_deck, shared, [issues[i] for i in missing], jobs,
                                 min_items=8)
    for i, deck in zip(missing, fresh):
        decks[i] = made_from(deck, keys[i])
        memo.put(keys[i], summarise(decks[i]))
    return tuple(decks)


def month_deck(root: Path, content: Content, fragments: Fragments, config: DecksConfig,
               env: jinja2.Environment, problems: list[Problem], issue: Issue,
               views: IssueViews) -> Deck:
    """The deck of `issue` alone, as `monthly_decks` makes it (`bulletin deck 2026-02`)."""
    return _month_deck(_shared(root, content, fragments, config, env, problems, views, None),
                       issue)


def _shared(root: Path, content: Content, fragments: Fragments, config: DecksConfig,
            env: jinja2.Environment, problems: list[Problem], views: IssueViews | None,
            draw: Draw | None) -> _Shared:
    # Every monthly deck is at /decks/<month>/: a link from an extra slide reads the same
    # from each of them.
    site = SiteLinks(root / "content", urls.resolver(content), urls.deck("extra"))
    collector = Collector((root / FOLDER), config.path, _text(root / config.path), problems,
                          site=site, shown_dir=FOLDER)
    backgrounds = {where: collector.reference(path, collector.line_of(path, 1))
                   for where, path in config.backgrounds}
    # once for every month: each deck's folder has the same copies
    css = collect_listed(collector, config.css, config.css_line, "stylesheet")
    logo = deck_logo(root, content.site)
    if logo is not None:
        collector.files.setdefault(logo.src, logo.copy())
    extras = [(extra, read_handwritten(root, root / FOLDER / extra.file, "extra", problems,
                                       site=site))
              for extra in config.extra if _exists(root, extra, problems, config)]
    return _Shared(views or IssueViews(content, fragments), fragments, config, env,
                   backgrounds, collector, extras, draw, css, logo, root,
                   frozenset(content.images))


@dataclass(frozen=True)
class KeptDeck(ShowsSummary):
    """A generated deck whose inputs are those of a deck an earlier build made, known by
    the summary that build kept. The site reuses that build's page of it, so its slides
    are drawn again only if something reads them: when the page was not kept."""

    summary: DeckSummary
    remake: Callable[[], Deck] = field(compare=False, repr=False)

    @functools.cached_property
    def stacks(self) -> tuple[tuple[Slide, ...], ...]:
        return self.remake().stacks


def _kept(summary: DeckSummary | None, remake: Callable[[], Deck]) -> KeptDeck | None:
    return KeptDeck(summary, remake) if summary is not None else None


def _remade(shared: _Shared, issue: Issue, key: str) -> Deck:
    return replace(_month_deck(shared, issue), made_from=key)


def _inputs(views: IssueViews, issue: Issue, fragments: Fragments) -> tuple:
    """Everything `_deck` reads about one issue: the issue, its view (which carries the
    change since the previous month; the digest of its inputs where known) and its
    entries' HTML, or the fragments' digests where known. (Not whole fragments: their
    sets of anchors pickle in an order that differs from one process to the next.)"""
    return (issue, views.key_of(issue) or views.of(issue),
            [fragments.entry(e).made_from or fragments.entry(e).html for e in issue.entries])


def _new_deck(shared: _Shared, issue: Issue) -> Deck | DrawnDeck:
    """A deck just made; drawn at once when `shared` has a `draw`."""
    return drawn(_month_deck(shared, issue), shared.draw)


class _Shared(NamedTuple):
    """What every month's deck is drawn with (sent once to each worker process)."""

    views: IssueViews
    fragments: Fragments
    config: DecksConfig
    env: jinja2.Environment
    backgrounds: dict[str, str]
    collector: Collector
    extras: list
    draw: Draw | None
    css: tuple[str, ...]   # the site's own stylesheets, as each deck's page links them
    logo: DeckLogo | None  # the site's, for the title slide
    root: Path             # the site's folder, which an update's images are copied from
    images: frozenset[str]  # the content's images ("content/images/map.png")


def _month_deck(shared: _Shared, issue: Issue) -> Deck:
    # A deck drawn as it is made is made for one build, which meets each entry once:
    # remembered, their splits would hold a copy of every entry's HTML to its end.
    return _deck(shared, issue, remember=shared.draw is None)


def _deck(shared: _Shared, issue: Issue, remember: bool = True) -> Deck:
    views, fragments, config, env, backgrounds, collector, extras, _, css, logo, root, images = \
        shared
    view = views.of(issue)
    entries = [e for e in view.entries if config.themes is None or e.id in config.themes]
    if config.themes is not None:
        entries.sort(key=lambda e: config.themes.index(e.id))
    slide = Drawer(env, config.background_opacity, backgrounds, remember, logo, config.theme)
    stacks: list[tuple[Slide, ...]] = [(slide.title(view, config),)]
    stacks += _extra(extras, "title")
    stacks.append((slide.agenda(entries),))
    stacks += _extra(extras, "agenda")
    for entry in entries:
        stacks.append(tuple(slide.theme_stack(entry, issue, fragments)))
    stacks += _extra(extras, "themes")
    stacks.append((slide.contacts(entries),))
    stacks += _extra(extras, "contacts")
    stacks.append((slide.questions(),))
    stacks, copies = own_images(stacks, root, images)
    files = dict(collector.files) | {copy.out: copy for copy in copies}
    for _, extra in extras:
        files.update({f.out: f for f in extra.files} if extra else {})
    title = f"{view.title}: {view.month_label}"
    sensitive = (any(e.exit_this_page for e in entries)
                 or any(deck.options.exit_this_page for _, deck in extras if deck))
    return Deck(issue.month.slug, title, issue.origin.path,
                _options(config, issue, sensitive, css), tuple(stacks), tuple(files.values()),
                generated=True, description=f"Generated from the {view.month_label} issue")


def _options(config: DecksConfig, issue: Issue, sensitive: bool,
             css: tuple[str, ...]) -> DeckOptions:
    # A deck published with the site that shows a sensitive theme's words (or merges in
    # slides that ask for it) offers the way out its pages do (builder.decks.exitpage).
    # Its themes are stacks, and → went theme to theme past their sub-items, tables and
    # charts (a council officer's trial): linear, → and ↓ both go to the next slide, as
    # Space and a presenter's remote (Page Down) do. Each slide shows its number of the
    # whole ("9 / 17"): "back to slide 7" in questions had nothing to go by.
    return DeckOptions(title=None, theme=config.theme, highlight_theme=HIGHLIGHT_THEMES[1],
                       separator="", vertical_separator=None, notes_separator="",
                       reveal_options={**REVEAL_DEFAULTS, "transition": "slide",
                                       "navigationMode": "linear", "slideNumber": "c/t"},
                       css=css,
                       scripts=(), month=issue.month,
                       exit_this_page=sensitive, draft=issue.is_draft)


def _extra(extras, after: str) -> list[tuple[Slide, ...]]:
    return [stack for extra, deck in extras if deck and extra.after == after
            for stack in deck.stacks]


def _exists(root: Path, extra, problems: list[Problem], config: DecksConfig) -> bool:
    if (root / FOLDER / extra.file).is_file():
        return True
    problems.append(error(config.path, extra.line, f"the file of extra slides '{extra.file}' "
                                                   f"does not exist in {FOLDER}/."))
    return False


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
