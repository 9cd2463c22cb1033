"""The views a build shows, each made at most once, and only when a page needs it.

The home page, an issue's own page, the archive and the issue's generated deck
all show the same issue view; an issue and its theme's history show the same
entry view. `IssueViews` makes each once per build process: a parallel build's
pages stage starts from the views this process made for its decks, and its
worker makes the others it needs.

With the build cache, every entry, fragment and data table carries the digest
of its inputs (`made_from`), so an issue's or a theme's view can be named by a
digest of those before it is made. Pages are then handed a `Deferred` view:
a page's key spells only that digest (`cache.spelled`), and the view is made
the first time a template reads from it. A page found in the cache is
returned without its views being made at all, so an edit to one file makes
only the views of the pages it changes. Without the cache no page is spelled,
and every view is deferred: each process of a parallel build makes only the
views of the pages it renders.
"""
from __future__ import annotations

from typing import Any, Callable

from .cache import ISSUE_VIEW_VERSION, OVERVIEW_VERSION, THEME_VIEW_VERSION, digest, spelled
from .fragments import Fragments
from .markdown import Fragment
from .model import Content, Entry, Issue, Theme
from .themes import (Overview, ThemePage, ThemeView, entries_by_theme, overview_pages,
                     rag_overview, theme_pages, theme_view)
from .views import (EntryView, IssueView, entry_view, entry_view_key, issue_view,
                    tables_digest, theme_digest)


class Deferred:
    """A view known by the digest of its inputs (`made_from`), made when first read."""

    __slots__ = ("made_from", "_make", "_made")

    def __init__(self, made_from: str, make: Callable[[], Any]) -> None:
        self.made_from, self._make, self._made = made_from, make, None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):   # copy, pickle and Jinja probe for these: not the view's
            raise AttributeError(name)
        return getattr(self.made(), name)

    def made(self) -> Any:
        """The view itself. A page about to be drawn asks for it: its template reads the
        view many times, and each read of a Deferred first fails as its own attribute."""
        if self._made is None:
            self._made = self._make()
        return self._made


# A theme, its entries with their issues (oldest first), and each of its pages' views
ThemeShown = tuple[Theme, list[tuple[Issue, Entry]], list[tuple[ThemePage, "ThemeView | Deferred"]]]


