"""The deck generated for each month, straight from the bulletin's content.

Title (bulletin, month, presenter), agenda of themes with their RAG status,
then a stack per theme: its status as word, colour and shape, the change
since last month and its key points, a slide per sub-item, a slide per data
table (more where its rows do not fit one: `tablepages`) and chart. Then contacts,
and questions. The speaker notes of a theme's first slide carry the theme entry's
full text; each sub-item's notes carry that sub-item's text. Slides are drawn by
`templates/decks/monthly.html`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, NamedTuple

import jinja2
from markupsafe import Markup

from .. import parallel, urls
from ..cache import DECKS_VERSION, Memo, digest, spelled
from ..errors import Problem, error
from ..fragments import Fragments
from ..tablemarks import without_marks
from ..model import Content, Issue
from ..shown import IssueViews
from ..templating import render_template
from ..tableviews import TableView
from ..views import EntryView, IssueView
from .subitems import intro_points, split_outlined, split_subitems
from .brand import DeckLogo, deck_logo
from .config import DecksConfig
from .reviewed import FOLDER
from .drawn import Draw, DrawnDeck, drawn, made_from
from .files import Collector, SiteLinks, collect_listed
from .handwritten import read_handwritten
from .model import HIGHLIGHT_THEMES, Deck, DeckOptions, Slide
from .source import REVEAL_DEFAULTS
from .summary import DeckSummary, ShowsSummary, summarise
from .tablepages import chart_notes, table_notes, table_pages

TEMPLATE = "decks/monthly.html"
# A theme slide holds its status, change and RAG note too: three points of up to 45
# words still fit a 1024x768 projector (subitems.LONGEST_SENTENCE).
INTRO_POINTS = 3


@dataclass(frozen=True)
class SlideView:
    """What one generated slide shows: `kind` picks the block in the template."""

    kind: str
    title: str
    data: dict[str, Any]


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
    salt = digest(DECKS_VERSION, templates(), spelled((config, shared.backgrounds,
                                                         shared.collector.files, shared.extras,
                                                         shared.logo)))
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
                          published=True, site=site, shown_dir=FOLDER)
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
                   backgrounds, collector, extras, draw, css, logo)


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


def _month_deck(shared: _Shared, issue: Issue) -> Deck:
    # A deck drawn as it is made is made for one build, which meets each entry once:
    # remembered, their splits would hold a copy of every entry's HTML to its end.
    return _deck(shared, issue, remember=shared.draw is None)


def _deck(shared: _Shared, issue: Issue, remember: bool = True) -> Deck:
    views, fragments, config, env, backgrounds, collector, extras, _, css, logo = shared
    view = views.of(issue)
    entries = [e for e in view.entries if config.themes is None or e.id in config.themes]
    if config.themes is not None:
        entries.sort(key=lambda e: config.themes.index(e.id))
    slide = _Drawer(env, config.background_opacity, backgrounds, remember, logo,
                    config.theme)
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
    files = dict(collector.files)
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
    # whole ("9/17"): "back to slide 7" in questions had nothing to go by.
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


@dataclass
class _Drawer:
    env: jinja2.Environment
    opacity: float
    backgrounds: dict[str, str]
    remember: bool = True   # keep what the entries' HTML was split into (see _SEEN)
    logo: DeckLogo | None = None
    theme: str = "white"    # the deck's reveal.js theme, whose headings a table's rows go under

    def _slide(self, view: SlideView, notes: str | None, background: str | None = None,
               heading: str | None = None) -> Slide:
        html = render_template(self.env, TEMPLATE, {"slide": view})
        attributes = ()
        if background:
            attributes = (("data-background-image", background),
                          ("data-background-opacity", f"{self.opacity:g}"))
        return Slide(html, notes, attributes, 0, heading or view.title)

    def title(self, view: IssueView, config: DecksConfig) -> Slide:
        data = {"month": view.month_label, "presenter": config.presenter,
                "role": config.presenter_role, "published": view.published,
                "draft": view.draft,
                "logo": self.logo and self.logo.on_title_slide(view.title, config.presenter,
                                                               config.presenter_role)}
        notes = str(view.summary) if view.summary else None
        return self._slide(SlideView("title", view.title, data), notes, self.backgrounds.get("title"))

    def agenda(self, entries: list[EntryView]) -> Slide:
        items = [(e.theme_title, e.rag) for e in entries]
        notes = "".join(f"<p>{_esc(e.theme_title)}: {e.rag.label}. {_esc(e.change.text if e.change else '')}</p>"
                        for e in entries)
        return self._slide(SlideView("agenda", "Agenda", {"items": items}), notes)

    def theme_stack(self, entry: EntryView, issue: Issue, fragments: Fragments):
        fragment = fragments.entry(issue.entry(entry.id))
        unmarked = without_marks(fragment.html)
        intro, parts = (split_subitems(unmarked, self.remember) if fragment.outline is None
                        else split_outlined(fragment.html, fragment.outline))
        points = intro_points(intro, INTRO_POINTS) if not parts and not entry.summary else ()
        data = {"rag": entry.rag, "change": entry.change.text if entry.change else "",
                "summary": entry.summary, "rag_note": entry.rag_note, "points": points,
                "topics": [part.title for part in parts], "no_update": entry.no_update}
        full = unmarked or "<p>No update this month.</p>"
        yield self._slide(SlideView("theme", entry.theme_title, data), full,
                          self.backgrounds.get("sections"))
        for part in parts:
            yield self._slide(SlideView("subitem", part.title, {"theme": entry.theme_title,
                                                                "points": list(part.points)}),
                              part.html)
        for part in entry.parts:  # the intro is in the theme slide's notes
            if isinstance(part, TableView):
                yield from self._table(part)

    def _table(self, table: TableView):
        for page in table_pages(table, self.theme):
            yield self._slide(SlideView("table", page.title, {"table": table, "page": page}),
                              table_notes(table, page))
        if table.slide_chart_svg is not None:
            # a chart of one of several number columns says which, as the page's caption
            # does; without "chart" after it, which its bars say, a long title kept to two
            # lines and its chart to the slide (the trial's third line ran 7 px past it)
            title = f"{table.title}: {table.chart_of}" if table.chart_of else \
                f"{table.title}: chart"
            yield self._slide(SlideView("chart", title, {"table": table}), chart_notes(table))

    def contacts(self, entries: list[EntryView]) -> Slide:
        groups = [(e.theme_title, e.contacts) for e in entries if e.contacts]
        return self._slide(SlideView("contacts", "Contacts", {"groups": groups}), None)

    def questions(self) -> Slide:
        return self._slide(SlideView("questions", "Questions", {}), None,
                           self.backgrounds.get("closing"))


def _esc(text: str) -> str:
    return str(Markup.escape(text))
