"""Views across months: one theme's history, and the theme-by-month RAG overview."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import urls
from .fragments import Fragments
from .model import Contact, Content, Entry, Issue, Theme
from .views import EntryView, Link, RagView, entry_view, month_title


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
    history: tuple[HistoryPoint, ...]   # of this page's entries, oldest first
    entries: tuple[EntryView, ...]      # this page's, newest first
    year: int | None = None             # a page of one year's entries; None: the latest
    years: tuple[Link, ...] = ()        # the pages of each year, newest first
    ended: str | None = None            # its last month ("March 2026"), if it has ended


@dataclass(frozen=True)
class ThemeListing:
    """A theme as the list of themes shows it: no entries, so no need to make them."""

    title: str
    description: str
    href: str
    latest: RagView | None
    ended: str | None = None            # its last month ("March 2026"), if it has ended

    @staticmethod
    def of(theme: Theme, pairs: list[tuple[Issue, Entry]]) -> "ThemeListing":
        return ThemeListing(theme.title, theme.description, urls.theme(theme.slug),
                            RagView.of(pairs[-1][1].rag) if pairs else None,
                            theme.ended.label if theme.ended else None)


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
    months: tuple[Link, ...]            # newest first: a phone shows the latest unscrolled
    rows: tuple[OverviewRow, ...]       # the themes with an update in one of those months
    year: int | None = None             # a page of one year's issues; None: the latest
    years: tuple[Link, ...] = ()        # the pages of each year, newest first


# A theme's page shows its latest twelve updates; when it has more, each year has a
# page of its own. Ten years of monthly updates on one page would be a long read on a
# phone (and were 2.8 MB of HTML to draw again on every edit).
RECENT = 12


@dataclass(frozen=True)
class ThemePage:
    """Which of a theme's entries one of its pages shows."""

    year: int | None                      # None: the theme's own page, with its latest
    pairs: list[tuple[Issue, Entry]]      # oldest first
    before: Entry | None                  # the entry before the first, for its change
    years: tuple[int, ...]                # every year with a page, newest first

    def url(self, theme: Theme) -> str:
        return urls.theme(theme.slug, self.year)


def theme_pages(pairs: list[tuple[Issue, Entry]]) -> list[ThemePage]:
    """The theme's own page, then a page per year if its entries do not fit on one."""
    spans, years = recent_and_yearly([issue for issue, _ in pairs])
    return [ThemePage(year, pairs[first:end], pairs[first - 1][1] if first else None, years)
            for year, first, end in spans]


def recent_and_yearly(issues: list[Issue]) -> tuple[list[tuple[int | None, int, int]],
                                                    tuple[int, ...]]:
    """Where the pages of `issues` (oldest first) start and end: the latest RECENT on the
    first page (year None), then, if there are more, one page for each year, newest first;
    and those years."""
    if len(issues) <= RECENT:
        return [(None, 0, len(issues))], ()
    places: dict[int, list[int]] = {}   # year -> where its issues are in `issues`
    for n, issue in enumerate(issues):
        places.setdefault(issue.month.year, []).append(n)
    years = tuple(sorted(places, reverse=True))
    return ([(None, len(issues) - RECENT, len(issues))]
            + [(year, places[year][0], places[year][-1] + 1) for year in years]), years


def entries_by_theme(content: Content) -> dict[str, list[tuple[Issue, Entry]]]:
    """Each theme's entries with their issues, oldest first."""
    by_theme: dict[str, list] = {theme.slug: [] for theme in content.themes}
    for issue in content.issues:
        for entry in issue.entries:
            by_theme.setdefault(entry.theme, []).append((issue, entry))
    return by_theme


def theme_view(theme: Theme, page: ThemePage, fragments: Fragments,
               make_entry: Callable[..., EntryView] = entry_view) -> ThemeView:
    entries, previous = [], page.before
    for issue, entry in page.pairs:
        entries.append(make_entry(entry, theme, issue, fragments.entry(entry), previous))
        previous = entry
    # newest first, as the updates below it and the RAG overview are (a reader's trial
    # heard the history from its oldest month, then the updates from their newest)
    history = tuple(HistoryPoint(e.month_title, e.issue_href, e.rag) for e in reversed(entries))
    years = tuple(Link(str(year), urls.theme(theme.slug, year)) for year in page.years)
    return ThemeView(theme.slug, theme.title, theme.description, urls.theme(theme.slug),
                     theme.contacts, theme.exit_this_page, history, tuple(reversed(entries)),
                     page.year, years, theme.ended.label if theme.ended else None)


def overview_pages(content: Content) -> list[tuple[int | None, tuple[Issue, ...]]]:
    """The RAG overview's pages, as a theme's: the latest twelve issues, then, once there
    are more, a page per year (every column of ten years was 120 to scroll past)."""
    issues = list(content.issues)
    spans, _ = recent_and_yearly(issues)
    return [(year, tuple(issues[first:end])) for year, first, end in spans]


def rag_overview(content: Content, year: int | None = None,
                 shown: tuple[Issue, ...] | None = None,
                 years: tuple[int, ...] | None = None) -> Overview:
    """The status of each theme in each of `shown` (every issue if not given), newest
    first; a theme with no update in any of them has no row. `years`: those with a page
    (`overview_pages` knows them; found again if not given)."""
    newest_first = tuple(reversed(content.issues if shown is None else shown))
    # a --drafts build shows a draft month's statuses beside the published ones'
    months = tuple(Link(month_title(i.month.label, i.is_draft), urls.issue(i.month))
                   for i in newest_first)
    rows = []
    for theme in content.themes:
        entries = [issue.entry(theme.slug) for issue in newest_first]
        if not any(entries):
            continue
        cells = tuple(OverviewCell(RagView.of(entry.rag), f"{urls.issue(issue.month)}#{theme.slug}")
                      if entry else OverviewCell(None, None)
                      for issue, entry in zip(newest_first, entries))
        rows.append(OverviewRow(Link(theme.title, urls.theme(theme.slug)), cells))
    if years is None:
        years = recent_and_yearly(list(content.issues))[1]
    return Overview(months, tuple(rows), year, tuple(Link(str(y), urls.rag(y)) for y in years))
