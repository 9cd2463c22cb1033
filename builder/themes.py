"""Views across months: one theme's history, and the theme-by-month RAG overview."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import urls
from .fragments import Fragments
from .model import Contact, Content, Entry, Issue, Theme
from .views import EntryView, Link, RagView, entry_view


@dataclass(frozen=True)
class HistoryPoint:
    label: str
    href: str
    rag: RagView


@dataclass(frozen=True)
class ThemeView:
    slug: str
    title: str
    description: str
    href: str
    contacts: tuple[Contact, ...]
    exit_this_page: bool
    latest: RagView | None
    history: tuple[HistoryPoint, ...]   # oldest first, as a timeline reads
    entries: tuple[EntryView, ...]      # newest first


@dataclass(frozen=True)
class ThemeListing:
    """A theme as the list of themes shows it: no entries, so no need to make them."""

    title: str
    description: str
    href: str
    latest: RagView | None

    @staticmethod
    def of(theme: Theme, pairs: list[tuple[Issue, Entry]]) -> "ThemeListing":
        return ThemeListing(theme.title, theme.description, urls.theme(theme.slug),
                            RagView.of(pairs[-1][1].rag) if pairs else None)


@dataclass(frozen=True)
class OverviewCell:
    rag: RagView | None
    href: str | None


@dataclass(frozen=True)
class OverviewRow:
    theme: Link
    cells: tuple[OverviewCell, ...]


@dataclass(frozen=True)
class Overview:
    months: tuple[Link, ...]
    rows: tuple[OverviewRow, ...]


def theme_views(content: Content, fragments: Fragments,
                make_entry: Callable[..., EntryView] = entry_view) -> list[ThemeView]:
    by_theme = entries_by_theme(content)
    return [theme_view(theme, by_theme[theme.slug], fragments, make_entry)
            for theme in content.themes]


def entries_by_theme(content: Content) -> dict[str, list[tuple[Issue, Entry]]]:
    """Each theme's entries with their issues, oldest first."""
    by_theme: dict[str, list] = {theme.slug: [] for theme in content.themes}
    for issue in content.issues:
        for entry in issue.entries:
            by_theme.setdefault(entry.theme, []).append((issue, entry))
    return by_theme


def theme_view(theme: Theme, pairs: list[tuple[Issue, Entry]], fragments: Fragments,
               make_entry: Callable[..., EntryView] = entry_view) -> ThemeView:
    entries, previous = [], None
    for issue, entry in pairs:
        entries.append(make_entry(entry, theme, issue, fragments.entry(entry), previous))
        previous = entry
    history = tuple(HistoryPoint(e.month_label, e.issue_href, e.rag) for e in entries)
    return ThemeView(theme.slug, theme.title, theme.description, urls.theme(theme.slug),
                     theme.contacts, theme.exit_this_page, entries[-1].rag if entries else None,
                     history, tuple(reversed(entries)))


def rag_overview(content: Content) -> Overview:
    months = tuple(Link(i.month.label, urls.issue(i.month)) for i in content.issues)
    rows = []
    for theme in content.themes:
        cells = []
        for issue in content.issues:
            entry = issue.entry(theme.slug)
            cells.append(OverviewCell(RagView.of(entry.rag) if entry else None,
                                      f"{urls.issue(issue.month)}#{theme.slug}" if entry else None))
        rows.append(OverviewRow(Link(theme.title, urls.theme(theme.slug)), tuple(cells)))
    return Overview(months, tuple(rows))