class IssueViews:
    """Issue, theme and entry views for one build of `content`. `keyed`: pages are kept
    between builds, so their contexts are spelled into keys, and a view whose inputs'
    digest is unknown must be handed over made. An issue's view, once made, is kept for
    the pages and the deck that show it too: in a parallel build, the views this process
    made for its decks go with it into the pages stage's worker. (A view shares its
    entries' HTML with their fragments: `views.Html`.)"""

    def __init__(self, content: Content, fragments: Fragments, keyed: bool = True) -> None:
        self.content, self.fragments, self.keyed = content, fragments, keyed
        self._made: dict[str, IssueView] = {}
        self._keys: dict[str, str] = {}
        self._entries: dict[str, EntryView] = {}
        self._entry_keys: dict[tuple[str, str], str] = {}  # issues and themes ask for the same
        self._digests: dict[tuple[str, str], str] = {}   # of themes and months' tables
        ordered = sorted(content.issues, key=lambda i: i.month)
        self._neighbours = {issue.month.slug: (ordered[n - 1] if n else None,
                                               ordered[n + 1] if n + 1 < len(ordered) else None)
                            for n, issue in enumerate(ordered)}

    def of(self, issue: Issue) -> IssueView:
        view = self._made.get(issue.month.slug)
        if view is None:
            view = self._made[issue.month.slug] = issue_view(self.content, issue,
                                                             self.fragments, self.entry)
        return view

    def shown(self, issue: Issue) -> IssueView | Deferred:
        """What a page shows of `issue`: deferred unless it must be spelled in full."""
        key = self.key_of(issue) if self.keyed else ""
        return Deferred(key, lambda: self.of(issue)) if key or not self.keyed else self.of(issue)

    def key_of(self, issue: Issue) -> str:
        """A digest of everything `issue_view` reads, or "" when an input has none."""
        key = self._keys.get(issue.month.slug)
        if key is None:
            key = self._keys[issue.month.slug] = self._issue_key(issue)
        return key

    def themes(self) -> list[ThemeShown]:
        """Each theme, its entries with their issues (oldest first), and its pages' views."""
        return [(theme, pairs, [(page, self._theme_page(theme, page))
                                for page in theme_pages(pairs)])
                for theme, pairs in self._theme_pairs()]

    def _theme_page(self, theme: Theme, page: ThemePage) -> ThemeView | Deferred:
        def make() -> ThemeView:
            return theme_view(theme, page, self.fragments, self.entry)
        key = self._theme_key(theme, page) if self.keyed else ""
        return Deferred(key, make) if key or not self.keyed else make()

    def overviews(self) -> list[tuple[int | None, Overview | Deferred]]:
        """The RAG overview's pages (`themes.overview_pages`), each named by just what it
        shows: 10,000 cells are cheap to list, dear to spell into a page's key in full."""
        pages = overview_pages(self.content)
        themes = [(t.slug, t.title) for t in self.content.themes]
        years = tuple(year for year, _ in pages if year is not None)
        return [(year, self._overview(year, shown, years, themes)) for year, shown in pages]

    def _overview(self, year: int | None, shown: tuple[Issue, ...], years: tuple[int, ...],
                  themes: list) -> Overview | Deferred:
        def make() -> Overview:
            return rag_overview(self.content, year, shown, years)
        if not self.keyed:
            return Deferred("", make)
        statuses = [(issue.month, issue.is_draft, [(e.theme, e.rag) for e in issue.entries])
                    for issue in shown]
        return Deferred(digest(OVERVIEW_VERSION, spelled((year, themes, years, statuses))), make)

    def entry(self, entry: Entry, theme: Theme, issue: Issue, fragment: Fragment,
              previous: Entry | None) -> EntryView:
        key = self._entry_key(entry, theme, issue, fragment, previous)
        view = self._entries.get(key) if key else None
        if view is None:
            view = entry_view(entry, theme, issue, fragment, previous, key)
            if key:
                self._entries[key] = view
        return view

    def _issue_key(self, issue: Issue) -> str:
        before, later = self._neighbours[issue.month.slug]
        entries = [self._entry_key(e, self.content.theme(e.theme), issue, self.fragments.entry(e),
                                   before.entry(e.theme) if before else None)
                   for e in issue.entries]
        summary = self.fragments.issue_summaries.get(issue.month.slug)
        earlier = self._made_from(before.entries) if before else []
        if not all(entries) or not all(earlier) or (summary and not summary.made_from):
            return ""
        # `_changes` reads the previous issue's entries and their headings; the links
        # read the neighbours' months.
        return digest(ISSUE_VIEW_VERSION, spelled((issue, before.month if before else None,
                                                   later.month if later else None)),
                      summary.made_from if summary else "", *entries, *earlier)

    def _theme_key(self, theme: Theme, page: ThemePage) -> str:
        keys, previous = [], page.before
        for issue, entry in page.pairs:
            keys.append(self._entry_key(entry, theme, issue, self.fragments.entry(entry),
                                        previous))
            previous = entry
        return digest(THEME_VIEW_VERSION, theme_digest(theme), page.year, page.years,
                      *keys) if all(keys) else ""

    def _theme_pairs(self) -> list[tuple[Theme, list[tuple[Issue, Entry]]]]:
        by_theme = entries_by_theme(self.content)
        return [(theme, by_theme[theme.slug]) for theme in self.content.themes]

    def _made_from(self, entries: tuple[Entry, ...]) -> list[str]:
        """Each entry's digest and its fragment's, or "" where one is unknown."""
        return [e.made_from and self.fragments.entry(e).made_from and
                e.made_from + self.fragments.entry(e).made_from for e in entries]

    def _entry_key(self, entry: Entry, theme: Theme, issue: Issue, fragment: Fragment,
                   previous: Entry | None) -> str:
        # An entry's digest names its file, so its theme and month, and so the month's tables
        known = (entry.made_from, previous.made_from if previous else "")
        key = self._entry_keys.get(known) if entry.made_from else None
        if key is None:
            key = entry_view_key(entry, theme, issue, fragment, previous, lambda: (
                self._digest("theme", theme.slug, theme_digest, theme),
                self._digest("tables", issue.month.slug, tables_digest, issue)))
            if entry.made_from:
                self._entry_keys[known] = key
        return key

    def _digest(self, kind: str, name: str, make: Callable[[Any], str], of: Any) -> str:
        found = self._digests.get((kind, name))
        if found is None:
            found = self._digests[kind, name] = make(of)
        return found
